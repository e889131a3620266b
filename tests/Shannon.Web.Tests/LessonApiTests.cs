using Shannon.Web.Api;

namespace Shannon.Web.Tests;

/// <summary>The lesson panels' endpoints (issue 18): bad values get a 400 naming the parameter; answers use snake_case keys and EstimateJson's estimate objects.</summary>
[Collection("server")]
public sealed class LessonApiTests(ServerFixture server)
{
    [Theory]
    [InlineData("api/correlation/curve?n=5", "`n` must be an integer in [20, 5000]; got 5.")]
    [InlineData("api/cross-entropy?step=501", "`step` must be an integer in [0, 500]; got 501.")]
    [InlineData("api/cross-entropy?step=3&p=0,0", "`p` must be a list of weights, not all 0; got 0,0.")]
    [InlineData("api/cross-entropy?step=3&p=1,-1", "`p` must be a comma-separated list of 2 to 64 numbers in [0, 1000000]; got -1 at position 2.")]
    [InlineData("api/leash?beta=0", "`beta` must be a number in [0.01, 100]; got 0.")]
    [InlineData("api/calibration?t=20", "`t` must be a number in [0.1, 10]; got 20.")]
    [InlineData("api/calibration?t=1&bins=1", "`bins` must be an integer in [2, 50]; got 1.")]
    [InlineData("api/wordle?guess=qqqqq", "`guess` must be a five-letter word of the list")]
    [InlineData("api/wordle?guess=crane&prior=zipf", "`prior` must be one of frequency, uniform; got 'zipf'.")]
    public async Task BadValue_Is400_NamingTheParameter(string url, string message)
    {
        var json = await server.GetJsonAsync(url, 400);
        Assert.StartsWith(message, json.GetProperty("error").GetString(), StringComparison.Ordinal);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task CorrelationCurve_EstimatesAreEstimateJsonObjects()
    {
        var json = await server.GetJsonAsync("api/correlation/curve?n=200&bins=8&unit=nats");
        var points = json.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(20, points.Length);
        var first = points[5].GetProperty("estimates")[2];
        Assert.Equal("ksg1", first.GetProperty("estimator").GetString());
        Assert.Equal("nats", first.GetProperty("unit").GetString());
        Assert.Equal(200, first.GetProperty("n").GetInt32());
        Assert.Equal(Measures.GaussianMutualInformation(0.25, InformationUnit.Nats).Value, points[5].GetProperty("true_mutual_information").GetDouble());
    }

    [Fact]
    public async Task Calibration_EmptyBinsAreNull()
    {
        var json = await server.GetJsonAsync("api/calibration?t=0.1&bins=50");
        var bins = json.GetProperty("reliability_diagram").EnumerateArray().ToArray();
        Assert.Equal(50, bins.Length);
        Assert.Contains(bins, b => b.GetProperty("count").GetInt32() == 0 && b.GetProperty("accuracy").ValueKind == System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Wordle_TakesItsCandidatesFromTheCorpusGivenToServe()
    {
        // Five words of the list, "crane" three times: under the frequency prior P(crane's all-green pattern) = 3/7.
        string path = Path.Combine(Path.GetTempPath(), $"shannon-wordle-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, "crane crane crane slate fuzzy. Tiger, house!");
        try
        {
            var (app, address) = await ExplorerServer.StartAsync(new ExplorerOptions(Port: 0, CorpusPath: path));
            await using var _ = app;
            using var client = new HttpClient { BaseAddress = address };
            var words = new WordleSource(path);
            var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("api/wordle?guess=crane")).RootElement;
            Assert.Equal(words.Answers.Length, json.GetProperty("candidate_count").GetInt32());
            Assert.Contains("crane", words.Answers);
            Assert.Equal(Path.GetFileName(path), json.GetProperty("text").GetString());
            int g = words.Game.IndexOfGuess("crane");
            var candidates = Enumerable.Range(0, words.Answers.Length).ToArray();
            Assert.Equal(words.Game.ExpectedBits(g, candidates, words.Counts), json.GetProperty("expected_bits").GetDouble());
            var distribution = words.Game.FeedbackDistribution(g, candidates, words.Counts);
            Assert.Equal(3.0 / words.Counts.Sum(), distribution[Shannon.Lab.Games.Wordle.Solved], 1e-15);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
