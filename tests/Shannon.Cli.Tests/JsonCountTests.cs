using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>`n` counts different things in different commands; `n_counts` names it in every JSON output (docs/cli.md).</summary>
public sealed class JsonCountTests : IDisposable
{
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"shannon-n-counts-{Guid.NewGuid():N}.csv");
    private readonly string _joint = Path.Combine(Path.GetTempPath(), $"shannon-n-joint-{Guid.NewGuid():N}.csv");

    public JsonCountTests()
    {
        File.WriteAllText(_csv, "a,b\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"{i % 3},{(i * 7) % 5}\n")));
        File.WriteAllText(_joint, "y0,y1\n9,1\n1,9\n3,3\n");
    }

    public void Dispose()
    {
        File.Delete(_csv);
        File.Delete(_joint);
    }

    [Theory]
    [InlineData("samples", 40, "mi", "{csv}", "--x", "a", "--y", "b")]
    [InlineData("samples", 40, "entropy", "{csv}", "--column", "a")]
    [InlineData("samples", 40, "rank", "{csv}", "--target", "a")]
    [InlineData("samples", 40, "matrix", "{csv}")]
    [InlineData("outcomes", 3, "entropy", "--probabilities", "0.5,0.25,0.25")]
    [InlineData("outcomes", 2, "kl", "--p", "0.5,0.5", "--q", "0.9,0.1")]
    [InlineData("x-outcomes", 3, "ib", "--joint", "{joint}", "--beta", "2")]
    [InlineData("values", 1, "convert", "1", "--from", "nats", "--to", "bits")]
    public void NIsNamed(string counts, long n, params string[] args)
    {
        var (code, output, error) = CliRunner.Run([.. args.Select(a => a == "{csv}" ? _csv : a == "{joint}" ? _joint : a), "--json"]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(n, json.RootElement.GetProperty("n").GetInt64());
        Assert.Equal(counts, json.RootElement.GetProperty("n_counts").GetString());
    }
}
