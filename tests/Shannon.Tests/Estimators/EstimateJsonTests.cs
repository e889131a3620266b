using System.Reflection;
using System.Text.Json;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Inference;

namespace Shannon.Tests.Estimators;

/// <summary>The one serialiser of estimates (<see cref="EstimateJson"/>): its keys, its numbers and its documented vocabulary.</summary>
public sealed class EstimateJsonTests
{
    private static readonly InformationEstimate Binned = new(0.25, InformationUnit.Nats, 120, "binned")
    {
        Diagnostics = new Dictionary<string, double> { ["h_x"] = 1.5, ["h_y"] = 1.25, ["h_xy"] = 2.5 },
        BinCounts = new Dictionary<string, int> { ["w"] = 7, ["v"] = 9 },
        Kinds = [new ColumnKindDecision("w", VariableKind.Continuous, "real values, none repeated"), new ColumnKindDecision("v", VariableKind.Continuous, "real values, none repeated")],
    };

    private static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    [Fact]
    public void AnEstimateWithATestAndAnIntervalHasTheDocumentedKeysInOrder()
    {
        var test = new PermutationTestResult(Binned, 0.01, 99, 0, 0.02, 0.005);
        var interval = new BootstrapInterval(0.25, 0.2, 0.3, 0.95, 500, 0.025) { ReplicateMean = 0.26 };
        var json = Write(w =>
        {
            EstimateJson.WriteHead(w, "mi", Binned);
            EstimateJson.WriteDetails(w, Binned);
            EstimateJson.WriteResampling(w, test, interval, 7);
        });
        Assert.Equal(
            ["measure", "estimator", "unit", "value", "n", "n_counts", "h_x", "h_y", "h_xy", "bins_w", "bins_v", "bin_counts", "differential", "kinds",
             "p_value", "permutations", "null_mean", "null_standard_deviation",
             "ci_low", "ci_high", "confidence", "bootstrap", "standard_error", "bootstrap_bias", "interval_method", "seed"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nats", json.GetProperty("unit").GetString());
        Assert.Equal(120, json.GetProperty("n").GetInt64());
        Assert.Equal("samples", json.GetProperty("n_counts").GetString());
        Assert.Equal(9, json.GetProperty("bin_counts").GetProperty("v").GetInt32());
        Assert.Equal(0.26 - 0.25, json.GetProperty("bootstrap_bias").GetDouble(), 1e-15);
        Assert.Equal("percentile-bootstrap", json.GetProperty("interval_method").GetString());
        Assert.Equal("w", json.GetProperty("kinds")[0].GetProperty("column").GetString());
        Assert.Equal("continuous", json.GetProperty("kinds")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void NoResamplingWritesNoResamplingKeys()
    {
        var json = Write(w => EstimateJson.WriteResampling(w, null, null, 7));
        Assert.Empty(json.EnumerateObject());
    }

    [Fact]
    public void NonFiniteNumbersAreWrittenAsTheirNames()
    {
        // JSON has no infinities: both surfaces write them as strings. An interval whose replicate mean was not
        // recorded has a NaN bias.
        var infinite = new InformationEstimate(double.PositiveInfinity, InformationUnit.Bits, 2, "exact");
        var json = Write(w =>
        {
            EstimateJson.WriteHead(w, null, infinite);
            EstimateJson.WriteInterval(w, new BootstrapInterval(1, 0, 2, 0.9, 10, 0.5) { Method = IntervalMethod.Subsampling });
            EstimateJson.WriteNumber(w, "low", double.NegativeInfinity);
        });
        Assert.False(json.TryGetProperty("measure", out _));
        Assert.Equal("Infinity", json.GetProperty("value").GetString());
        Assert.Equal("NaN", json.GetProperty("bootstrap_bias").GetString());
        Assert.Equal("-Infinity", json.GetProperty("low").GetString());
        Assert.Equal("subsampling", json.GetProperty("interval_method").GetString());
    }

    [Fact]
    public void EveryKeyIsInTheDocumentedVocabulary()
    {
        // docs/cli.md's "JSON keys" section is the contract's list: every key the serialiser writes appears there.
        string cli = File.ReadAllText(Shannon.Testing.RepositoryPaths.Combine("docs", "cli.md"));
        int start = cli.IndexOf("### JSON keys", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/cli.md has a \"JSON keys\" section");
        int end = cli.IndexOf("\n## ", start, StringComparison.Ordinal);
        string section = cli[start..end];
        var keys = typeof(EstimateJson).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Contains("p_value", keys);
        var missing = keys.Where(k => k is not ("column" or "kind" or "reason") && !section.Contains($"`{k.TrimEnd('_')}", StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }
}
