using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>
/// Issue 15, each example as a test: crashes that are now refusals, silently wrong numbers that are now right, bad
/// CSV input refused by every surface, and outputs that never destroy a user's file.
/// </summary>
public sealed class HardeningTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shannon-harden-" + Guid.NewGuid().ToString("N"));

    public HardeningTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Theory]
    [InlineData("entropy", "--probabilities", "1e308,1e308")]
    [InlineData("kl", "--p", "0.5,0.5", "--q", "1e308,1e308")]
    [InlineData("js", "--p", "0.5,0.5", "--q", "1e308,1e308")]
    [InlineData("cross-entropy", "--p", "1e308,1e308", "--q", "0.5,0.5")]
    public void ProbabilityVectorsWhoseSumOverflows_AreRefused(params string[] args) =>
        CliRunner.AssertUsageError(args, "1E+308");

    [Fact]
    public void SubnormalQ_GivesTheFiniteKl_WithoutAFalseWarning()
    {
        // 1/2 log2(2^-1 / 2^-1074) + 1/2 log2(1/2) = 536 bits (analytic; 5e-324 = 2^-1074).
        var json = Json("kl", "--p", "0.5,0.5", "--q", "5e-324,1");
        Assert.Equal(536.0, json.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());
        var (code, stdout, stderr) = CliRunner.Run("kl", "--p", "0.5,0.5", "--q", "5e-324,1");
        Assert.Equal(0, code);
        Assert.DoesNotContain("Infinity", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void PerplexityBeyondTheDoubleRange_IsAPower_NotInfinity()
    {
        // e^710 = 10^(710 / ln 10) = 10^308.349082... (710 / 2.302585092994046 = 308.3490820...).
        var (code, stdout, _) = CliRunner.Run("convert", "710", "--from", "nats", "--to", "perplexity");
        Assert.Equal(0, code);
        Assert.DoesNotContain("Infinity", stdout, StringComparison.Ordinal);
        Assert.Contains("10^308.349082", stdout, StringComparison.Ordinal);
        Assert.Contains("overflows", stdout, StringComparison.Ordinal);
        var json = Json("convert", "710", "--from", "nats", "--to", "perplexity");
        Assert.Equal(308.349082, json.GetProperty("log10_value").GetDouble(), 1e-6);
        Assert.Equal(1, json.GetProperty("warnings").GetArrayLength());
        CliRunner.AssertUsageError(["convert", "1.5e308", "--from", "nats", "--to", "bits"], "beyond the range");
    }

    [Fact]
    public void CountsWhoseTotalOverflowsLong_AreRefused()
    {
        string counts = Write("counts.csv", "count\n9223372036854775807\n9223372036854775807\n");
        CliRunner.AssertUsageError(["entropy", "--counts", counts], "overflows");
        CliRunner.AssertUsageError(["entropy", "--counts", counts, "--estimator", "nsb"], "overflows");
    }

    [Fact]
    public void CalibrationBins_AreCapped()
    {
        string csv = Write("cal.csv", "p,label\n0.2,0\n0.9,1\n0.6,1\n");
        CliRunner.AssertUsageError(["calibration", csv, "--probabilities", "p", "--label", "label", "--bins", "1000000000"], "`--bins` must be <= 1048576");
        Assert.Equal(0, CliRunner.Run("calibration", csv, "--probabilities", "p", "--label", "label", "--bins", "1048576").Code);
    }

    [Fact]
    public void SymlinkLoop_IsACleanRefusal_ForEveryCommandThatReadsAFile()
    {
        string a = Path.Combine(_dir, "loop-a"), b = Path.Combine(_dir, "loop-b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        foreach (var args in new[]
        {
            new[] { "pmi", a }, ["lm", "train", "--corpus", a, "--order", "2", "--out", Path.Combine(_dir, "m.shlm")],
            ["entropy", a, "--column", "x"], ["calibration", a, "--probabilities", "p", "--label", "y"], ["ib", "--joint", a, "--beta", "2"],
        })
        {
            var (code, stdout, stderr) = CliRunner.Run(args);
            Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {stderr}");
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SmallestTemperature_Samples()
    {
        string corpus = Write("c.txt", string.Concat(Enumerable.Repeat("abracadabra, the cat sat. ", 20)));
        string model = Path.Combine(_dir, "m.shlm");
        Assert.Equal(0, CliRunner.Run("lm", "train", "--corpus", corpus, "--order", "3", "--out", model).Code);
        var json = Json("lm", "sample", "--model", model, "--temperature", "5e-324", "--length", "30");
        Assert.Equal(30, json.GetProperty("text").GetString()!.Length);
        Assert.Equal(0.0, json.GetProperty("value").GetDouble()); // the argmax: every sampling distribution is a point mass
    }

    [Fact]
    public void FlippedModelFile_IsRefusedWithItsPath()
    {
        string corpus = Write("c.txt", string.Concat(Enumerable.Repeat("abracadabra, the cat sat. ", 20)));
        string model = Path.Combine(_dir, "m.shlm");
        Assert.Equal(0, CliRunner.Run("lm", "train", "--corpus", corpus, "--order", "3", "--out", model).Code);
        var bytes = File.ReadAllBytes(model);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(model, bytes);
        CliRunner.AssertUsageError(["lm", "eval", "--model", model, "--text", corpus], model, "checksum");
        CliRunner.AssertUsageError(["lm", "sample", "--model", model], model);
    }

    [Theory]
    [InlineData("x,y\n1,\"a\n2,b\n3,c\n", "never clos")]
    [InlineData("x,y\na\0,1\na,2\n", "NUL")]
    [InlineData("x,x\n1,2\n3,4\n", "appears twice")]
    [InlineData("x,X\n1,2\n3,4\n", "appears twice")]
    [InlineData("x,\n1,2\n3,4\n", "has no name")]
    [InlineData("x,y\n1,2\n3\n", "fields")]
    public void CsvThatBreaksTheInputRules_IsRefusedByTheDataCommands(string csv, string fragment)
    {
        string path = Write("bad.csv", csv);
        CliRunner.AssertUsageError(["entropy", path, "--column", "x"], fragment);
        CliRunner.AssertUsageError(["mi", path, "--x", "x", "--y", "y"], fragment);
        CliRunner.AssertUsageError(["calibration", path, "--probabilities", "x", "--label", "y"], fragment);
    }

    [Fact]
    public void BinnedOnAColumnSpanningTheDoubleRange_IsFinite()
    {
        string path = Write("huge.csv", "x,y\n1e308,1\n-1e308,2\n0,1\n5,2\n-3,1\n1e307,2\n");
        var json = Json("mi", path, "--x", "x", "--y", "y", "--estimator", "binned");
        Assert.True(double.IsFinite(json.GetProperty("value").GetDouble()));
        var h = Json("entropy", path, "--column", "x", "--estimator", "binned");
        Assert.True(double.IsFinite(h.GetProperty("value").GetDouble()));
    }

    [Fact]
    public void LmTrain_NeverWritesOverItsCorpus_OrAForeignFile_OrThroughALink()
    {
        string corpus = Write("corpus.txt", string.Concat(Enumerable.Repeat("the cat sat on the mat. ", 20)));
        string before = File.ReadAllText(corpus);
        CliRunner.AssertUsageError(["lm", "train", "--corpus", corpus, "--order", "2", "--out", corpus], "inputs");
        CliRunner.AssertUsageError(["lm", "train", "--corpus", corpus, "--order", "2", "--out", corpus, "--force"], "inputs");
        Assert.Equal(before, File.ReadAllText(corpus));

        string foreign = Write("notes.txt", "someone's notes");
        CliRunner.AssertUsageError(["lm", "train", "--corpus", corpus, "--order", "2", "--out", foreign], "--force");
        Assert.Equal("someone's notes", File.ReadAllText(foreign));
        Assert.Equal(0, CliRunner.Run("lm", "train", "--corpus", corpus, "--order", "2", "--out", foreign, "--force").Code);

        string link = Path.Combine(_dir, "link.shlm");
        string target = Write("target.txt", "keep");
        File.CreateSymbolicLink(link, target);
        CliRunner.AssertUsageError(["lm", "train", "--corpus", corpus, "--order", "2", "--out", link, "--force"], "symbolic link");
        Assert.Equal("keep", File.ReadAllText(target));

        // A model Shannon wrote may be replaced without --force; no temporary file is left behind.
        string model = Path.Combine(_dir, "m.shlm");
        Assert.Equal(0, CliRunner.Run("lm", "train", "--corpus", corpus, "--order", "2", "--out", model).Code);
        Assert.Equal(0, CliRunner.Run("lm", "train", "--corpus", corpus, "--order", "3", "--out", model).Code);
        Assert.DoesNotContain(Directory.GetFiles(_dir), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void MatrixOut_RefusesAForeignFileAndALink_AndReplacesItsOwnPng()
    {
        string csv = Write("d.csv", "x,y\n1,2\n2,1\n1,1\n2,2\n");
        string png = Path.Combine(_dir, "m.png");
        Assert.Equal(0, CliRunner.Run("matrix", csv, "--out", png).Code);
        Assert.Equal(0, CliRunner.Run("matrix", csv, "--out", png).Code); // its own picture
        string foreign = Write("photo.png", "a photo");
        CliRunner.AssertUsageError(["matrix", csv, "--out", foreign], "--force");
        Assert.Equal("a photo", File.ReadAllText(foreign));
        Assert.Equal(0, CliRunner.Run("matrix", csv, "--out", foreign, "--force").Code);
        string link = Path.Combine(_dir, "link.png");
        File.CreateSymbolicLink(link, png);
        CliRunner.AssertUsageError(["matrix", csv, "--out", link, "--force"], "symbolic link");
    }

    [Fact]
    public void LabOut_IsCheckedBeforeAnythingRuns()
    {
        string file = Write("existing.txt", "not a folder");
        var watch = Stopwatch.StartNew();
        CliRunner.AssertUsageError(["lab", "--out", file], "existing file");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "lab ran experiments before refusing its --out");
        Assert.Equal("not a folder", File.ReadAllText(file));

        string folder = Path.Combine(_dir, "mine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.html"), "my own page");
        CliRunner.AssertUsageError(["lab", "binary-entropy", "--quick", "--out", folder], "not a Shannon report");
        Assert.Equal("my own page", File.ReadAllText(Path.Combine(folder, "index.html")));
    }

    [Fact]
    public void LabReport_IsMarked_AndMayBeRewritten()
    {
        string folder = Path.Combine(_dir, "report");
        Assert.Equal(0, CliRunner.Run("lab", "binary-entropy", "--quick", "--out", folder).Code);
        Assert.True(File.Exists(Path.Combine(folder, Shannon.Data.OutputFile.ReportMarker)));
        Assert.True(Shannon.Data.OutputFile.IsShannonPng(Path.Combine(folder, "figures", "binary-entropy-curve.png")));
        Assert.Equal(0, CliRunner.Run("lab", "binary-entropy", "--quick", "--out", folder).Code);
    }

    [Fact]
    public void IbOnAHugeAlphabet_IsACleanRefusal()
    {
        var text = new StringBuilder("x,y\n");
        for (int i = 0; i < 50_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{i % 2}\n");
        }

        string path = Write("wide-ib.csv", text.ToString());
        CliRunner.AssertUsageError(["ib", path, "--x", "x", "--y", "y", "--discrete", "x", "--beta", "5"], "must be a table whose");
    }

    [Fact]
    public void MatrixOfTooManyColumns_IsRefused_NotAnHourOfWork()
    {
        string header = string.Join(",", Enumerable.Range(0, 150).Select(i => $"c{i}"));
        string row = string.Join(",", Enumerable.Range(0, 150).Select(i => (i % 3).ToString(CultureInfo.InvariantCulture)));
        string path = Write("wide.csv", header + "\n" + row + "\n" + row + "\n");
        CliRunner.AssertUsageError(["matrix", path], "at most 100 columns");
    }
}
