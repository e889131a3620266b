using System.Text.Json;
using DuckDB.NET.Data;
using Shannon.Cli;

namespace Shannon.Cli.Tests;

/// <summary>The data commands on CSV and Parquet files; expected values from scikit-learn 1.2.1 (tools/reference/discrete_mi.py, "formula" labels).</summary>
public sealed class DataCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shannon-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private string Csv()
    {
        string path = Path.Combine(_dir, "data.csv");
        var lines = new List<string> { "x,y,z,name,r" };
        for (int i = 0; i < 60; i++)
        {
            int x = (i * 7 + 3) % 5;
            lines.Add($"{x},{(x + i * i % 3) % 4},{i / 7 % 3},n{x},{i * 0.5}");
        }

        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private string Parquet()
    {
        string csv = Csv();
        string path = Path.Combine(_dir, "data.parquet");
        using var c = new DuckDBConnection("DataSource=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{path}' (FORMAT PARQUET)";
        cmd.ExecuteNonQuery();
        return path;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void MiOnCsvAndParquetMatchesScikitLearn()
    {
        foreach (var file in new[] { Csv(), Parquet() })
        {
            var (code, output, _) = Run("mi", file, "--x", "x", "--y", "y", "--unit", "nats", "--json");
            Assert.Equal(0, code);
            var j = Json(output);
            Assert.Equal("mi", j.GetProperty("measure").GetString());
            Assert.Equal("plugin", j.GetProperty("estimator").GetString());
            Assert.Equal("nats", j.GetProperty("unit").GetString());
            Assert.Equal(60, j.GetProperty("n").GetInt64());
            Assert.Equal(0.7259333168968154, j.GetProperty("value").GetDouble(), 1e-9);
        }
    }

    [Fact]
    public void NormalizedAdjustedAndConditional()
    {
        string csv = Csv();
        var nmi = Json(Run("mi", csv, "--x", "x", "--y", "y", "--normalize", "geometric", "--json").Out);
        Assert.Equal(0.4902298246396921, nmi.GetProperty("value").GetDouble(), 1e-9); // sklearn NMI geometric
        var ami = Json(Run("mi", csv, "--x", "x", "--y", "y", "--adjusted", "--json").Out);
        Assert.Equal("ami", ami.GetProperty("measure").GetString());
        Assert.Equal(0.44624798557452505, ami.GetProperty("value").GetDouble(), 1e-9); // sklearn AMI arithmetic
        var cmi = Json(Run("mi", csv, "--x", "x", "--y", "y", "--z", "z", "--estimator", "miller-madow", "--unit", "nats", "--json").Out);
        Assert.Equal("cmi", cmi.GetProperty("measure").GetString());
        Assert.Equal(0.6894013072885614, cmi.GetProperty("value").GetDouble(), 1e-9); // discrete_mi.py, formula cmi miller-madow
    }

    [Fact]
    public void SeveralColumnsMakeOneVariable()
    {
        // name is a relabelling of x, so (x, name) carries exactly the information of x.
        string csv = Csv();
        var one = Json(Run("mi", csv, "--x", "x", "--y", "y", "--json").Out).GetProperty("value").GetDouble();
        var two = Json(Run("mi", csv, "--x", "x,name", "--y", "y", "--json").Out).GetProperty("value").GetDouble();
        Assert.Equal(one, two, 1e-12);
    }

    [Fact]
    public void PermutationsAndBootstrapAreSeededAndReported()
    {
        string csv = Csv();
        string[] args = ["mi", csv, "--x", "x", "--y", "y", "--permutations", "49", "--bootstrap", "30", "--seed", "3", "--json"];
        var a = Run(args);
        var b = Run(args);
        Assert.Equal(a.Out, b.Out);
        var j = Json(a.Out);
        Assert.Equal(0.02, j.GetProperty("p_value").GetDouble(), 1e-12); // strong dependence: (0 + 1)/(49 + 1)
        Assert.True(j.GetProperty("ci_low").GetDouble() <= j.GetProperty("ci_high").GetDouble());
        Assert.Equal(3, j.GetProperty("seed").GetInt32());
    }

    [Fact]
    public void RankAndMatrixFollowTheJsonContract()
    {
        string csv = Csv();
        var rank = Json(Run("rank", csv, "--target", "y", "--columns", "x,z,name", "--json").Out);
        var features = rank.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(3, features.Count);
        var values = features.Select(f => f.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(values.OrderByDescending(v => v), values);
        Assert.All(features, f => Assert.Equal("plugin", f.GetProperty("estimator").GetString()));

        string png = Path.Combine(_dir, "m.png");
        var (code, output, _) = Run("matrix", Parquet(), "--columns", "x,y,z", "--out", png, "--unit", "nats", "--json");
        Assert.Equal(0, code);
        var m = Json(output);
        Assert.Equal(["x", "y", "z"], m.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rows = m.GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(0.7259333168968154, rows[0][1], 1e-9);
        Assert.Equal(rows[0][1], rows[1][0]);
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Fact]
    public void EntropyFromAColumnAndFromACountsFile()
    {
        string csv = Csv();
        var h = Json(Run("entropy", csv, "--column", "x", "--unit", "nats", "--json").Out);
        Assert.Equal(Math.Log(5), h.GetProperty("value").GetDouble(), 1e-12); // x is uniform over 5 values (12 each)
        string counts = Path.Combine(_dir, "counts.csv");
        File.WriteAllText(counts, "count\n3\n0\n0\n1\n0\n0\n0\n5\n0\n0\n0\n0\n2\n0\n0\n0\n0\n0\n0\n1\n");
        var js = Json(Run("entropy", "--counts", counts, "--estimator", "james-stein", "--unit", "nats", "--json").Out);
        Assert.Equal(2.2496835486396223, js.GetProperty("value").GetDouble(), 1e-9); // discrete_entropy.py many_zeros
        Assert.Equal(0.2882483370288247, js.GetProperty("lambda").GetDouble(), 1e-12);
        var nsb = Json(Run("entropy", "--counts", counts, "--estimator", "nsb", "--unit", "nats", "--json").Out);
        Assert.Equal(0.3268397476934917, nsb.GetProperty("posterior_std").GetDouble(), 1e-6);
    }

    [Fact]
    public void RealColumnsPickTheirEstimatorFromTheData()
    {
        // A real column against one label column: Ross (2014)'s mixed k-NN estimator, reported by name.
        var mixed = Json(Run("mi", Csv(), "--x", "r", "--y", "x", "--json").Out);
        Assert.Equal("mixed-ross", mixed.GetProperty("estimator").GetString());
        Assert.Equal(3, mixed.GetProperty("k").GetInt32());

        // The binned estimator on request still bins inside DuckDB and reports the bin count.
        var binned = Json(Run("mi", Csv(), "--x", "r", "--y", "x", "--estimator", "binned", "--json").Out);
        Assert.Equal("binned", binned.GetProperty("estimator").GetString());
        Assert.Equal(4, binned.GetProperty("bins_r").GetInt32());
    }

    [Fact]
    public void AutoIsTheDefaultForRealColumnsAndSaysWhatItChoseWhyAndHowSure()
    {
        // Issue 17: two real sides default to auto; --json names its choice, the reason and a standard error, and the
        // plain text says the same. --estimator still picks a single estimator, without a choice.
        string path = Path.Combine(_dir, "auto.csv");
        var lines = new List<string> { "x1,x2,y" };
        var random = new Random(7);
        for (int i = 0; i < 600; i++)
        {
            double a = random.NextDouble(), b = random.NextDouble();
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{a:R},{b:R},{(a + (0.5 * b) + (0.3 * random.NextDouble())):R}"));
        }

        File.WriteAllLines(path, lines);
        var j = Json(Run("mi", path, "--x", "x1,x2", "--y", "y", "--unit", "nats", "--json").Out);
        Assert.Equal("auto", j.GetProperty("estimator").GetString());
        Assert.Contains(j.GetProperty("auto_choice").GetString(), new[] { "gaussian-copula", "student-t-copula", "ksg1-normal-scores-corrected" });
        Assert.StartsWith("KSG on the data", j.GetProperty("auto_reason").GetString(), StringComparison.Ordinal);
        Assert.InRange(j.GetProperty("auto_standard_error").GetDouble(), 1e-4, 0.5);
        var text = Run("mi", path, "--x", "x1,x2", "--y", "y");
        Assert.Contains("(estimator auto, n = 600", text.Out, StringComparison.Ordinal);
        Assert.Contains("chose " + j.GetProperty("auto_choice").GetString(), text.Out, StringComparison.Ordinal);
        var ksg = Json(Run("mi", path, "--x", "x1,x2", "--y", "y", "--estimator", "ksg1", "--json").Out);
        Assert.Equal("ksg1", ksg.GetProperty("estimator").GetString());
        Assert.False(ksg.TryGetProperty("auto_choice", out _));
    }

    [Fact]
    public void KsgDefaultForRealColumnsMatchesScikitLearn()
    {
        // tools/reference/cli_ksg.py: sklearn 1.2.1 _compute_mi_cc(z(x), z(y), 3) = 1.5281365708317836 nats.
        string path = Path.Combine(_dir, "ksg.csv");
        var lines = new List<string> { "x,y" };
        for (int i = 0; i < 400; i++)
        {
            double x = Math.Sin(0.37 * i) + (0.01 * i);
            double y = x + (0.5 * Math.Cos(1.3 * i));
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x:R},{y:R}"));
        }

        File.WriteAllLines(path, lines);
        var j = Json(Run("mi", path, "--x", "x", "--y", "y", "--unit", "nats", "--estimator", "ksg1", "--json").Out);
        Assert.Equal("ksg1", j.GetProperty("estimator").GetString());
        Assert.Equal(1.5281365708317836, j.GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(400, j.GetProperty("n").GetInt32());
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["mi", "{csv}", "--x", "q", "--y", "y"], "Columns: x, y, z, name, r." },
        { ["mi", "{dir}/missing.csv", "--x", "x", "--y", "y"], "does not exist" },
        { ["mi", "{empty}", "--x", "x", "--y", "y"], "empty" },
        { ["mi", "{header}", "--x", "x", "--y", "y"], "0 rows" },
        { ["mi", "{garbage}", "--x", "x", "--y", "y"], "cannot be read" },
        { ["mi", "{csv}", "--x", "x", "--y", "x"], "disjoint" },
        { ["mi", "{csv}", "--x", "x", "--y", "y", "--estimator", "magic"], "`--estimator` must be one of" },
        { ["mi", "{csv}", "--x", "x", "--y", "r", "--estimator", "nsb"], "real-valued" },
        { ["mi", "{csv}", "--x", "x", "--y", "y", "--k", "0"], "`--k` must be >= 1" },
        { ["mi", "{csv}", "--x", "x", "--y", "y", "--normalize", "joint", "--adjusted"], "cannot be combined" },
        { ["mi", "{csv}", "--x", "x", "--y", "y", "--permutations", "0"], "`--permutations` must be >= 1" },
        { ["mi", "{nan}", "--x", "x", "--y", "r"], "NaN" },
        { ["entropy", "--counts", "{negative}"], "non-negative integer" },
        { ["entropy", "--counts", "{fraction}"], "'1.5'" },
        { ["entropy", "--counts", "{nancounts}"], "'nan'" },
        { ["rank", "{csv}", "--target", "nope"], "Columns: x, y, z, name, r." },
        { ["matrix", "{csv}", "--out", "{dir}/m.txt"], "`--out` must be a .png file" },
        { ["matrix", "{csv}", "--columns", "x,nope", "--out", "{dir}/never.png"], "Columns:" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInputExitsTwoWithOneLineAndWritesNothing(string[] template, string expected)
    {
        string csv = Csv();
        var files = new Dictionary<string, string>
        {
            ["{csv}"] = csv,
            ["{dir}"] = _dir,
            ["{empty}"] = Write("empty.csv", ""),
            ["{header}"] = Write("header.csv", "x,y\n"),
            ["{garbage}"] = Write("garbage.parquet", "\u0001\u0002 not parquet"),
            ["{nan}"] = Write("nan.csv", "x,r\n1,0.5\n2,nan\n"),
            ["{negative}"] = Write("neg.csv", "count\n3\n-2\n"),
            ["{fraction}"] = Write("frac.csv", "count\n3\n1.5\n"),
            ["{nancounts}"] = Write("nanc.csv", "count\n3\nnan\n"),
        };
        var args = template.Select(a => files.Aggregate(a, (s, kv) => s.Replace(kv.Key, kv.Value, StringComparison.Ordinal))).ToArray();
        var before = Directory.GetFiles(_dir).Length;
        var (code, output, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.StartsWith("shannon: ", error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(_dir).Length);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
