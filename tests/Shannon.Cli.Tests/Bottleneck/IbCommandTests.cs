using System.Text.Json;
using Shannon.Cli;

namespace Shannon.Cli.Tests.Bottleneck;

public class IbCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static string Write(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"shannon-ib-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void JsonHoldsTheContractFields()
    {
        // The DSBS with p = 0.1 as weights (normalised on read); at beta = 1000 T = X: I(X;T) = 1, I(T;Y) = 1 - h(0.1).
        string file = Write("y0,y1\n9,1\n1,9\n");
        var (code, output, error) = Run("ib", "--joint", file, "--beta", "1000", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal("information-bottleneck", r.GetProperty("measure").GetString());
        Assert.Equal("ib", r.GetProperty("estimator").GetString());
        Assert.Equal("bits", r.GetProperty("unit").GetString());
        Assert.Equal(2, r.GetProperty("n").GetInt64());
        Assert.Equal(1000, r.GetProperty("beta").GetDouble());
        Assert.True(r.GetProperty("converged").GetBoolean());
        Assert.True(r.GetProperty("iterations").GetInt64() >= 1);
        // 1 - h(0.1) = 0.5310044064107188 bits (tools/reference/bottleneck_dsbs.py); the fixed point is exact at this beta.
        Assert.Equal(0.5310044064107188, r.GetProperty("i_ty").GetDouble(), 1e-9);
        Assert.Equal(r.GetProperty("i_ty").GetDouble(), r.GetProperty("value").GetDouble());
        Assert.Equal(1.0, r.GetProperty("i_xt").GetDouble(), 1e-9);
        Assert.Equal(JsonValueKind.Array, r.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public void DeterministicAndUnitsWork()
    {
        string file = Write("a,b\n0.45,0.05\n0.05,0.45\n");
        var (code, output, _) = Run("ib", "--joint", file, "--beta", "1000", "--deterministic", "--unit", "nats", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("deterministic-ib", doc.RootElement.GetProperty("estimator").GetString());
        Assert.Equal("nats", doc.RootElement.GetProperty("unit").GetString());
        Assert.Equal(Math.Log(2), doc.RootElement.GetProperty("i_xt").GetDouble(), 1e-12); // T = X: H(X) = ln 2 nats
        var text = Run("ib", "--joint", file, "--beta", "3");
        Assert.Equal(0, text.Code);
        Assert.Contains("I(X;T) =", text.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b\n1,-1\n", "3", "'-1' on line 2, column 2")]
    [InlineData("a,b\n1,2,3\n", "3", "got 3 on line 2")]
    [InlineData("a,b\n1,x\n", "3", "'x' on line 2")]
    [InlineData("a,b\n0,0\n", "3", "positive total")]
    [InlineData("a,b\n", "3", "header row and at least one row")]
    [InlineData("a,b\n1,2\n", "0", "`--beta` must be a finite number > 0; got '0'")]
    [InlineData("a,b\n1,2\n", "abc", "got 'abc'")]
    public void BadInputExitsWithTwoAndOneLine(string csv, string beta, string expected)
    {
        string file = Write(csv);
        var (code, output, error) = Run("ib", "--joint", file, "--beta", beta);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void MissingFileOrOptionExitsWithTwo()
    {
        Assert.Equal(2, Run("ib", "--joint", "/nonexistent/shannon.csv", "--beta", "2").Code);
        Assert.Equal(2, Run("ib", "--beta", "2").Code);
        Assert.Equal(2, Run("ib", "--joint", Write("a\n1\n")).Code);
    }

    [Fact]
    public void JointIsReadAsCsvWithAHeader()
    {
        // Quoted names with commas are one field each (a Split(',') made three columns of two).
        var quoted = Run("ib", "--joint", Write("\"y, first\",\"y, second\"\n9,1\n1,9\n"), "--beta", "1000", "--json");
        Assert.True(quoted.Code == 0, quoted.Err);
        var plain = Run("ib", "--joint", Write("y0,y1\n9,1\n1,9\n"), "--beta", "1000", "--json");
        Assert.Equal(plain.Out, quoted.Out);

        // A first row of weights is not a header: refused, where it used to become the y names silently.
        var headless = Run("ib", "--joint", Write("0.45,0.05\n0.05,0.45\n"), "--beta", "2");
        Assert.Equal(2, headless.Code);
        Assert.Contains("header row naming the y values", headless.Err, StringComparison.Ordinal);
        Assert.Single(headless.Err.TrimEnd().Split('\n'));

        // A quote never closed names its line.
        var open = Run("ib", "--joint", Write("a,b\n1,2\n\"3,4\n"), "--beta", "2");
        Assert.Equal(2, open.Code);
        Assert.Contains("line 3", open.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplesGiveTheSameSolutionAsTheirCountTable()
    {
        // 20 samples whose counts are the table 9,1 / 1,9 (x = a/b, y = u/v): the empirical joint is that table,
        // so the solution must be the one of --joint to the bit (same table, same seeds).
        var rows = new List<string> { "x,y,other" };
        rows.AddRange(Enumerable.Repeat("a,u,1", 9).Concat(Enumerable.Repeat("a,v,2", 1)).Concat(Enumerable.Repeat("b,u,3", 1)).Concat(Enumerable.Repeat("b,v,4", 9)));
        string samples = Write(string.Join("\n", rows) + "\n");
        string table = Write("u,v\n9,1\n1,9\n");
        var fromSamples = Run("ib", samples, "--x", "x", "--y", "y", "--beta", "4", "--json");
        var fromTable = Run("ib", "--joint", table, "--beta", "4", "--json");
        Assert.True(fromSamples.Code == 0, fromSamples.Err);
        using var a = JsonDocument.Parse(fromSamples.Out);
        using var b = JsonDocument.Parse(fromTable.Out);
        Assert.Equal(b.RootElement.GetProperty("i_xt").GetDouble(), a.RootElement.GetProperty("i_xt").GetDouble());
        Assert.Equal(b.RootElement.GetProperty("i_ty").GetDouble(), a.RootElement.GetProperty("i_ty").GetDouble());
        Assert.True(a.RootElement.GetProperty("i_xt").GetDouble() > 0.1);
    }

    [Theory]
    [InlineData(new[] { "--x", "x", "--beta", "2" }, "needs `--x COLUMNS` and `--y COLUMNS`")]
    [InlineData(new[] { "--x", "x", "--y", "x", "--beta", "2" }, "appears in both --x and --y")]
    [InlineData(new[] { "--x", "nope", "--y", "y", "--beta", "2" }, "`--x` must name a column")]
    [InlineData(new[] { "--joint", "t.csv", "--x", "x", "--y", "y", "--beta", "2" }, "either `--joint FILE` or a data file")]
    public void BadSampleInputExitsWithTwoAndOneLine(string[] options, string expected)
    {
        string samples = Write("x,y\na,u\nb,v\n");
        var (code, output, error) = Run([.. new[] { "ib", samples }, .. options]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void LabRejectsAMalformedSetting()
    {
        var (code, _, error) = Run("lab", "binary-entropy", "--set", "runs", "--out", Path.Combine(Path.GetTempPath(), "shannon-lab-set-test"));
        Assert.Equal(2, code);
        Assert.Contains("`--set` must be key=value; got 'runs'", error, StringComparison.Ordinal);
    }
}
