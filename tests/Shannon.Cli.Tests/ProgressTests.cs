using System.Diagnostics;
using Shannon.Cli.Output;
using Shannon.Lab.Report;

namespace Shannon.Cli.Tests;

/// <summary>The progress display: one redrawn line on stderr when on; nothing at all when off (--json, stderr redirected).</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shannon-progress-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WhenOnItRedrawsOneLineAndClearsIt()
    {
        var error = new StringWriter();
        var progress = new StderrProgress("lm train", enabled: true, error, width: 60);
        progress.Report("counting n-grams", 0.25);
        progress.Report(0.5); // same step within 0.1 s: not redrawn
        progress.Report("writing", double.NaN);
        progress.Clear();
        string drawn = error.ToString();
        Assert.StartsWith("\rlm train: counting n-grams 25% (", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain("50%", drawn, StringComparison.Ordinal);
        Assert.Contains("\rlm train: writing (", drawn, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', drawn);
        Assert.EndsWith("\r", drawn, StringComparison.Ordinal); // the line is erased: normal output starts in column 0
        Assert.All(drawn.Split('\r', StringSplitOptions.RemoveEmptyEntries), part => Assert.True(part.Length < 60, part));
    }

    [Fact]
    public void BareFractionsFromTheStartAreDrawn()
    {
        // rank and matrix report fractions only (IProgress<double>), from the first call and after a Clear: the
        // first one draws (the "never drawn" time once overflowed a TimeSpan subtraction and crashed `rank`).
        var error = new StringWriter();
        var progress = new StderrProgress("rank", enabled: true, error, width: 60);
        progress.Report(0.25);
        progress.Clear();
        progress.Report(0.5);
        Assert.Contains("\rrank:  25% (", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("\rrank:  50% (", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEndOfAStepIsAlwaysDrawnAndOtherTypesAdapt()
    {
        var error = new StringWriter();
        var progress = new StderrProgress("lab", enabled: true, error);
        IProgress<ExperimentProgress> lab = progress;
        lab.Report(new ExperimentProgress("information-plane", "trained 1 of 4 networks", 0.25));
        var solver = progress.For<(int Done, int Total)>(p => ($"permutation {p.Done} of {p.Total}", (double)p.Done / p.Total));
        solver.Report((999, 999));
        Assert.Contains("lab: trained 1 of 4 networks 25%", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("lab: permutation 999 of 999 100%", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WhenOffItWritesNothing()
    {
        var error = new StringWriter();
        var progress = new StderrProgress("lab", enabled: false, error);
        progress.Report("step", 0.5);
        progress.For<int>(i => ("x", i)).Report(1);
        progress.Clear();
        Assert.Equal("", error.ToString());
        Assert.False(StderrProgress.ForCommand("rank", json: true, TextWriter.Null, errorIsConsole: true).Enabled);
    }

    [Fact]
    public void AWriterThatIsNotTheProcessConsoleIsNeverATerminal()
    {
        // CliApp.Run(args, output, error) with any writers but the process's own (a test's, the docs', the fuzzer's):
        // the display is off whatever the terminal says, so captured stderr holds only what the command printed.
        var error = new StringWriter();
        var progress = StderrProgress.ForCommand("lab", json: false, error, errorIsConsole: false);
        progress.Report("step", 0.5);
        progress.Clear();
        Assert.False(progress.Enabled);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void LongJobsPrintNoProgressWhenStderrIsRedirectedOrUnderJson()
    {
        // The real command in its own process, stderr a pipe (as in a script): only results, no progress line.
        string corpus = Path.Combine(_dir, "corpus.txt");
        File.WriteAllText(corpus, string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog. ", 200)));
        foreach (var json in new[] { false, true })
        {
            var args = new List<string> { "lm", "train", "--corpus", corpus, "--order", "4", "--out", Path.Combine(_dir, "m.lm") };
            if (json)
            {
                args.Add("--json");
            }

            var (code, stdout, stderr) = Cli([.. args]);
            Assert.True(code == 0, stderr);
            Assert.Contains(json ? "\"measure\": \"lm-train\"" : "Trained an order-4 model", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain('\r', stderr + stdout);
            Assert.DoesNotContain("lm train:", stderr, StringComparison.Ordinal);
        }

        // In process, the lab's experiments report through the same display: stdout keeps the result lines, stderr is empty.
        var lab = CliRunner.Run("lab", "binary-entropy", "--quick", "--out", Path.Combine(_dir, "report"));
        Assert.True(lab.Code == 0, lab.Err);
        Assert.Contains("[binary-entropy] done in", lab.Out, StringComparison.Ordinal);
        Assert.Equal("", lab.Err);
    }

    private static (int Code, string Out, string Err) Cli(string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Shannon.Cli.Host.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        return (process.ExitCode, output, err.Result);
    }
}
