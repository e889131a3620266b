using System.Diagnostics;
using System.Globalization;

namespace Shannon.Docs.Tests;

/// <summary>
/// The single-file programs of samples/: each is compiled from its file (Roslyn, in process, against the same
/// library) and run on real data, and its output checked; one of them is also run the way a user runs it, on the
/// Shannon package packed from this build: `dotnet run text-entropy.cs -- FILE` (a cold `dotnet run` of a file-based
/// app restores and builds a project of its own, so only one does it here).
/// </summary>
public sealed class SampleTests
{
    private static string Run(string sample, params string[] args) =>
        CSharpSnippetTests.Run("samples/" + sample, Path.Combine(DocBlocks.RepositoryRoot, "samples", sample),
            File.ReadAllText(Path.Combine(DocBlocks.RepositoryRoot, "samples", sample)), args);

    [Fact]
    public async Task DotnetRunRunsASampleOnThePackedPackageAsAUserWould()
    {
        string temp = Path.Combine(Path.GetTempPath(), "shannon-sample-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(temp, "feed"), app = Path.Combine(temp, "app"), packages = Path.Combine(temp, "packages");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(app);
        try
        {
            // The library packed from what the test build compiled, into a folder that is the only source of Shannon.
            var (packCode, packOut) = await Dotnet(DocBlocks.RepositoryRoot, "pack", Path.Combine(DocBlocks.RepositoryRoot, "src", "Shannon", "Shannon.csproj"),
                "-c", Configuration, "--no-build", "-o", feed, "-nologo", "-v", "q");
            Assert.True(packCode == 0, packOut);
            Assert.Single(Directory.GetFiles(feed, "Shannon.*.nupkg"), f => !f.EndsWith(".snupkg", StringComparison.Ordinal));

            // The sample in a folder of its own, as a user has it: the file, the samples' build settings, and a nuget.config
            // whose sources are that folder and the machine's package cache (for MathNet and System.Numerics.Tensors,
            // restored there by this build), with a fresh packages folder so no cached Shannon can stand in.
            File.Copy(Path.Combine(DocBlocks.RepositoryRoot, "samples", "text-entropy.cs"), Path.Combine(app, "text-entropy.cs"));
            File.Copy(Path.Combine(DocBlocks.RepositoryRoot, "samples", "Directory.Build.props"), Path.Combine(app, "Directory.Build.props"));
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
                ? set : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{packages}" /></config>
                  <packageSources><clear /><add key="local" value="{feed}" /><add key="cache" value="{cache}" /></packageSources>
                </configuration>
                """);
            Assert.StartsWith("#:package Shannon@", File.ReadLines(Path.Combine(app, "text-entropy.cs")).First(), StringComparison.Ordinal);

            string text = Path.Combine(app, "aabb.txt");
            File.WriteAllText(text, string.Concat(Enumerable.Repeat("aabb", 50)));
            var (code, printed) = await Dotnet(app, "run", "text-entropy.cs", "--", text);
            Assert.True(code == 0, $"dotnet run text-entropy.cs exited {code}:\n{printed}");
            // "aabb" repeated: two symbols of frequency 1/2, so the plug-in entropy is exactly 1 bit per character.
            Assert.Contains("H(X)         plugin        1.0000 bits per character", printed, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(packages, "shannon")), "Shannon was not restored from the packed folder");
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, true);
            }
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

            // scikit-learn 1.2.1's mutual_info_classif(X, y, n_neighbors=3, random_state=0) in nats
            // (tools/reference/export_wine.py): flavanoids 0.666, proline 0.567, color_intensity 0.552, od280_od315 0.506
            // first. The same estimator (Ross's) on the dequantised columns instead of 1e-10 jitter: the same four first,
            // flavanoids first, each within 0.05 bits (about the estimate's standard deviation at n = 178), and with 19
            // permutations the smallest p is 0.05.
            string[] ranking = [.. rank.Split('\n').Skip(1).Where(l => l.Length > 0)];
            var sklearnBits = new Dictionary<string, double>
            {
                ["flavanoids"] = 0.6664147135656704 / Math.Log(2), ["proline"] = 0.567 / Math.Log(2),
                ["color_intensity"] = 0.552 / Math.Log(2), ["od280_od315"] = 0.506 / Math.Log(2),
            };
            Assert.StartsWith("  flavanoids ", ranking[0], StringComparison.Ordinal);
            foreach (var line in ranking.Take(4))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(sklearnBits.ContainsKey(fields[0]), rank);
                Assert.Equal(sklearnBits[fields[0]], double.Parse(fields[1], CultureInfo.InvariantCulture), 0.05);
                Assert.Contains("p = 0.05", line, StringComparison.Ordinal);
                Assert.EndsWith("(mixed-ross)", line, StringComparison.Ordinal);
            }

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

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>Runs dotnet in a folder; the exit code and stdout followed by stderr.</summary>
    private static Task<(int Code, string Output)> Dotnet(string directory, params string[] args) => Task.Run(() =>
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
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
            Assert.Fail($"dotnet {string.Join(' ', args)} did not finish in 5 minutes");
        }

        return (process.ExitCode, (stdout.Result + stderr.Result).Replace("\r", "", StringComparison.Ordinal));
    });
}
