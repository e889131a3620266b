using System.Globalization;
using Microsoft.Playwright;
using Shannon.Web.Api;

namespace Shannon.Web.Tests;

/// <summary>
/// The lesson's panels (issue 18): each test moves the panel's controls as a user would and checks every number shown
/// against the library's (or the lab's) value for that setting, computed here by calling the library directly.
/// </summary>
[Collection("browser")]
public sealed class LessonPanelBrowserTests(BrowserFixture browser)
{
    private static double Value(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task MutualInformationAgainstRho_RhoAndN_TruthAndEstimatesAreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        await page.Locator("#c-bins").FillAsync("10"); // the page is shared by the collection's tests
        await page.Locator("#c-rho").FillAsync("0.6");
        await page.Locator("#c-n").FillAsync("400");
        await page.Locator("#c-rho").FocusAsync();
        for (int i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("ArrowLeft"); // 0.60 -> 0.55
        }

        await BrowserFixture.IdleAsync(page, "panel-correlation");
        double rho = Value(await page.Locator("#c-rho").InputValueAsync());
        int n = (int)Value(await page.Locator("#c-n").InputValueAsync());
        Assert.Equal(0.55, rho, 1e-12);
        Assert.Equal(400, n);
        Assert.Equal(Measures.GaussianMutualInformation(rho, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "c-true"));
        foreach (var name in new[] { "ksg1", "binned", "gaussian" })
        {
            var expected = CorrelationApi.EstimateAt(name, rho, n, 10, 1, InformationUnit.Bits).Value;
            Assert.Equal(expected, await BrowserFixture.ShownAsync(page, "c-est-" + name));
        }

        // The curve: the truth and three estimators over 20 values of rho; each point is the library's estimate there.
        Assert.Equal(4, await page.Locator("#c-curve path.curve").CountAsync());
        Assert.Equal(60, await page.Locator("#c-curve circle.point").CountAsync());
        foreach (var (name, r) in new[] { ("ksg1", 0.8), ("binned", 0.3), ("gaussian", 0.95) })
        {
            var point = page.Locator($"#c-curve circle.point[data-estimator='{name}'][data-rho='{r.ToString(CultureInfo.InvariantCulture)}']");
            double shown = Value(await point.GetAttributeAsync("data-value") ?? "");
            Assert.Equal(CorrelationApi.EstimateAt(name, r, n, 10, 1, InformationUnit.Bits).Value, shown);
        }

        // Changing N redraws the curve at the new N.
        await page.Locator("#c-n").FillAsync("1000");
        await BrowserFixture.IdleAsync(page, "panel-correlation");
        var ksg = page.Locator("#c-curve circle.point[data-estimator='ksg1'][data-rho='0.5']");
        Assert.Equal(CorrelationApi.EstimateAt("ksg1", 0.5, 1000, 10, 1, InformationUnit.Bits).Value, Value(await ksg.GetAttributeAsync("data-value") ?? ""));
        await browser.ScreenshotAsync(page, "3-correlation-curve", "#panel-correlation");
        await page.Locator("#c-n").FillAsync("500");
        await page.Locator("#c-rho").FillAsync("0.6");
        await BrowserFixture.IdleAsync(page, "panel-correlation");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task CrossEntropyTraining_StepAndTarget_LossEntropyAndGapAreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        var step = page.Locator("#x-step");
        await step.FillAsync("40");
        await step.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight"); // 40 -> 41
        await BrowserFixture.IdleAsync(page, "panel-xent");
        Assert.Equal(41, Value(await step.InputValueAsync()));
        double[] weights = [0.5, 0.2, 0.15, 0.1, 0.05];
        double kl41 = await AssertTrainingAsync(page, weights, 41, 1.0);

        // Further along the loss is lower and the gap smaller; H(P) does not move.
        await step.FillAsync("150");
        await BrowserFixture.IdleAsync(page, "panel-xent");
        double kl150 = await AssertTrainingAsync(page, weights, 150, 1.0);
        Assert.True(kl150 < kl41, $"the KL gap grew from {kl41} to {kl150}");

        // Another target and learning rate, typed.
        await page.Locator("#x-p").FillAsync("3,1,0");
        await page.Locator("#x-rate").FillAsync("2.5");
        await BrowserFixture.IdleAsync(page, "panel-xent");
        await AssertTrainingAsync(page, [3, 1, 0], 150, 2.5);
        Assert.Equal(3, await page.Locator("#x-bars rect.bar.q").CountAsync());
        await browser.ScreenshotAsync(page, "8-cross-entropy", "#panel-xent");
        await page.Locator("#x-p").FillAsync("0.5,0.2,0.15,0.1,0.05");
        await page.Locator("#x-rate").FillAsync("1");
        await BrowserFixture.IdleAsync(page, "panel-xent");
        Assert.Empty(problems);
    }

    private static async Task<double> AssertTrainingAsync(IPage page, double[] weights, int steps, double rate)
    {
        var target = Categorical.FromWeights(weights);
        var p = target.Probabilities.ToArray();
        var q = Shannon.Lab.Models.SoftmaxFit.Trajectory(target, steps, rate)[steps];
        var u = InformationUnit.Bits;
        Assert.Equal(Measures.Entropy(p, u).Value, await BrowserFixture.ShownAsync(page, "x-entropy"));
        Assert.Equal(Measures.CrossEntropy(p, q, u).Value, await BrowserFixture.ShownAsync(page, "x-cross"));
        double kl = await BrowserFixture.ShownAsync(page, "x-kl");
        Assert.Equal(Measures.KullbackLeibler(p, q, u).Value, kl);
        return kl;
    }

    [Fact]
    public async Task RlhfLeash_BetaSlider_RewardAndKlAreTheLabsOptimum()
    {
        var (page, problems) = await browser.OpenAsync();
        var reference = Shannon.Lab.Experiments.AlignmentExperiment.ReferenceLetters();
        var reward = Shannon.Lab.Experiments.AlignmentExperiment.VowelReward();
        var slider = page.Locator("#l-logbeta");
        double previousKl = double.PositiveInfinity;
        foreach (var logBeta in new[] { "-1", "0.3" })
        {
            await slider.FillAsync(logBeta);
            await slider.FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight"); // one step of 0.05
            await BrowserFixture.IdleAsync(page, "panel-leash");
            double beta = Value(await page.Locator("#l-beta").GetAttributeAsync("data-value") ?? "");
            Assert.Equal(Math.Pow(10, Value(logBeta) + 0.05), beta, 1e-12);
            var (expectedReward, klNats) = Shannon.Lab.Experiments.AlignmentExperiment.Optimum(reference, reward, beta);
            Assert.Equal(expectedReward, await BrowserFixture.ShownAsync(page, "l-reward"));
            double kl = await BrowserFixture.ShownAsync(page, "l-kl");
            Assert.Equal(Information.FromNats(klNats, InformationUnit.Bits).Value, kl);
            Assert.True(kl < previousKl, "a tighter leash (larger beta) must give a smaller KL");
            previousKl = kl;
        }

        Assert.Single(await page.Locator("#l-frontier path.curve").AllAsync());
        await browser.ScreenshotAsync(page, "9-leash", "#panel-leash");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Calibration_TemperatureAndBins_EceAndDiagramAreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        var (logits, labels) = Shannon.Lab.Experiments.AlignmentExperiment.OverConfident(CalibrationApi.TestCount, CalibrationApi.Classes, 32);
        var (validation, validationLabels) = Shannon.Lab.Experiments.AlignmentExperiment.OverConfident(CalibrationApi.ValidationCount, CalibrationApi.Classes, 31);
        var fit = Shannon.Calibration.TemperatureScaling.Fit(validation, CalibrationApi.Classes, validationLabels);
        var t = page.Locator("#k-t");
        double eceAtOne = 0;
        foreach (var (temperature, bins) in new[] { ("1", "15"), ("2.9", "11") })
        {
            await t.FillAsync(temperature);
            await page.Locator("#k-bins").FillAsync(bins);
            await t.FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight"); // one step of 0.05
            await BrowserFixture.IdleAsync(page, "panel-calibration");
            double shownT = Value(await t.InputValueAsync());
            Assert.Equal(Value(temperature) + 0.05, shownT, 1e-12);
            int m = int.Parse(bins, CultureInfo.InvariantCulture);
            var predictions = Shannon.Calibration.TemperatureScaling.Apply(logits, CalibrationApi.Classes, labels, shownT);
            double ece = Shannon.Calibration.CalibrationMetrics.ExpectedCalibrationError(predictions, m);
            Assert.Equal(ece, await BrowserFixture.ShownAsync(page, "k-ece"));
            Assert.Equal(Shannon.Calibration.CalibrationMetrics.MaximumCalibrationError(predictions, m), await BrowserFixture.ShownAsync(page, "k-mce"));
            Assert.Equal(Shannon.Calibration.CalibrationMetrics.BrierScore(predictions), await BrowserFixture.ShownAsync(page, "k-brier"));
            Assert.Equal(Shannon.Calibration.CalibrationMetrics.LogLoss(predictions, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "k-logloss"));
            Assert.Equal(fit.Temperature, await BrowserFixture.ShownAsync(page, "k-fitted", 3));
            var diagram = Shannon.Calibration.CalibrationMetrics.ReliabilityDiagram(predictions, m).Where(b => b.Count > 0).ToArray();
            var bars = await page.Locator("#k-diagram rect.bar").AllAsync();
            Assert.Equal(diagram.Length, bars.Count);
            for (int i = 0; i < bars.Count; i++)
            {
                Assert.Equal(diagram[i].Accuracy, Value(await bars[i].GetAttributeAsync("data-accuracy") ?? ""));
                Assert.Equal(diagram[i].Count, (int)Value(await bars[i].GetAttributeAsync("data-count") ?? ""));
            }

            if (temperature == "1")
            {
                eceAtOne = ece;
            }
            else
            {
                // Near the ideal temperature (3: the model reports 3 z) the over-confidence is gone.
                Assert.True(ece < eceAtOne / 2, $"ECE near T = 3 ({ece}) is not well below ECE at T = 1.05 ({eceAtOne})");
            }
        }

        await browser.ScreenshotAsync(page, "10-calibration", "#panel-calibration");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Wordle_TypedGuessAndPrior_FeedbackEntropyIsTheLabsSolvers()
    {
        var (page, problems) = await browser.OpenAsync();
        // The fixture serves without --corpus: the built-in text's words are the candidates.
        var source = new WordleSource(null);
        var (answers, counts) = (source.Answers, source.Counts);
        var game = new Shannon.Lab.Games.WordleGame(source.List.Words, answers);
        var candidates = Enumerable.Range(0, answers.Length).ToArray();
        var field = page.Locator("#w-guess");
        foreach (var (guess, prior) in new[] { ("slate", "frequency"), ("fuzzy", "uniform") })
        {
            await page.SelectOptionAsync("#w-prior", prior);
            await field.FillAsync("");
            await field.PressSequentiallyAsync(guess);
            await BrowserFixture.IdleAsync(page, "panel-wordle");
            var weights = prior == "uniform" ? Enumerable.Repeat(1.0, answers.Length).ToArray() : counts;
            int g = game.IndexOfGuess(guess);
            Assert.True(g >= 0, $"{guess} is not in the word list");
            double bits = game.ExpectedBits(g, candidates, weights);
            Assert.Equal(bits, await BrowserFixture.ShownAsync(page, "w-bits"));
            var distribution = game.FeedbackDistribution(g, candidates, weights);
            Assert.Equal(Measures.Entropy(distribution, InformationUnit.Bits).Value, await BrowserFixture.ShownAsync(page, "w-entropy"));
            Assert.Equal(distribution.Count(p => p > 0), await BrowserFixture.ShownAsync(page, "w-patterns", 0));
            // The bars are the likeliest patterns with the game's probabilities.
            var bar = page.Locator("#w-bars rect.bar").First;
            string pattern = await bar.GetAttributeAsync("data-pattern") ?? "";
            int code = Enumerable.Range(0, distribution.Length).First(i => Shannon.Lab.Games.Wordle.Show(i) == pattern);
            Assert.Equal(distribution.Max(), distribution[code]);
            Assert.Equal(distribution[code], Value(await bar.GetAttributeAsync("data-probability") ?? ""));
        }

        // The best opener under the prior now selected (uniform), by the lab solver's own search.
        var best = game.BestGuess(candidates, Enumerable.Repeat(1.0, answers.Length).ToArray());
        Assert.Equal(game.Guesses[best.Guess], await page.Locator("#w-best").TextContentAsync());
        Assert.Equal(best.Bits, await BrowserFixture.ShownAsync(page, "w-best-bits"));
        await browser.ScreenshotAsync(page, "11-wordle", "#panel-wordle");

        // A word that is not on the list: the server's message is shown.
        await field.FillAsync("zzzzq");
        await BrowserFixture.IdleAsync(page, "panel-wordle");
        Assert.StartsWith("`guess` must be a five-letter word of the list", await page.Locator("#panel-wordle .error").TextContentAsync(), StringComparison.Ordinal);
        await field.FillAsync("crane");
        await page.SelectOptionAsync("#w-prior", "frequency");
        await BrowserFixture.IdleAsync(page, "panel-wordle");
        Assert.DoesNotContain(problems, p => !p.Contains("400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KullbackLeiblerLandscape_BothDirectionsWithColourBars_AreTheLibrarys()
    {
        var (page, problems) = await browser.OpenAsync();
        foreach (var (id, value) in new[] { ("#g-mu1", "0.5"), ("#g-sigma1", "1.2"), ("#g-mu2", "-2"), ("#g-sigma2", "0.6") })
        {
            await page.Locator(id).FillAsync(value);
        }

        await page.Locator("#g-mu1").FocusAsync();
        await page.Keyboard.PressAsync("ArrowLeft"); // 0.5 -> 0.4
        await BrowserFixture.IdleAsync(page, "panel-gaussians");
        double mu1 = Value(await page.Locator("#g-mu1").InputValueAsync());
        Assert.Equal(0.4, mu1, 1e-12);
        var p = Gaussian.WithMeanStdDev(mu1, 1.2);
        Assert.Equal(GaussiansApi.LandscapeSize * GaussiansApi.LandscapeSize, await page.Locator("#g-landscape rect").CountAsync());
        Assert.Equal(GaussiansApi.LandscapeSize * GaussiansApi.LandscapeSize, await page.Locator("#g-landscape-reverse rect").CountAsync());

        // The colour bars' top values are the largest D(P||Q) and D(Q||P) over the maps' grid of Q, by the library.
        double forward = 0, reverse = 0;
        for (int s = 0; s < GaussiansApi.LandscapeSize; s++)
        {
            for (int m = 0; m < GaussiansApi.LandscapeSize; m++)
            {
                double mean = -GaussiansApi.MeanLimit + (2 * GaussiansApi.MeanLimit * m / (GaussiansApi.LandscapeSize - 1));
                double spread = GaussiansApi.MinStdDev + ((GaussiansApi.MaxStdDev - GaussiansApi.MinStdDev) * s / (GaussiansApi.LandscapeSize - 1));
                var q = Gaussian.WithMeanStdDev(mean, spread);
                forward = Math.Max(forward, Measures.KullbackLeibler(p, q, InformationUnit.Bits).Value);
                reverse = Math.Max(reverse, Measures.KullbackLeibler(q, p, InformationUnit.Bits).Value);
            }
        }

        Assert.Equal(forward, Value(await page.Locator("#g-colourbar text.max").GetAttributeAsync("data-value") ?? ""));
        Assert.Equal(reverse, Value(await page.Locator("#g-colourbar-reverse text.max").GetAttributeAsync("data-value") ?? ""));
        Assert.NotEqual(forward, reverse); // the two directions differ
        Assert.Equal(48, await page.Locator("#g-colourbar rect.ramp").CountAsync());
        await browser.ScreenshotAsync(page, "2-gaussians-both-directions", "#panel-gaussians");
        Assert.Empty(problems);
    }
}
