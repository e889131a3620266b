using System.Text.Json;
using Shannon.Estimators;
using Shannon.Web;

namespace Shannon.Cli.Tests;

/// <summary>
/// One vocabulary of JSON keys (docs/cli.md, "JSON keys"): the same estimate, with an interval and a p-value, has the
/// same keys from <c>shannon mi --json</c> and from the explorer's API, both written by the library's
/// <see cref="EstimateJson"/>.
/// </summary>
public sealed class EstimateKeysTests : IDisposable
{
    private readonly string _csv = Path.Combine(Path.GetTempPath(), $"shannon-estimate-keys-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_csv);

    [Fact]
    public async Task AnEstimateHasTheSameKeysOnTheCommandLineAndInTheExplorer()
    {
        var (app, address) = await ExplorerServer.StartAsync(new ExplorerOptions("127.0.0.1", 0));
        await using var server = app;
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Shannon-Request", "1");

        // The explorer's own demo table: plug-in I(weather; umbrella), two label columns, 400 rows.
        string csv = await http.GetStringAsync("api/data/sample");
        await File.WriteAllTextAsync(_csv, csv);
        using var response = await http.PostAsync("api/data?x=weather&y=umbrella&estimator=plugin", new StringContent(csv));
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, page.RootElement.ToString());
        var web = page.RootElement.GetProperty("mutual_information");

        // The explorer's interval and test: 1000 bootstrap replicates, 199 permutations, seed 0.
        var (code, output, error) = CliRunner.Run("mi", _csv, "--x", "weather", "--y", "umbrella", "--estimator", "plugin",
            "--bootstrap", "1000", "--permutations", "199", "--seed", "0", "--json");
        Assert.True(code == 0, error);
        using var command = JsonDocument.Parse(output);
        var cli = command.RootElement;

        // The command's own keys beside the estimate: the column groups it was asked for.
        var cliKeys = cli.EnumerateObject().Select(p => p.Name).Except(["x", "y"]).Order(StringComparer.Ordinal).ToArray();
        var webKeys = web.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(cliKeys, webKeys);
        foreach (string key in new[] { EstimateJson.PValueKey, EstimateJson.IntervalLowKey, EstimateJson.IntervalHighKey, EstimateJson.StandardErrorKey,
                     EstimateJson.BiasKey, EstimateJson.IntervalMethodKey, EstimateJson.NullMeanKey, EstimateJson.SeedKey, EstimateJson.CountedKey, "h_x" })
        {
            Assert.Contains(key, webKeys);
        }

        // The same estimate: the same value, estimator, unit and count; the resampling is drawn the same way.
        Assert.Equal(cli.GetProperty("value").GetDouble(), web.GetProperty("value").GetDouble(), 1e-12);
        foreach (string key in new[] { "measure", "estimator", "unit", "n_counts", "interval_method" })
        {
            Assert.Equal(cli.GetProperty(key).GetString(), web.GetProperty(key).GetString());
        }

        foreach (string key in new[] { "n", "bootstrap", "permutations", "seed" })
        {
            Assert.Equal(cli.GetProperty(key).GetInt64(), web.GetProperty(key).GetInt64());
        }
    }
}
