using System.Text.Json;

namespace Shannon.Web.Tests;

/// <summary>
/// The API's numbers against literal references from tools/reference/web_panels.py (Debian python3, numpy 1.24,
/// scipy 1.10; the call is in the script). Tolerances: 1e-12 for closed forms evaluated in double precision (a few ulps
/// of values near 1); 1e-9 where scipy integrated numerically (quad with epsabs 1e-13).
/// </summary>
[Collection("server")]
public sealed class ApiReferenceTests(ServerFixture server)
{
    [Fact]
    public async Task Coin_EntropyAndSurprisals_MatchScipy()
    {
        var json = await server.GetJsonAsync("api/coin?p=0.3");
        // scipy.stats.entropy([0.3, 0.7], base=2); -numpy.log2(0.3); -numpy.log2(0.7)
        Assert.Equal(0.8812908992306927, json.GetProperty("entropy").GetDouble(), 1e-12);
        Assert.Equal(1.736965594166206, json.GetProperty("surprisal_heads").GetDouble(), 1e-12);
        Assert.Equal(0.5145731728297583, json.GetProperty("surprisal_tails").GetDouble(), 1e-12);
        Assert.Equal("bits", json.GetProperty("unit").GetString());
        Assert.Equal(101, json.GetProperty("curve").GetProperty("h").GetArrayLength());
    }

    [Fact]
    public async Task Coin_AtZero_SurprisalOfHeadsIsInfinity()
    {
        var json = await server.GetJsonAsync("api/coin?p=0");
        Assert.Equal("Infinity", json.GetProperty("surprisal_heads").GetString());
        Assert.Equal(0.0, json.GetProperty("entropy").GetDouble());
    }

    [Fact]
    public async Task Gaussians_BothDivergences_MatchNumericalIntegration()
    {
        var json = await server.GetJsonAsync("api/gaussians?mu1=0&sigma1=1&mu2=1.5&sigma2=2");
        // scipy.integrate.quad of p(x) (log p(x) - log q(x)) over [-40, 40], divided by ln 2.
        Assert.Equal(0.8647473399166599, json.GetProperty("kl_pq").GetDouble(), 1e-9);
        Assert.Equal(2.78707448233353, json.GetProperty("kl_qp").GetDouble(), 1e-9);
        var landscape = json.GetProperty("landscape");
        Assert.Equal(41, landscape.GetProperty("values").GetArrayLength());
        Assert.Equal(41, landscape.GetProperty("values")[0].GetArrayLength());
    }

    [Fact]
    public async Task Gaussians_LandscapeIsZeroWhereQEqualsP()
    {
        // The grid holds mean 0 (index 20 of -5..5 in 41 steps) and spread 1 (index 9 of 0.2..4 in 41 steps: 0.2 + 9 * 0.095 = 1.055, not 1),
        // so P = N(0, 1.055^2) puts Q = P on a grid node: D(P||P) = 0.
        var json = await server.GetJsonAsync("api/gaussians?mu1=0&sigma1=1.055&mu2=1&sigma2=1");
        var landscape = json.GetProperty("landscape");
        Assert.Equal(1.055, landscape.GetProperty("spreads")[9].GetDouble(), 1e-12);
        Assert.Equal(0.0, landscape.GetProperty("values")[9][20].GetDouble(), 1e-12);
    }

    [Fact]
    public async Task Correlation_TrueValue_IsClosedForm_AndEstimatesAreNearIt()
    {
        var json = await server.GetJsonAsync("api/correlation?rho=0.6&n=5000&seed=7");
        // -0.5 * numpy.log2(1 - 0.6**2)
        Assert.Equal(0.3219280948873623, json.GetProperty("true_mutual_information").GetDouble(), 1e-12);
        var estimates = json.GetProperty("estimates").EnumerateArray().ToDictionary(e => e.GetProperty("estimator").GetString()!, e => e.GetProperty("value").GetDouble());
        // Gaussian estimate: delta method, SD(I) = |rho| (1 - rho^2) / sqrt(N) nats = 0.0054 nats = 0.0078 bits; 4 SD.
        Assert.InRange(estimates["gaussian"], 0.3219 - 0.032, 0.3219 + 0.032);
        // Binned 10x10 plug-in: biased (binning loses information, finite N adds (B-1)^2/(2N ln 2) = 0.012 bits); within 0.1 bit.
        Assert.InRange(estimates["binned"], 0.3219 - 0.1, 0.3219 + 0.1);
        // KSG (k = 3): for Gaussian data nearly unbiased, SD about 0.01 nats at N = 5000 (Kraskov et al. 2004, fig. 4); 4 SD = 0.058 bits.
        // Named by its catalogue name, ksg1 (it was "ksg" here alone).
        Assert.InRange(estimates["ksg1"], 0.3219 - 0.058, 0.3219 + 0.058);
        Assert.Equal(5000, json.GetProperty("points").GetProperty("x").GetArrayLength());
    }

    [Fact]
    public async Task Correlation_SameSeed_SameSample()
    {
        var a = await server.GetJsonAsync("api/correlation?rho=-0.3&n=100&seed=3");
        var b = await server.GetJsonAsync("api/correlation?rho=-0.3&n=100&seed=3");
        Assert.Equal(a.GetProperty("points").ToString(), b.GetProperty("points").ToString());
        Assert.Equal(a.GetProperty("estimates").ToString(), b.GetProperty("estimates").ToString());
    }

    [Theory]
    [InlineData(1.0, 2.071174402981215)] // scipy.stats.entropy(scipy.special.softmax(z / 1.0), base=2)
    [InlineData(0.5, 0.9344120236054825)] // scipy.stats.entropy(scipy.special.softmax(z / 0.5), base=2)
    public async Task Temperature_Entropy_MatchesScipy(double t, double expectedBits)
    {
        var json = await server.GetJsonAsync(FormattableString.Invariant($"api/temperature?t={t}"));
        Assert.Equal(expectedBits, json.GetProperty("entropy").GetDouble(), 1e-12);
        Assert.Equal(3.0, json.GetProperty("max_entropy").GetDouble(), 1e-12); // log2 8
        Assert.Equal(1.0, json.GetProperty("probabilities").EnumerateArray().Sum(p => p.GetDouble()), 1e-12);
    }

    [Fact]
    public async Task Venn_ThreeByThree_MatchesScipy_AndTheOverlapIsTheMutualInformation()
    {
        var json = await server.GetJsonAsync("api/venn?rows=3&columns=3&weights=2,1,0,1,3,1,0,1,4");
        // scipy.stats.entropy of the marginals and of the joint (base 2) of [[2,1,0],[1,3,1],[0,1,4]] / 13.
        Assert.Equal(1.5485806065228545, json.GetProperty("entropy_x").GetDouble(), 1e-12);
        Assert.Equal(1.5485806065228545, json.GetProperty("entropy_y").GetDouble(), 1e-12);
        Assert.Equal(2.5654483718208256, json.GetProperty("joint_entropy").GetDouble(), 1e-12);
        Assert.Equal(0.5317128412248833, json.GetProperty("mutual_information").GetDouble(), 1e-12);
        Assert.Equal(2.5654483718208256 - 1.5485806065228545, json.GetProperty("conditional_entropy_x_given_y").GetDouble(), 1e-12);
        // The diagram: circle areas pi r^2 are H(X), H(Y); the lens area is I(X;Y).
        var d = json.GetProperty("diagram");
        Assert.Equal(1.5485806065228545, Math.PI * Math.Pow(d.GetProperty("radius_x").GetDouble(), 2), 1e-12);
        Assert.Equal(0.5317128412248833, d.GetProperty("overlap_area").GetDouble(), 1e-9);
    }

    [Fact]
    public async Task Units_RescaleOnly()
    {
        var bits = await server.GetJsonAsync("api/coin?p=0.3&unit=bits");
        var nats = await server.GetJsonAsync("api/coin?p=0.3&unit=nats");
        Assert.Equal(bits.GetProperty("entropy").GetDouble() * Math.Log(2), nats.GetProperty("entropy").GetDouble(), 1e-14);
        Assert.Equal("nats", nats.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Data_SmallTable_ExactValues()
    {
        // a takes 4 equally likely values (H = 2 bits); b = parity of a (H = 1 bit) is a function of a, so I(a; b) = H(b) = 1 bit.
        const string csv = "a,b\n1,odd\n2,even\n3,odd\n4,even\n";
        using var response = await server.Client.PostAsync("api/data?x=a&y=b", new StringContent(csv));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.Equal(2.0, json.GetProperty("x").GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(1.0, json.GetProperty("y").GetProperty("value").GetDouble(), 1e-12);
        Assert.Equal(1.0, json.GetProperty("mutual_information").GetProperty("value").GetDouble(), 1e-12);
        var matrix = json.GetProperty("matrix").GetProperty("values");
        Assert.Equal(2.0, matrix[0][0].GetDouble(), 1e-12);
        Assert.Equal(1.0, matrix[0][1].GetDouble(), 1e-12);
        Assert.Equal(1.0, matrix[1][0].GetDouble(), 1e-12);
    }

    [Fact]
    public async Task Data_RealColumnsUnderKsg_DiagonalIsLeftOffTheMiScale()
    {
        // Two real columns: the diagonal entropies are differential h (Kozachenko-Leonenko), another quantity than I,
        // so `values` holds null there and `diagonal_entropies` gives each h, flagged `differential`; off the diagonal, KSG's I.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 300).Select(_ => (random.NextDouble(), random.NextDouble())).Select(p => FormattableString.Invariant($"{p.Item1},{p.Item1 + 0.1 * p.Item2}"));
        using var response = await server.Client.PostAsync("api/data?estimator=ksg1", new StringContent("u,v\n" + string.Join('\n', rows)));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        var matrix = json.GetProperty("matrix");
        Assert.Equal(JsonValueKind.Null, matrix.GetProperty("values")[0][0].ValueKind);
        Assert.Equal(JsonValueKind.Null, matrix.GetProperty("values")[1][1].ValueKind);
        Assert.True(matrix.GetProperty("values")[0][1].GetDouble() > 1, "v = u + noise/10 shares more than a bit with u");
        var h = matrix.GetProperty("diagonal_entropies")[0];
        Assert.True(h.GetProperty("differential").GetBoolean());
        // h(U(0,1)) = 0 bits (analytic); Kozachenko-Leonenko at n = 300 is within 0.1 of it.
        Assert.InRange(h.GetProperty("value").GetDouble(), -0.1, 0.1);
    }

    [Fact]
    public async Task Data_QuotedFieldsAndCrlf_AreRead()
    {
        const string csv = "\"name, with comma\",\"say \"\"hi\"\"\"\r\nx,1\r\ny,2\r\nx,1\r\n";
        using var response = await server.Client.PostAsync("api/data?x=name%2C%20with%20comma&y=say%20%22hi%22", new StringContent(csv));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.Equal(3, json.GetProperty("rows").GetInt32());
        // x,y,x against 1,2,1: a bijection, so I = H = h(1/3) bits = 0.9182958340544896 (scipy.stats.entropy([2, 1], base=2)).
        Assert.Equal(0.9182958340544896, json.GetProperty("mutual_information").GetProperty("value").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task LanguageModel_Entropy_NeverDecreasesWithTemperature()
    {
        // H(softmax(z / T)) is non-decreasing in T (STYLE.md's property), here over the model's next-character logits.
        double previous = 0;
        foreach (var t in new[] { 0.1, 0.5, 1.0, 2.0, 5.0, 20.0 })
        {
            var json = await server.GetJsonAsync(FormattableString.Invariant($"api/temperature/lm?t={t}&prefix=the%20"));
            double h = json.GetProperty("entropy").GetDouble();
            Assert.True(h >= previous - 1e-12, $"H fell from {previous} to {h} at T = {t}");
            Assert.True(h <= json.GetProperty("max_entropy").GetDouble() + 1e-12);
            previous = h;
        }

        Assert.Contains("Kneser-Ney", (await server.GetJsonAsync("api/temperature/lm?t=1")).GetProperty("model").GetString(), StringComparison.Ordinal);
    }
}
