using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Shannon.Web.Tests;

/// <summary>
/// The page in a real (headless) Chromium: each control is moved as a user would (keyboard on sliders, typing in
/// fields, choosing in selects, uploading a file), and each number shown must equal the library's value for the
/// setting the control now has. Screenshots go to TestResults/screenshots.
/// </summary>
[Collection("browser")]
public sealed class BrowserTests(BrowserFixture browser)
{
    private static double Value(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Coin_SliderMoves_EntropyAndSurprisalsAreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        var slider = page.Locator("#coin-p");
        await slider.FocusAsync();
        for (int i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft"); // 0.30 -> 0.18, one step of 0.01 at a time
        }

        await BrowserFixture.IdleAsync(page, "panel-coin");
        double p = Value(await slider.InputValueAsync());
        Assert.Equal(0.18, p, 1e-12);
        Assert.Equal(p, await BrowserFixture.ShownAsync(page, "coin-p-value", 2));
        Assert.Equal(Measures.BinaryEntropy(p, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "coin-entropy"));
        Assert.Equal(Measures.InformationContent(p, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "coin-surprisal-heads"));
        Assert.Equal(Measures.InformationContent(1 - p, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "coin-surprisal-tails"));
        string curve = await page.Locator("#coin-plot path.curve").GetAttributeAsync("d") ?? "";
        Assert.Equal(100, curve.Count(c => c == 'L')); // the 101 points of the API's curve
        await browser.ScreenshotAsync(page, "1-coin", "#panel-coin");

        await slider.FillAsync("0");
        await BrowserFixture.IdleAsync(page, "panel-coin");
        Assert.Equal(double.PositiveInfinity, await BrowserFixture.ShownAsync(page, "coin-surprisal-heads"));
        Assert.Equal(0.0, await BrowserFixture.ShownAsync(page, "coin-entropy"));

        await page.SelectOptionAsync("#unit", "nats");
        await slider.FillAsync("0.5");
        await BrowserFixture.IdleAsync(page, "panel-coin");
        Assert.Equal(Math.Log(2), await BrowserFixture.ShownAsync(page, "coin-entropy"), 1e-15);
        Assert.Equal("nats", await page.Locator("#panel-coin .u").First.TextContentAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Gaussians_FourSliders_BothDivergencesAreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        var settings = new[] { ("#g-mu1", "-1"), ("#g-sigma1", "0.8"), ("#g-mu2", "2.5"), ("#g-sigma2", "1.7") };
        foreach (var (id, value) in settings)
        {
            await page.Locator(id).FillAsync(value);
        }

        await page.Locator("#g-sigma2").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight"); // 1.7 -> 1.8
        await BrowserFixture.IdleAsync(page, "panel-gaussians");
        double mu1 = Value(await page.Locator("#g-mu1").InputValueAsync());
        double sigma1 = Value(await page.Locator("#g-sigma1").InputValueAsync());
        double mu2 = Value(await page.Locator("#g-mu2").InputValueAsync());
        double sigma2 = Value(await page.Locator("#g-sigma2").InputValueAsync());
        Assert.Equal(1.8, sigma2, 1e-12);
        var p = Gaussian.WithMeanStdDev(mu1, sigma1);
        var q = Gaussian.WithMeanStdDev(mu2, sigma2);
        Assert.Equal(Measures.KullbackLeibler(p, q, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "g-kl-pq"));
        Assert.Equal(Measures.KullbackLeibler(q, p, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "g-kl-qp"));
        Assert.Equal(41 * 41, await page.Locator("#g-landscape rect").CountAsync());
        Assert.Equal(2, await page.Locator("#g-densities path.curve").CountAsync());
        await browser.ScreenshotAsync(page, "2-gaussians", "#panel-gaussians");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Correlation_RhoAndN_TrueValueIsTheLibrarys_EstimatesAreTheApis()
    {
        var (page, problems) = await browser.OpenAsync();
        await page.Locator("#c-rho").FillAsync("0.85");
        await page.Locator("#c-n").FillAsync("2000");
        await page.Locator("#c-bins").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight"); // 10 -> 11 bins
        await BrowserFixture.IdleAsync(page, "panel-correlation");
        double rho = Value(await page.Locator("#c-rho").InputValueAsync());
        Assert.Equal(0.85, rho, 1e-12);
        Assert.Equal(Measures.GaussianMutualInformation(rho, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "c-true"));
        Assert.Equal(2000, await BrowserFixture.ShownAsync(page, "c-n-value", 0));
        Assert.Equal(11, await BrowserFixture.ShownAsync(page, "c-bins-value", 0));

        // The estimates shown are the API's for the same setting (seed 1, the page's default).
        var api = await browser.Server.GetJsonAsync("api/correlation?rho=0.85&n=2000&bins=11&seed=1");
        foreach (var e in api.GetProperty("estimates").EnumerateArray())
        {
            Assert.Equal(e.GetProperty("value").GetDouble(), await BrowserFixture.ShownAsync(page, "c-est-" + e.GetProperty("estimator").GetString()));
        }

        // The Gaussian estimate is near the truth: SD = |rho|(1 - rho^2)/sqrt(N) nats = 0.0053 nats; 4 SD in bits.
        Assert.Equal(Measures.GaussianMutualInformation(rho, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "c-est-gaussian"), 0.031);
        await browser.ScreenshotAsync(page, "3-correlation", "#panel-correlation");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Temperature_SliderAndLogits_EntropyIsTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        var logits = new[] { 3.0, 2.0, 1.5, 1.0, 0.5, 0.0, -0.5, -1.0 };
        var slider = page.Locator("#t-t");
        foreach (var t in new[] { "0.3", "2.5" })
        {
            await slider.FillAsync(t);
            await BrowserFixture.IdleAsync(page, "panel-temperature");
            double temperature = Value(await slider.InputValueAsync());
            var h = Measures.EntropyFromLogits(logits, temperature, InformationUnit.Bits);
            Assert.Equal(h.Value, await BrowserFixture.ShownAsync(page, "t-entropy"));
            Assert.Equal(Math.Exp(h.Nats), await BrowserFixture.ShownAsync(page, "t-perplexity"));
            Assert.Equal(8, await page.Locator("#t-bars rect.bar").CountAsync());
        }

        // The character model's next character after a typed prefix, at the slider's temperature.
        var model = Shannon.Lab.Language.CharacterLanguageModel.Train(Shannon.Lab.Corpora.EnglishText.Fallback(), Shannon.Web.Estimation.LanguageModelSource.Order);
        var prefixField = page.Locator("#t-prefix");
        await prefixField.FillAsync("");
        await prefixField.PressSequentiallyAsync("the entropy of th");
        await BrowserFixture.IdleAsync(page, "panel-temperature");
        var p = new double[model.SymbolCount];
        model.Distribution("the entropy of th", p);
        var z = p.Where(v => v > 0).Select(v => Math.Log(v)).ToArray();
        var hLm = Measures.EntropyFromLogits(z, 2.5, InformationUnit.Bits);
        Assert.Equal(hLm.Value, await BrowserFixture.ShownAsync(page, "t-lm-entropy"));
        Assert.Equal(Math.Exp(hLm.Nats), await BrowserFixture.ShownAsync(page, "t-lm-perplexity"));
        Assert.Equal(Math.Min(24, z.Length), await page.Locator("#t-lm-bars rect.bar").CountAsync());
        await slider.FillAsync("0.5");
        await BrowserFixture.IdleAsync(page, "panel-temperature");
        Assert.Equal(Measures.EntropyFromLogits(z, 0.5, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "t-lm-entropy"));
        await browser.ScreenshotAsync(page, "4-temperature", "#panel-temperature");
        await slider.FillAsync("2.5");

        // A typo in the logits: the server's message is shown, the page keeps working once fixed.
        var field = page.Locator("#t-logits");
        await field.FillAsync("1, x, 2");
        await BrowserFixture.IdleAsync(page, "panel-temperature");
        Assert.Equal("`logits` must be a comma-separated list of 2 to 64 numbers in [-50, 50]; got 'x' at position 2.", await page.Locator("#panel-temperature .error").TextContentAsync());
        await field.FillAsync("1,0,2");
        await BrowserFixture.IdleAsync(page, "panel-temperature");
        Assert.Equal("", await page.Locator("#panel-temperature .error").TextContentAsync());
        Assert.Equal(Measures.EntropyFromLogits([1.0, 0.0, 2.0], 2.5, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "t-entropy"));
        Assert.Equal(3, await page.Locator("#t-bars rect.bar").CountAsync());
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Venn_EditedTable_EveryEntropyIsTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        await page.Locator("#v-cell-0-1").FillAsync("0.3");
        await BrowserFixture.IdleAsync(page, "panel-venn");
        await AssertVennAsync(page, [0.4, 0.3, 0.1, 0.4], 2);
        await browser.ScreenshotAsync(page, "6-venn-2x2", "#panel-venn");

        await page.SelectOptionAsync("#v-size", "3");
        await BrowserFixture.IdleAsync(page, "panel-venn");
        await page.Locator("#v-cell-2-0").FillAsync("0.25");
        await page.Locator("#v-cell-1-1").PressSequentiallyAsync("5"); // 0.2 typed onto -> "0.25"
        await BrowserFixture.IdleAsync(page, "panel-venn");
        var cells = new double[9];
        for (int i = 0; i < 9; i++)
        {
            cells[i] = Value(await page.Locator($"#v-cell-{i / 3}-{i % 3}").InputValueAsync());
        }

        Assert.Equal(0.25, cells[6]);
        await AssertVennAsync(page, cells, 3);
        Assert.Equal(2, await page.Locator("#v-diagram circle").CountAsync());
        await browser.ScreenshotAsync(page, "6-venn-3x3", "#panel-venn");
        Assert.Empty(problems);
    }

    private static async Task AssertVennAsync(IPage page, double[] weights, int size)
    {
        var joint = JointDistribution.FromCounts(weights, size, size);
        var u = InformationUnit.Bits;
        Assert.Equal(Measures.Entropy(joint.MarginalOf(0), u).Value, await BrowserFixture.ShownAsync(page, "v-hx"));
        Assert.Equal(Measures.Entropy(joint.MarginalOf(1), u).Value, await BrowserFixture.ShownAsync(page, "v-hy"));
        Assert.Equal(Measures.JointEntropy(joint, u).Value, await BrowserFixture.ShownAsync(page, "v-hxy"));
        Assert.Equal(Measures.ConditionalEntropy(joint, [0], [1], u).Value, await BrowserFixture.ShownAsync(page, "v-hx-given-y"));
        Assert.Equal(Measures.ConditionalEntropy(joint, u).Value, await BrowserFixture.ShownAsync(page, "v-hy-given-x"));
        Assert.Equal(Measures.MutualInformation(joint, u).Value, await BrowserFixture.ShownAsync(page, "v-mi"));
    }

    [Fact]
    public async Task YourData_UploadPickColumns_EntropyAndMutualInformationAreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        // weather x umbrella counts: sun/no 30, sun/yes 5, rain/no 4, rain/yes 21; mood is independent-ish noise.
        var rows = new StringBuilder("weather,umbrella,mood\n");
        var counts = new (string W, string U, int N)[] { ("sun", "no", 30), ("sun", "yes", 5), ("rain", "no", 4), ("rain", "yes", 21) };
        int k = 0;
        foreach (var (w, u, n) in counts)
        {
            for (int i = 0; i < n; i++, k++)
            {
                rows.Append(w).Append(',').Append(u).Append(',').Append((k % 3) switch { 0 => "calm", 1 => "glad", _ => "grim" }).Append('\n');
            }
        }

        await page.Locator("#d-file").SetInputFilesAsync(new FilePayload { Name = "weather.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(rows.ToString()) });
        await page.WaitForFunctionAsync("() => document.getElementById('d-mi').textContent !== ''");
        await BrowserFixture.IdleAsync(page, "panel-data");
        Assert.Equal("weather", await page.Locator("#d-x").InputValueAsync());
        Assert.Equal("umbrella", await page.Locator("#d-y").InputValueAsync());
        var joint = JointDistribution.FromCounts([30.0, 5, 4, 21], 2, 2);
        // The interval and the test are the library's, on the same codes (order of appearance: sun 0, rain 1; no 0, yes 1).
        var weatherCodes = counts.SelectMany(c => Enumerable.Repeat(c.W == "sun" ? 0 : 1, c.N)).ToArray();
        var umbrellaCodes = counts.SelectMany(c => Enumerable.Repeat(c.U == "no" ? 0 : 1, c.N)).ToArray();
        var plugin = Shannon.Estimators.Discrete.EntropyEstimators.Parse("plugin");
        var interval = Shannon.Inference.Bootstrap.MutualInformation(
            Shannon.Estimators.Discrete.CountTable.FromLabels(weatherCodes, umbrellaCodes), [0], [1], [], plugin, InformationUnit.Bits, Shannon.Inference.BootstrapOptions.Default);
        Assert.Equal(interval.Lower, await BrowserFixture.ShownAsync(page, "d-lower"));
        Assert.Equal(interval.Upper, await BrowserFixture.ShownAsync(page, "d-upper"));
        var test = Shannon.Inference.PermutationTest.MutualInformation(
            Shannon.Estimators.Discrete.DiscreteVariable.FromCodes(weatherCodes, 2), Shannon.Estimators.Discrete.DiscreteVariable.FromCodes(umbrellaCodes, 2),
            plugin, InformationUnit.Bits, new Shannon.Inference.PermutationTestOptions { Permutations = 199 });
        Assert.Equal(test.PValue, await BrowserFixture.ShownAsync(page, "d-pvalue", 3));
        // The label reads the estimate's confidence, interval_method and bootstrap (the keys of shannon mi --json).
        Assert.Equal("95% percentile bootstrap (1000)", await page.Locator("#d-interval-label").TextContentAsync());
        // Entropies and MI by the library's plug-in estimator on the same codes.
        var weather = Shannon.Estimators.Discrete.DiscreteVariable.FromCodes(weatherCodes, 2);
        var umbrella = Shannon.Estimators.Discrete.DiscreteVariable.FromCodes(umbrellaCodes, 2);
        Assert.Equal(Shannon.Estimators.Discrete.DiscreteInformation.Entropy(weather, plugin, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "d-hx"));
        Assert.Equal(Shannon.Estimators.Discrete.DiscreteInformation.Entropy(umbrella, plugin, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "d-hy"));
        Assert.Equal(Shannon.Estimators.Discrete.DiscreteInformation.MutualInformation(weather, umbrella, plugin, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "d-mi"));
        // ... which is the exact MI of the empirical table (weights 30, 5, 4, 21), up to rounding.
        Assert.Equal(Measures.MutualInformation(joint, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "d-mi"), 1e-14);
        Assert.Equal(9, await page.Locator("#d-matrix rect").CountAsync());
        Assert.True(await page.Locator("#d-matrix").IsVisibleAsync(), "the MI matrix is drawn but not visible");

        // Pick another column: mood is a 3-cycle over the rows, so H(mood) = log2 3 exactly (60 rows, 20 each).
        await page.SelectOptionAsync("#d-y", "mood");
        await BrowserFixture.IdleAsync(page, "panel-data");
        Assert.Equal(Measures.Entropy([1 / 3.0, 1 / 3.0, 1 / 3.0], InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "d-hy"), 1e-15);
        await browser.ScreenshotAsync(page, "7-your-data", "#panel-data");

        // The sample table (numeric x, y): the numbers are the API's for the same file and settings; then the
        // estimator and the bin count are changed.
        await page.Locator("#d-sample").ClickAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('d-x').value === 'x' && document.getElementById('panel-data').dataset.busy === '0'");
        string sample = await browser.Server.Client.GetStringAsync("api/data/sample");
        foreach (var (estimator, bins) in new[] { ("plugin", "10"), ("miller-madow", "6"), ("gaussian", "6"), ("ksg1", "6") })
        {
            await page.SelectOptionAsync("#d-estimator", estimator);
            await page.Locator("#d-bins").FillAsync(bins);
            await BrowserFixture.IdleAsync(page, "panel-data");
            using var response = await browser.Server.Client.PostAsync($"api/data?x=x&y=y&estimator={estimator}&bins={bins}", new StringContent(sample));
            var api = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(api.GetProperty("mutual_information").GetProperty("value").GetDouble(), await BrowserFixture.ShownAsync(page, "d-mi"));
            Assert.Equal(api.GetProperty("x").GetProperty("value").GetDouble(), await BrowserFixture.ShownAsync(page, "d-hx"));
        }

        await browser.ScreenshotAsync(page, "7-your-data-sample", "#panel-data");

        // An oversized file: the server's 413 message appears in the panel.
        await page.Locator("#d-file").SetInputFilesAsync(new FilePayload { Name = "big.csv", MimeType = "text/csv", Buffer = new byte[ExplorerOptions.MaxUploadBytes + 10] });
        await BrowserFixture.IdleAsync(page, "panel-data");
        Assert.Contains("at most 1,048,576 bytes", await page.Locator("#panel-data .error").TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => !p.Contains("413", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bottleneck_BetaSlider_EncoderAndPointAreTheSolvers()
    {
        var (page, problems) = await browser.OpenAsync();
        var joint = JointDistribution.FromCounts([8.0, 1, 1, 6, 3, 1, 2, 6, 2, 1, 6, 3, 1, 2, 7, 1, 1, 8], 6, 3);
        var slider = page.Locator("#b-logbeta");
        foreach (var logBeta in new[] { "0.7", "1.5" })
        {
            await slider.FillAsync(logBeta);
            await BrowserFixture.IdleAsync(page, "panel-bottleneck");
            string exact = await page.Locator("#b-beta").GetAttributeAsync("data-value") ?? "";
            double beta = Value(exact);
            Assert.Equal(Math.Pow(10, Value(logBeta)), beta, 1e-12);
            var solution = Shannon.Bottleneck.InformationBottleneck.Solve(joint, beta, InformationUnit.Bits);
            Assert.Equal(solution.MutualInformationXT, await BrowserFixture.ShownAsync(page, "b-ixt"));
            Assert.Equal(solution.MutualInformationTY, await BrowserFixture.ShownAsync(page, "b-ity"));
            Assert.Equal(solution.ClusterCount, await BrowserFixture.ShownAsync(page, "b-clusters", 0));
            Assert.Equal(Measures.MutualInformation(joint, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "b-ixy"), 1e-12);
            Assert.Equal(6 * solution.ClusterCount, await page.Locator("#b-encoder rect.enc").CountAsync());
        }

        await browser.ScreenshotAsync(page, "5-bottleneck", "#panel-bottleneck");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task WholePage_Screenshot()
    {
        var (page, problems) = await browser.OpenAsync();
        await browser.ScreenshotAsync(page, "0-explorer");
        Assert.Empty(problems);
    }
}
