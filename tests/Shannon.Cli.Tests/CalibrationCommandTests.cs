using System.Text.Json;
using Shannon.Cli;

namespace Shannon.Cli.Tests;

public sealed class CalibrationCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shannon-calibration-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    // The data and expected values are those of tools/reference/alignment_calibration.py (numpy 1.24.2,
    // scikit-learn 1.2.1 brier_score_loss / log_loss); tolerance 1e-12 (the JSON carries round-trip doubles).
    [Fact]
    public void BinaryFileMatchesPythonReference()
    {
        var path = File("binary.csv",
            "id,p,y\n1,0.05,0\n2,0.15,0\n3,0.2,1\n4,0.35,0\n5,0.5,1\n6,0.55,1\n7,0.62,0\n8,0.7,1\n9,0.81,1\n10,0.9,0\n11,0.95,1\n12,0.99,1\n");
        var (code, stdout, stderr) = Run("calibration", path, "--probabilities", "p", "--label", "y", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("calibration", root.GetProperty("measure").GetString());
        Assert.Equal(12, root.GetProperty("n").GetInt32());
        Assert.Equal(2, root.GetProperty("classes").GetInt32());
        Assert.Equal(0.3058333333333333, root.GetProperty("ece").GetDouble(), 1e-12);
        Assert.Equal(0.3058333333333333, root.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(0.9, root.GetProperty("mce").GetDouble(), 1e-12);
        Assert.Equal(0.2135916666666667, root.GetProperty("brier").GetDouble(), 1e-12);
        Assert.Equal(0.17592083333333336, root.GetProperty("reliability").GetDouble(), 1e-12);
        Assert.Equal(0.20138888888888887, root.GetProperty("resolution").GetDouble(), 1e-12);
        Assert.Equal(0.24305555555555555, root.GetProperty("uncertainty").GetDouble(), 1e-12);
        Assert.Equal(0.6203271632065528, root.GetProperty("log_loss").GetDouble(), 1e-12);
        Assert.Equal(15, root.GetProperty("diagram").GetArrayLength());
        Assert.Contains("biased upward", root.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MultiClassFileMatchesPythonReference()
    {
        var path = File("multi.csv",
            "p0,p1,p2,label\n0.7,0.2,0.1,0\n0.1,0.8,0.1,1\n0.3,0.3,0.4,1\n0.25,0.5,0.25,1\n0.6,0.3,0.1,2\n" +
            "0.05,0.05,0.9,2\n0.4,0.35,0.25,0\n0.2,0.2,0.6,2\n1.0,0.0,0.0,0\n\"0.34\",0.33,0.33,1\n");
        var (code, stdout, stderr) = Run("calibration", path, "--probabilities", "p0,p1,p2", "--label", "label", "--bins", "15", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("classes").GetInt32());
        Assert.Equal(0.14400000000000002, root.GetProperty("ece").GetDouble(), 1e-12);
        Assert.Equal(0.4048399999999999, root.GetProperty("brier").GetDouble(), 1e-12);
        Assert.Equal(0.22914166666666674, root.GetProperty("reliability").GetDouble(), 1e-12);
        Assert.Equal(0.4766666666666666, root.GetProperty("resolution").GetDouble(), 1e-12);
        Assert.Equal(0.6599999999999999, root.GetProperty("uncertainty").GetDouble(), 1e-12);
        Assert.Equal(0.7420663068952453, root.GetProperty("log_loss").GetDouble(), 1e-12);
    }

    [Fact]
    public void TextOutputNamesTheTerms()
    {
        var path = File("small.csv", "p,y\n0.9,1\n0.2,0\n0.6,0\n");
        var (code, stdout, _) = Run("calibration", path, "--probabilities", "p", "--label", "y");
        Assert.Equal(0, code);
        Assert.Contains("ECE = ", stdout, StringComparison.Ordinal);
        Assert.Contains("log-loss = ", stdout, StringComparison.Ordinal);
        Assert.Contains("nats", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p,y\n0.5,1\n1.2,0\n", "p", "y", "in [0, 1]; got 1.2 on line 3")]
    [InlineData("p,y\n-0.1,1\n", "p", "y", "got -0.1 on line 2")]
    [InlineData("a,b,y\n0.5,0.4,1\n", "a,b", "y", "sum to 1 on every row (tolerance 1E-06); got 0.9 on line 2")]
    [InlineData("p,y\n0.5,2\n", "p", "y", "labels 0..1 (2 classes); got '2' on line 2")]
    [InlineData("a,b,c,y\n0.2,0.3,0.5,3\n", "a,b,c", "y", "labels 0..2 (3 classes); got '3' on line 2")]
    [InlineData("p,y\n0.5,one\n", "p", "y", "got 'one' on line 2")]
    [InlineData("p,y\n0.5,1\n0.5\n", "p", "y", "got 1 on line 3")]
    [InlineData("p,y\n0.5,1\n", "q", "y", "`--probabilities` must name a column")]
    [InlineData("p,y\n0.5,1\n", "p", "label", "`--label` must name a column")]
    [InlineData("p,y\n,1\n", "p", "y", "empty field on line 2")]
    [InlineData("p,y\nabc,1\n", "p", "y", "got 'abc' on line 2")]
    [InlineData("p,y\n", "p", "y", "at least one data row")]
    public void BadInputExitsTwoWithOneLine(string text, string columns, string label, string expected)
    {
        var path = File("bad.csv", text);
        var (code, stdout, stderr) = Run("calibration", path, "--probabilities", columns, "--label", label, "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void MissingFileAndBadBinsExitTwo()
    {
        Assert.Equal(2, Run("calibration", Path.Combine(_directory, "none.csv"), "--probabilities", "p", "--label", "y").Code);
        var path = File("ok.csv", "p,y\n0.5,1\n");
        var (code, _, stderr) = Run("calibration", path, "--probabilities", "p", "--label", "y", "--bins", "0");
        Assert.Equal(2, code);
        Assert.Contains("`--bins` must be >= 1; got 0.", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Run("calibration", path, "--label", "y").Code);
    }
}
