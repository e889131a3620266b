using System.Globalization;
using System.Text.Json;
using Shannon.Cli;

namespace Shannon.Cli.Tests;

/// <summary>The data commands through the library's estimator catalogue: kinds, overrides, h versus H, uncertainty for every estimator, guard rails.</summary>
public sealed class CatalogueCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shannon-catalogue-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = CliApp.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    /// <summary>120 rows: a label, a many-valued integer column (like wine's proline), a real feature and pure noise.</summary>
    private string Table()
    {
        var lines = new List<string> { "label,counts,feature,noise" };
        var random = new Random(4);
        for (int i = 0; i < 120; i++)
        {
            int label = i % 3;
            int counts = 300 + (40 * label) + random.Next(60);
            double feature = label + (0.6 * (random.NextDouble() - 0.5)) + (1e-4 * i);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label},{counts},{feature:R},{random.NextDouble():R}"));
        }

        string path = Path.Combine(_dir, "table.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static JsonElement Kind(JsonElement json, string column) =>
        json.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("column").GetString() == column);

    [Fact]
    public void ManyValuedIntegersAreContinuousAndTheOverridesWin()
    {
        string csv = Table();
        var auto = Json(Run("mi", csv, "--x", "counts", "--y", "label", "--json").Out);
        Assert.Equal("mixed-ross", auto.GetProperty("estimator").GetString());
        Assert.Equal("continuous-with-ties", Kind(auto, "counts").GetProperty("kind").GetString());
        Assert.Contains("floor(sqrt N)) = 10", Kind(auto, "counts").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("categorical", Kind(auto, "label").GetProperty("kind").GetString());

        var forced = Json(Run("mi", csv, "--x", "counts", "--y", "label", "--discrete", "counts", "--json").Out);
        Assert.Equal("plugin", forced.GetProperty("estimator").GetString());
        Assert.Contains("--discrete", Kind(forced, "counts").GetProperty("reason").GetString(), StringComparison.Ordinal);

        var both = Run("mi", csv, "--x", "counts", "--y", "label", "--discrete", "counts", "--continuous", "counts");
        Assert.Equal(2, both.Code);
        Assert.Contains("both --discrete and --continuous", both.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferentialEntropyIsReportedAsLowerCaseH()
    {
        string csv = Table();
        var json = Json(Run("entropy", csv, "--column", "feature", "--json").Out);
        Assert.True(json.GetProperty("differential").GetBoolean());
        Assert.Equal("kozachenko-leonenko", json.GetProperty("estimator").GetString());
        Assert.StartsWith("h(feature) = ", Run("entropy", csv, "--column", "feature").Out, StringComparison.Ordinal);
        var discrete = Json(Run("entropy", csv, "--column", "label", "--json").Out);
        Assert.False(discrete.GetProperty("differential").GetBoolean());
        Assert.Equal(Math.Log2(3), discrete.GetProperty("value").GetDouble(), 12); // 40 rows of each label
    }

    [Fact]
    public void TheMatrixKeepsDifferentialEntropiesOffTheMiScale()
    {
        string csv = Table();
        string png = Path.Combine(_dir, "m.png");
        var json = Json(Run("matrix", csv, "--columns", "label,feature", "--out", png, "--json").Out);
        var values = json.GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().ToArray()).ToArray();
        Assert.Equal(JsonValueKind.Null, values[1][1].ValueKind);
        Assert.Equal(Math.Log2(3), values[0][0].GetDouble(), 12);
        var diagonal = json.GetProperty("diagonal").EnumerateArray().ToArray();
        Assert.True(diagonal[1].GetProperty("differential").GetBoolean());
        Assert.False(diagonal[0].GetProperty("differential").GetBoolean());
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Fact]
    public void EveryEstimatorTakesPermutationsAndBootstrap()
    {
        string csv = Table();
        var ksg = Json(Run("mi", csv, "--x", "feature", "--y", "noise", "--estimator", "ksg1", "--permutations", "19", "--bootstrap", "10", "--json").Out);
        Assert.InRange(ksg.GetProperty("p_value").GetDouble(), 0.05, 1);
        Assert.True(ksg.GetProperty("ci_low").GetDouble() <= ksg.GetProperty("ci_high").GetDouble());
        Assert.True(ksg.TryGetProperty("bootstrap_bias", out _));

        string[] args = ["rank", csv, "--target", "label", "--permutations", "19", "--bootstrap", "10", "--seed", "2", "--json"];
        var first = Run(args);
        Assert.Equal(first.Out, Run(args).Out);
        var rank = Json(first.Out);
        var features = rank.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(["feature", "counts", "noise"], features.Select(f => f.GetProperty("column").GetString()));
        Assert.All(features, f => Assert.True(f.TryGetProperty("p_value", out _) && f.TryGetProperty("ci_low", out _)));
        Assert.Equal(0.05, features[0].GetProperty("p_value").GetDouble(), 12); // (0 + 1)/(19 + 1): the feature follows the label
    }

    [Fact]
    public void IbOnSamplesRefusesRealColumnsUnlessBinned()
    {
        string csv = Table();
        var refused = Run("ib", csv, "--x", "feature", "--y", "label", "--beta", "3");
        Assert.Equal(2, refused.Code);
        Assert.Contains("--bins B", refused.Err, StringComparison.Ordinal);
        var binned = Run("ib", csv, "--x", "feature", "--y", "label", "--beta", "3", "--bins", "6", "--json");
        Assert.True(binned.Code == 0, binned.Err);
        var json = Json(binned.Out);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("6 equal-width bins", StringComparison.Ordinal));
    }

    [Fact]
    public void OldAndNewNamesResolveAndTextCannotBeContinuous()
    {
        string csv = Path.Combine(_dir, "text.csv");
        File.WriteAllLines(csv, ["name,v", .. Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"n{i % 3},{Math.Sin(i):R}"))]);
        Assert.Equal("mixed-ross", Json(Run("mi", csv, "--x", "v", "--y", "name", "--estimator", "mixed", "--json").Out).GetProperty("estimator").GetString());
        var text = Run("mi", csv, "--x", "v", "--y", "name", "--continuous", "name");
        Assert.Equal(2, text.Code);
        Assert.Contains("`--continuous` must name numeric columns", text.Err, StringComparison.Ordinal);
    }
}
