using System.Diagnostics;
using System.Globalization;

namespace Shannon.Docs.Tests;

/// <summary>
/// The single-file programs of samples/: each is compiled from its file (Roslyn, in process, against the same
/// library) and run on real data, and its output checked; one of them is also run the way a user runs it,
/// `dotnet run samples/text-entropy.cs -- FILE` (a cold `dotnet run` of a file-based app restores and builds a
/// project of its own: about 40 s on a busy 2-core machine, so only one does it here).
/// </summary>
public sealed class SampleTests
{
    private static string Run(string sample, params string[] args) =>
        CSharpSnippetTests.Run("samples/" + sample, Path.Combine(DocBlocks.RepositoryRoot, "samples", sample),
            File.ReadAllText(Path.Combine(DocBlocks.RepositoryRoot, "samples", sample)), args);

    [Fact]
    public async Task DotnetRunRunsASampleAsAUserWould()
    {
        string text = Path.Combine(Path.GetTempPath(), $"shannon-sample-run-{Environment.ProcessId}.txt");
        File.WriteAllText(text, string.Concat(Enumerable.Repeat("aabb", 50)));
        try
        {
            string printed = await Start("text-entropy.cs", text);
            // "aabb" repeated: two symbols of frequency 1/2, so the plug-in entropy is exactly 1 bit per character.
            Assert.Contains("H(X)         plugin        1.0000 bits per character", printed, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(text);
        }
    }

    [Fact]
    public void EverySampleRunsAndPrintsWhatItPromises()
    {
        string text = Path.Combine(Path.GetTempPath(), $"shannon-sample-{Environment.ProcessId}.txt");
        File.WriteAllText(text, string.Concat(Enumerable.Repeat("aabb", 50)));
        try
        {
            string entropy = Run("text-entropy.cs", text);
            string rank = Run("rank-features.cs", "docs/data/wine.csv", "class", "19");
            string kl = Run("kl-between-models.cs", "docs/data/wine.csv");

            // "aabb" repeated: two symbols of frequency 1/2, so the plug-in entropy is exactly 1 bit per character.
            Assert.Contains("H(X)         plugin        1.0000 bits per character", entropy, StringComparison.Ordinal);

            // scikit-learn 1.2.1's mutual_info_classif(X, y, n_neighbors=3, random_state=0) ranks flavanoids first
            // (0.666 nats = 0.961 bits; tools/reference/export_wine.py); with 19 permutations the smallest p is 0.05.
            var first = rank.Split('\n')[1];
            Assert.StartsWith("  flavanoids ", first, StringComparison.Ordinal);
            Assert.EndsWith("p = 0.05", first.TrimEnd(), StringComparison.Ordinal);
            double bits = double.Parse(first.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            Assert.Equal(0.6664147135656704 / Math.Log(2), bits, 0.01);

            // KL > 0 both ways and not symmetric, JS in [0, 1] bit.
            double Value(string prefix) => double.Parse(kl.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal)).Split('=')[1].Replace("bits", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            double ab = Value("mean KL(naive Bayes"), ba = Value("mean KL(nearest"), js = Value("mean JS");
            Assert.True(ab > 0 && ba > 0 && ab != ba, kl);
            Assert.InRange(js, 0, 1);
            // Convexity of KL in its second argument gives KL(A||M) <= KL(A||B)/2 for M = (A+B)/2, so per wine
            // JS <= (KL(A||B) + KL(B||A))/4 (Lin 1991, IEEE Trans. Inf. Theory 37(1), theorem 3), and so for the means.
            Assert.True(js <= (ab + ba) / 4 + 1e-4, kl); // 1e-4: the printed values are rounded to 4 decimals
        }
        finally
        {
            File.Delete(text);
        }
    }

    private static Task<string> Start(string sample, params string[] args) => Task.Run(() =>
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = DocBlocks.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add(Path.Combine("samples", sample));
        info.ArgumentList.Add("--");
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet run samples/{sample} did not finish in 5 minutes");
        }

        Assert.True(process.ExitCode == 0, $"dotnet run samples/{sample} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result.Replace("\r", "", StringComparison.Ordinal);
    });
}
