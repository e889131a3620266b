using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Shannon.Web;

namespace Shannon.Web.Tests;

/// <summary>One explorer on 127.0.0.1 and a free port (asked for with port 0, read back after start) per test collection.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (_app, Address) = await ExplorerServer.StartAsync(new ExplorerOptions("127.0.0.1", 0));
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

        // The explorer refuses POSTs that a cross-origin page could send without a preflight; a script says so.
        Client.DefaultRequestHeaders.Add("X-Shannon-Request", "1");
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public async Task<JsonElement> GetJsonAsync(string pathAndQuery, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(pathAndQuery);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {pathAndQuery}: status {(int)response.StatusCode}, body {json}");
        return json;
    }

    /// <summary>The server still answers a good request (after a bad one).</summary>
    public async Task AssertStillServingAsync()
    {
        var json = await GetJsonAsync("api/coin?p=0.5");
        Assert.Equal(1.0, json.GetProperty("entropy").GetDouble());
    }

    /// <summary>The repository's TestResults folder (git-ignored), where screenshots and the load-test record go.</summary>
    public static string ResultsDirectory(string sub)
    {
        string path = Shannon.Testing.RepositoryPaths.Combine("TestResults", sub);
        Directory.CreateDirectory(path);
        return path;
    }

    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture)
        : e.GetDouble();
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
}
