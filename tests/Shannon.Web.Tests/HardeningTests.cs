using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Shannon.Web.Api;

namespace Shannon.Web.Tests;

/// <summary>
/// Issue 15: one request cannot stall the explorer (cancelled when its client leaves, stopped at its time limit), a
/// foreign Host is refused (DNS rebinding), a cross-origin simple POST is refused, a wrong method is 405, and an empty
/// parameter is an error rather than the default.
/// </summary>
[Collection("server")]
public sealed class HardeningTests(ServerFixture server)
{
    /// <summary>A small CSV that costs the nsb estimator seconds: many symbols, so a 1000-replicate bootstrap and a 199-permutation test of NSB estimates.</summary>
    private static string ExpensiveCsv()
    {
        var random = new Random(15);
        var text = new StringBuilder("a,b,c,d\n");
        for (int i = 0; i < 300; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{random.Next(60)},{random.Next(60)},{random.Next(60)},{random.Next(60)}\n");
        }

        return text.ToString();
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task ForeignHostHeader_Is421()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/coin?p=0.5");
        request.Headers.Host = "rebind.example:" + server.Address.Port;
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("loopback", json.GetProperty("error").GetString(), StringComparison.Ordinal);

        using var local = new HttpRequestMessage(HttpMethod.Get, "api/coin?p=0.5");
        local.Headers.Host = "localhost:" + server.Address.Port;
        using var ok = await server.Client.SendAsync(local);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task CrossOriginSimplePost_Is415_ButCsvOrTheCustomHeaderPasses()
    {
        using var bare = new HttpClient { BaseAddress = server.Address };
        string csv = "a,b\n1,2\n2,1\n1,1\n";
        using var plain = await bare.PostAsync("api/data", new StringContent(csv, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        using var form = await bare.PostAsync("api/data", new StringContent(csv, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        using var none = await bare.PostAsync("api/data", new ByteArrayContent(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, none.StatusCode);

        using var typed = await bare.PostAsync("api/data", Csv(csv));
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/data") { Content = new StringContent(csv, Encoding.UTF8, "text/plain") };
        request.Headers.Add(RequestGuard.CustomHeader, "1");
        using var withHeader = await bare.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
    }

    [Theory]
    [InlineData("POST", "api/coin", "GET")]
    [InlineData("GET", "api/data", "POST")]
    [InlineData("DELETE", "api/temperature", "GET")]
    public async Task WrongMethodOnAnApiRoute_Is405WithAllow(string method, string path, string allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Csv("a\n1\n") };
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains(allowed, response.Content.Headers.Allow);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(405, json.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("api/temperature?t=1&logits=", "`logits`")]
    [InlineData("api/coin?p=", "`p`")]
    [InlineData("api/temperature?t=1&unit=", "`unit`")]
    public async Task EmptyParameter_Is400_NotTheDefault(string request, string name)
    {
        var json = await server.GetJsonAsync(request, 400);
        string error = json.GetProperty("error").GetString()!;
        Assert.Contains(name, error, StringComparison.Ordinal);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisconnectedClient_HasItsWorkCancelled()
    {
        long before = Interlocked.Read(ref RequestGuard.ClientAbandoned);
        using var client = new HttpClient { BaseAddress = server.Address };
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync("api/data?estimator=nsb&x=a&y=b", Csv(ExpensiveCsv()), cts.Token));

        // The server notices the closed connection and the work stops at its next check of the token.
        while (Interlocked.Read(ref RequestGuard.ClientAbandoned) == before && watch.Elapsed < TimeSpan.FromSeconds(8))
        {
            await Task.Delay(50);
        }

        Assert.True(Interlocked.Read(ref RequestGuard.ClientAbandoned) > before, "the abandoned request's work was not cancelled within 8 s");
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task RequestOverItsTimeLimit_Is503()
    {
        var (app, address) = await ExplorerServer.StartAsync(new ExplorerOptions("127.0.0.1", 0) { RequestTimeout = TimeSpan.FromMilliseconds(300) });
        try
        {
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var watch = Stopwatch.StartNew();
            using var response = await client.PostAsync("api/data?estimator=nsb&x=a&y=b", Csv(ExpensiveCsv()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"the 0.3 s limit did not stop the request: took {watch.Elapsed.TotalSeconds:0.0} s");
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Contains("limit", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
