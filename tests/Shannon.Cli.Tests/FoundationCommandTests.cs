using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>The foundation's commands: entropy --probabilities, kl, cross-entropy, js, convert.</summary>
public class FoundationCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void KlJsonMatchesScipysDocumentedValue()
    {
        // scipy.stats.entropy([0.5, 0.5], [0.9, 0.1], base=2) = 0.7369655941662062
        var json = Json("kl", "--p", "0.5,0.5", "--q", "0.9,0.1", "--unit", "bits", "--json");
        Assert.Equal(0.7369655941662062, json.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal("kl", json.GetProperty("measure").GetString());
        Assert.Equal("exact", json.GetProperty("estimator").GetString());
        Assert.Equal("bits", json.GetProperty("unit").GetString());
        Assert.Equal(2, json.GetProperty("n").GetInt32());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public void ReverseKlSwapsTheArguments()
    {
        // scipy.stats.entropy([0.9, 0.1], [0.5, 0.5], base=2)
        var json = Json("kl", "--p", "0.5,0.5", "--q", "0.9,0.1", "--reverse", "--json");
        Assert.Equal(0.5310044064107188, json.GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal("reverse-kl", json.GetProperty("measure").GetString());
    }

    [Fact]
    public void EntropyPrintsTheValueWithItsUnit()
    {
        var (code, stdout, _) = CliRunner.Run("entropy", "--probabilities", "0.5,0.25,0.25");
        Assert.Equal(0, code);
        Assert.Contains("1.5 bits", stdout, StringComparison.Ordinal);
        var json = Json("entropy", "--probabilities", "0.5,0.25,0.25", "--unit", "nats", "--json");
        Assert.Equal(1.0397207708399179, json.GetProperty("value").GetDouble(), 1e-12); // scipy.stats.entropy([0.5, 0.25, 0.25])
        Assert.Equal("nats", json.GetProperty("unit").GetString());
    }

    [Fact]
    public void CrossEntropyAndJs()
    {
        // scipy.stats.entropy(p) + scipy.stats.entropy(p, q) for p = [0.2, 0, 0.5, 0.3], q = [0.1, 0.4, 0.25, 0.25]
        var ce = Json("cross-entropy", "--p", "0.2,0,0.5,0.3", "--q", "0.1,0.4,0.25,0.25", "--unit", "nats", "--json");
        Assert.Equal(1.5695525074947216, ce.GetProperty("value").GetDouble(), 1e-12);

        // JS of disjoint distributions is exactly 1 bit; scipy.spatial.distance.jensenshannon([1,0],[0,1], base=2) = 1.
        var js = Json("js", "--p", "1,0", "--q", "0,1", "--json");
        Assert.Equal(1.0, js.GetProperty("value").GetDouble(), 1e-15);
        Assert.Equal(1.0, js.GetProperty("distance").GetDouble(), 1e-15);
    }

    [Fact]
    public void InfiniteKlIsReportedWithAWarning()
    {
        var json = Json("kl", "--p", "0.5,0.5", "--q", "1,0", "--json");
        Assert.Equal("Infinity", json.GetProperty("value").GetString());
        Assert.Single(json.GetProperty("warnings").EnumerateArray());
    }

    [Theory]
    [InlineData("3.2", "nats", "perplexity", 24.532530197109352)] // Python: math.exp(3.2)
    [InlineData("1", "bits", "nats", 0.6931471805599453)]
    [InlineData("24.532530197109352", "perplexity", "nats", 3.2)]
    [InlineData("2", "bits", "bits-per-char", 2.0)]
    public void ConvertBetweenScales(string value, string from, string to, double expected)
    {
        var json = Json("convert", value, "--from", from, "--to", to, "--json");
        Assert.Equal(expected, json.GetProperty("value").GetDouble(), 1e-12);
    }

    [Fact]
    public void ConvertUsesCharactersPerToken()
    {
        // 4.5 bits per token at 4.5 characters per token is 1 bit per character.
        var json = Json("convert", "4.5", "--from", "bits", "--to", "bits-per-char", "--chars-per-token", "4.5", "--json");
        Assert.Equal(1.0, json.GetProperty("value").GetDouble(), 1e-15);
    }

    [Fact]
    public void BadInputIsOneLineAndExitCodeTwo()
    {
        CliRunner.AssertUsageError(["entropy", "--probabilities", "0.5,0.2"], "`--probabilities`", "0.7", "tolerance");
        CliRunner.AssertUsageError(["entropy", "--probabilities", "0.5,NaN,0.5"], "NaN", "index 1");
        CliRunner.AssertUsageError(["entropy", "--probabilities", "0.5,abc"], "`--probabilities`", "'abc'");
        CliRunner.AssertUsageError(["entropy", "--probabilities", "1.5,-0.5"], "-0.5");
        CliRunner.AssertUsageError(["kl", "--p", "0.5,0.5", "--q", "0.2,0.3,0.5"], "`--q`", "length 3");
        CliRunner.AssertUsageError(["kl", "--p", "0.5,0.5"], "--q");
        CliRunner.AssertUsageError(["kl", "--p", "0.5,0.5", "--q", "0.5,0.5", "--unit", "furlongs"], "`--unit`", "furlongs");
        CliRunner.AssertUsageError(["convert", "abc", "--from", "bits", "--to", "nats"], "`VALUE`");
        CliRunner.AssertUsageError(["convert", "0.5", "--from", "perplexity", "--to", "nats"], "`perplexity`", "0.5");
        CliRunner.AssertUsageError(["convert", "1", "--from", "bits", "--to", "parsecs"], "`--to`", "parsecs");
        CliRunner.AssertUsageError(["frobnicate"], "frobnicate");
        CliRunner.AssertUsageError(["lab", "no-such-experiment", "--out", Path.Combine(Path.GetTempPath(), "never-written")], "no-such-experiment");
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "never-written")));
    }
}
