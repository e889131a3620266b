using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Shannon.Web.Tests;

/// <summary>Every refused request gets a 4xx with a JSON message naming the parameter and the value, and the server keeps serving.</summary>
[Collection("server")]
public sealed class ApiValidationTests(ServerFixture server)
{
    [Theory]
    [InlineData("api/coin?p=1.5", "`p` must be a number in [0, 1]; got 1.5.")]
    [InlineData("api/coin?p=-0.1", "`p` must be a number in [0, 1]; got -0.1.")]
    [InlineData("api/coin?p=abc", "`p` must be a number in [0, 1]; got 'abc'.")]
    [InlineData("api/coin?p=NaN", "`p` must be a number in [0, 1]; got 'NaN'.")]
    [InlineData("api/coin", "`p` must be a number in [0, 1]; got nothing (the parameter is required).")]
    [InlineData("api/coin?p=0.5&p=0.6", "`p` must be a number in [0, 1] (given once); got 2 values.")]
    [InlineData("api/coin?p=0.5&unit=furlongs", "`unit` must be bits, nats or hartleys; got 'furlongs'.")]
    [InlineData("api/gaussians?mu1=0&sigma1=0&mu2=0&sigma2=1", "`sigma1` must be a number in [0.2, 4]; got 0.")]
    [InlineData("api/gaussians?mu1=9&sigma1=1&mu2=0&sigma2=1", "`mu1` must be a number in [-5, 5]; got 9.")]
    [InlineData("api/correlation?rho=1&n=100", "`rho` must be a number in [-0.99, 0.99]; got 1.")]
    [InlineData("api/correlation?rho=0.5&n=1000000", "`n` must be an integer in [20, 5000]; got 1000000.")]
    [InlineData("api/correlation?rho=0.5&n=2.5", "`n` must be an integer in [20, 5000]; got '2.5'.")]
    [InlineData("api/temperature?t=0", "`t` must be a number in [0.05, 20]; got 0.")]
    [InlineData("api/temperature?t=1&logits=1,x,3", "`logits` must be a comma-separated list of 2 to 64 numbers in [-50, 50]; got 'x' at position 2.")]
    [InlineData("api/temperature?t=1&logits=1", "`logits` must be a comma-separated list of 2 to 64 numbers in [-50, 50]; got 1 numbers.")]
    [InlineData("api/venn?rows=4&columns=2&weights=1,1,1,1,1,1,1,1", "`rows` must be an integer in [2, 3]; got 4.")]
    [InlineData("api/venn?rows=2&columns=2&weights=1,1,1", "`weights` must be a comma-separated list of 4 to 4 numbers in [0, 1000000]; got 3 numbers.")]
    [InlineData("api/venn?rows=2&columns=2&weights=1,-1,1,1", "`weights` must be a comma-separated list of 4 to 4 numbers in [0, 1000000]; got -1 at position 2.")]
    public async Task OutOfRangeOrMalformedParameter_Is400WithTheMessage(string request, string message)
    {
        var json = await server.GetJsonAsync(request, 400);
        Assert.Equal(message, json.GetProperty("error").GetString());
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task OverlongPrefix_Is400()
    {
        var json = await server.GetJsonAsync("api/temperature/lm?t=1&prefix=" + new string('a', 201), 400);
        Assert.Equal("`prefix` must be a text of at most 200 characters; got 201 characters.", json.GetProperty("error").GetString());
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task AllZeroJointTable_Is400_WithTheLibrarysMessage()
    {
        var json = await server.GetJsonAsync("api/venn?rows=2&columns=2&weights=0,0,0,0", 400);
        string error = json.GetProperty("error").GetString()!;
        Assert.Contains("`counts`", error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error, StringComparison.Ordinal);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task OversizedUpload_WithContentLength_Is413()
    {
        var body = new byte[ExplorerOptions.MaxUploadBytes + 1];
        body.AsSpan().Fill((byte)'1');
        using var response = await server.Client.PostAsync("api/data", new ByteArrayContent(body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("the CSV is 1,048,577 bytes; the explorer takes at most 1,048,576 bytes (1 MiB).", json.GetProperty("error").GetString());
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task OversizedUpload_Chunked_Is413()
    {
        // No Content-Length: the server counts what it reads.
        var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 300_000)))));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/data") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("at most 1,048,576 bytes", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("", "malformed CSV: the request body is empty; send the CSV file as the body.")]
    [InlineData("a,b\n1,2\n3\n", "malformed CSV: line 3 has 1 fields; the header has 2.")]
    [InlineData("a,b\n1,2\n3,4,5\n", "malformed CSV: line 3 has 3 fields; the header has 2.")]
    [InlineData("a,b\n\"1,2\n3,4\n", "malformed CSV: line 2: a quoted field is never closed.")]
    [InlineData("a,b\n1,x\"y\n3,4\n", "malformed CSV: line 2: a quote inside an unquoted field; quote the whole field and double the inner quotes.")]
    [InlineData("a,a\n1,2\n3,4\n", "malformed CSV: line 1: the column name 'a' appears twice.")]
    [InlineData("a,\n1,2\n3,4\n", "malformed CSV: line 1: column 2 has no name; the first row must name every column.")]
    [InlineData("a,b\n1,\n3,4\n", "malformed CSV: line 2: the value of column 'b' is empty; the explorer needs complete rows.")]
    [InlineData("a,b\n1,2\n", "malformed CSV: the CSV has 1 data row(s); it needs at least two.")]
    public async Task MalformedCsv_Is400_NamingTheLine(string csv, string message)
    {
        using var response = await server.Client.PostAsync("api/data", new StringContent(csv));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, json.GetProperty("error").GetString());
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task NotUtf8_Is400()
    {
        using var response = await server.Client.PostAsync("api/data", new ByteArrayContent([0x61, 0x2C, 0x62, 0x0A, 0xFF, 0xFE, 0x2C, 0x31, 0x0A]));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed CSV: the file is not UTF-8 text.", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task UnknownColumnOrEstimator_Is400()
    {
        const string csv = "a,b\n1,x\n2,y\n";
        using var r1 = await server.Client.PostAsync("api/data?x=zzz", new StringContent(csv));
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        Assert.Equal("`x` must name a column of the CSV (a, b); got 'zzz'.", JsonDocument.Parse(await r1.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        using var r2 = await server.Client.PostAsync("api/data?estimator=magic", new StringContent(csv));
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
        Assert.StartsWith("`estimator` must be one of plugin", JsonDocument.Parse(await r2.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        using var r3 = await server.Client.PostAsync("api/data?x=a&y=b&estimator=gaussian", new StringContent(csv));
        Assert.Equal(HttpStatusCode.BadRequest, r3.StatusCode);
        Assert.Contains("column 'b' is categorical", JsonDocument.Parse(await r3.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        await server.AssertStillServingAsync();
    }

    /// <summary>Sent byte for byte over a socket: HttpClient would remove the dot segments before sending.</summary>
    [Theory]
    [InlineData("/../../etc/passwd")]
    [InlineData("/..%2f..%2fetc%2fpasswd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..\\..\\windows\\win.ini")]
    [InlineData("/app.js/../../../../etc/passwd")]
    [InlineData("/%2e%2e%5cShannon.Web.dll")]
    public async Task PathTraversal_Is400(string target)
    {
        var (status, body) = await RawGetAsync(target);
        Assert.Equal(400, status);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.StartsWith("refused path", json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        await server.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/Shannon.Web.dll")]
    [InlineData("/nothing.js")]
    public async Task UnknownFile_Is404Json(string target)
    {
        var (status, body) = await RawGetAsync(target);
        Assert.Equal(404, status);
        Assert.StartsWith("no such file", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEndpointAndWrongMethod_AreJson4xx()
    {
        var json = await server.GetJsonAsync("api/nothing", 404);
        string error = json.GetProperty("error").GetString()!;
        Assert.StartsWith("no such API endpoint: GET /api/nothing (the API has: ", error, StringComparison.Ordinal);
        Assert.Contains("GET /api/coin", error, StringComparison.Ordinal);
        Assert.Contains("POST /api/data", error, StringComparison.Ordinal);
        using var response = await server.Client.DeleteAsync("app.js");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await server.AssertStillServingAsync();
    }

    [Fact]
    public async Task PageAndAssets_AreServedLocally_WithNoExternalReference()
    {
        foreach (var (path, type) in new[] { ("", "text/html"), ("app.js", "text/javascript"), ("style.css", "text/css"), ("favicon.svg", "image/svg+xml") })
        {
            using var response = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            string text = await response.Content.ReadAsStringAsync();
            // No CDN: nothing is loaded from another host (the SVG namespace URI is a name, not a request).
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("//cdn", text, StringComparison.Ordinal);
        }
    }

    private async Task<(int Status, string Body)> RawGetAsync(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        await using var stream = tcp.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {server.Address.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        int status = int.Parse(response.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture);
        int bodyAt = response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        string body = response[bodyAt..];
        if (response.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            // one chunk: "<hex>\r\n<data>\r\n0\r\n\r\n"
            int start = body.IndexOf("\r\n", StringComparison.Ordinal) + 2;
            int length = Convert.ToInt32(body[..(start - 2)], 16);
            body = body.Substring(start, length);
        }

        return (status, body);
    }
}
