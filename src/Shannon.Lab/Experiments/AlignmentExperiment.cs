using ScottPlot;
using Shannon.Calibration;
using Shannon.Distributions;
using Shannon.Lab.Corpora;
using Shannon.Lab.Report;
using Shannon.Regularization;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Information theory doing work in ML training today: (1) Schulman's k1/k2/k3 Monte Carlo estimators of the RLHF KL
/// penalty, bias and spread against the exact KL on Gaussian pairs and on LM-like softmax distributions; (2) a softmax
/// policy over characters pushed toward vowels by policy gradient on the KL-penalised reward, for several beta and with
/// Ziegler's adaptive controller, against the closed-form optimum pi_beta proportional to ref exp(r / beta); (3) the
/// reliability diagram of a deliberately over-confident classifier before and after temperature scaling.
/// </summary>
public sealed class AlignmentExperiment : IExperiment
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz ";
    private static readonly double[] Betas = [0.05, 0.1, 0.2, 0.5, 1.0];

    /// <inheritdoc/>
    public string Name => "alignment";

    /// <inheritdoc/>
    public string Title => "KL penalties, their estimators, and calibration";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        result.Paragraphs.Add(
            "RLHF keeps a fine-tuned policy pi close to its reference model by a penalty beta * KL(pi || ref) on the reward. " +
            "Trainers rarely sum over the vocabulary; they estimate the KL from the sampled tokens with r = ref(x) / pi(x): " +
            "k1 = -log r (unbiased, noisy, often negative), k2 = (log r)^2 / 2 (low variance, biased upward) and " +
            "k3 = (r - 1) - log r (unbiased and never negative) (Schulman 2020, 'Approximating KL divergence').");
        Estimators(context, result);
        context.CancellationToken.ThrowIfCancellationRequested();
        RewardVersusKullbackLeibler(context, result);
        context.CancellationToken.ThrowIfCancellationRequested();
        TemperatureScalingSection(context, result);
        context.Report(Name, "done", 1);
        return result;
    }

    // ---------------------------------------------------------------- estimators

    private void Estimators(ExperimentContext context, ExperimentResult result)
    {
        int n = context.Quick ? 100_000 : 1_000_000;
        var rows = new List<object[]>();
        var logRatios = new double[n];
        var pairs = new List<(string Name, double Kl, SampledKullbackLeiblerSummary[] Summaries)>();

        // Gaussian pairs: pi = N(0, 1), ref = N(mu, 1); log r = mu x - mu^2 / 2, KL = mu^2 / 2.
        int seed = 100;
        foreach (double mu in new[] { 0.1, 0.5, 1.0, 2.0 })
        {
            var random = new Random(seed++);
            var p = Gaussian.WithMeanStdDev(0, 1);
            var q = Gaussian.WithMeanStdDev(mu, 1);
            for (int i = 0; i < n; i++)
            {
                double x = p.Sample(random);
                logRatios[i] = q.LogDensity(x) - p.LogDensity(x);
            }

            pairs.Add(Summaries($"N(0,1) vs N({mu},1)", Measures.KullbackLeibler(p, q, InformationUnit.Nats).Value, logRatios));
        }

        // LM-like: a reference softmax(z) over a 64-symbol vocabulary with z ~ N(0, 2^2), and policies softmax(z / T).
        const int vocabulary = 64;
        var logitRandom = new Random(7);
        var logitPrior = Gaussian.WithMeanStdDev(0, 2);
        var reference = new double[vocabulary];
        for (int i = 0; i < vocabulary; i++)
        {
            reference[i] = logitPrior.Sample(logitRandom);
        }

        var logReference = new double[vocabulary];
        var logPolicy = new double[vocabulary];
        var policyLogits = new double[vocabulary];
        var cumulative = new double[vocabulary];
        Measures.LogSoftmax(reference, 1.0, logReference);
        foreach (double temperature in new[] { 0.9, 0.7, 0.5, 0.3 })
        {
            for (int i = 0; i < vocabulary; i++)
            {
                policyLogits[i] = reference[i] / temperature;
            }

            Measures.LogSoftmax(policyLogits, 1.0, logPolicy);
            double exact = TokenKullbackLeibler.FromLogits(policyLogits, reference, InformationUnit.Nats).Value;
            Cumulative(logPolicy, cumulative);
            var random = new Random(seed++);
            for (int s = 0; s < n; s++)
            {
                int x = SampleIndex(cumulative, random);
                logRatios[s] = logReference[x] - logPolicy[x];
            }

            pairs.Add(Summaries($"softmax(z/{temperature}) vs softmax(z), V = {vocabulary}", exact, logRatios));
        }

        foreach (var (name, kl, summaries) in pairs)
        {
            foreach (var s in summaries)
            {
                rows.Add([name, kl, s.Estimator.ToString().ToLowerInvariant(), s.Mean, s.Bias, s.Bias / s.StandardError, s.StandardDeviation, s.StandardDeviation / kl]);
            }
        }

        result.Tables.Add(new ResultTable("estimators", $"Sampled KL estimators against the exact KL(pi || ref), {n:N0} samples of pi per row (nats)",
            ["pair (pi vs ref)", "exact KL", "estimator", "mean", "bias", "bias / SE", "std per sample", "std / KL"], rows));
        result.Paragraphs.Add(
            "In the table k1 and k3 stay within a few standard errors of the exact KL at every distance: they are unbiased. " +
            "k2 is not: on the Gaussian pairs its bias is positive and grows with the divergence (exactly mu^4 / 8 = KL^2 / 2), while on the " +
            "temperature-sharpened softmax pairs it is negative and also grows in size: k2 estimates a different f-divergence that matches the KL " +
            "only to second order, so its error has no fixed sign. Near pi = ref, k3 has the smallest spread (about KL per sample, where k1's is " +
            "sqrt(2 KL), twenty times the KL at KL = 0.005); far from it, the tail of r inflates k3's spread and k1 becomes the steadier choice.");

        var biasPlot = Plots.Create("Relative bias of the KL estimators", "log10 exact KL (nats)", "bias / KL");
        var sdPlot = Plots.Create("Spread of the KL estimators", "log10 exact KL (nats)", "log10 (std per sample / KL)");
        var markers = new[] { MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp };
        var openMarkers = new[] { MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp };
        for (int e = 0; e < 3; e++)
        {
            foreach (bool gaussian in new[] { true, false })
            {
                var subset = pairs.Where(p => p.Name.StartsWith('N') == gaussian).OrderBy(p => p.Kl).ToArray();
                var xs = subset.Select(p => Math.Log10(p.Kl)).ToArray();
                var bias = subset.Select(p => p.Summaries[e].Bias / p.Kl).ToArray();
                var sd = subset.Select(p => Math.Log10(p.Summaries[e].StandardDeviation / p.Kl)).ToArray();
                string label = $"k{e + 1}, {(gaussian ? "Gaussian" : "softmax")}";
                var b = biasPlot.Add.Scatter(xs, bias);
                b.LegendText = label;
                // Gaussian pairs: filled markers, solid colour; softmax pairs: open markers, paler line (not line width alone).
                b.MarkerShape = gaussian ? markers[e] : openMarkers[e];
                b.MarkerSize = 8;
                b.LineWidth = gaussian ? 2 : 1;
                var s = sdPlot.Add.Scatter(xs, sd);
                s.LegendText = label;
                s.MarkerShape = gaussian ? markers[e] : openMarkers[e];
                s.MarkerSize = 8;
                s.LineWidth = gaussian ? 2 : 1;
                var colour = e switch { 0 => Colors.SteelBlue, 1 => Colors.OrangeRed, _ => Colors.SeaGreen };
                b.Color = s.Color = gaussian ? colour : colour.WithAlpha(0.6);
            }
        }

        biasPlot.ShowLegend(Alignment.UpperLeft);
        sdPlot.ShowLegend(Edge.Right); // outside: every corner of this plot holds points
        result.Figures.Add(new Figure("estimator-bias", "Bias of k1, k2, k3 relative to the exact KL: k1 and k3 sit on zero; k2 is biased, upward on the Gaussian pairs and downward on the sharpened softmax pairs, more so the larger the KL.", biasPlot));
        result.Figures.Add(new Figure("estimator-spread", "Per-sample standard deviation relative to the KL (log scale): k3 is the steadiest near pi = ref, k1 far from it.", sdPlot));

        var gaussianOne = pairs[2].Summaries;
        result.KeyNumbers["k1_bias_gauss_mu1_nats"] = gaussianOne[0].Bias;
        result.KeyNumbers["k2_bias_gauss_mu1_nats"] = gaussianOne[1].Bias;
        result.KeyNumbers["k3_bias_gauss_mu1_nats"] = gaussianOne[2].Bias;
        result.KeyNumbers["k3_std_gauss_mu1_nats"] = gaussianOne[2].StandardDeviation;
        result.KeyNumbers["estimator_samples"] = n;
        context.Report(Name, "estimators", 0.35);
    }

    private static (string, double, SampledKullbackLeiblerSummary[]) Summaries(string name, double kl, double[] logRatios) =>
        (name, kl,
        [
            SampledKullbackLeibler.Summarize(logRatios, KullbackLeiblerSampleEstimator.K1, kl, InformationUnit.Nats),
            SampledKullbackLeibler.Summarize(logRatios, KullbackLeiblerSampleEstimator.K2, kl, InformationUnit.Nats),
            SampledKullbackLeibler.Summarize(logRatios, KullbackLeiblerSampleEstimator.K3, kl, InformationUnit.Nats),
        ]);

    // ---------------------------------------------------------------- reward against KL

    /// <summary>The character unigram distribution of the built-in English text, add-one smoothed, over a-z and space.</summary>
    internal static double[] ReferenceLetters()
    {
        var counts = new double[Alphabet.Length];
        Array.Fill(counts, 1.0);
        foreach (char raw in EnglishText.Fallback())
        {
            char c = char.ToLowerInvariant(raw);
            int i = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (i >= 0)
            {
                counts[i]++;
            }
            else if (char.IsWhiteSpace(c))
            {
                counts[^1]++;
            }
        }

        double total = counts.Sum();
        return counts.Select(c => c / total).ToArray();
    }

    /// <summary>The task reward: 1 for a vowel, 0 otherwise.</summary>
    internal static double[] VowelReward() => Alphabet.Select(c => "aeiou".Contains(c, StringComparison.Ordinal) ? 1.0 : 0.0).ToArray();

    /// <summary>The optimum of E_pi[r] - beta KL(pi||ref): pi_beta proportional to ref exp(r / beta); returns (E r, KL).</summary>
    internal static (double Reward, double KullbackLeibler) Optimum(double[] reference, double[] reward, double beta)
    {
        var logits = reference.Select((p, i) => Math.Log(p) + (reward[i] / beta)).ToArray();
        var policy = new double[logits.Length];
        Measures.Softmax(logits, 1.0, policy);
        double expected = policy.Select((p, i) => p * reward[i]).Sum();
        return (expected, Measures.KullbackLeibler(policy, reference, InformationUnit.Nats).Value);
    }

    /// <summary>One REINFORCE run on the penalised reward; returns the exact (KL, reward) after each step and the betas used.</summary>
    internal static TrainingRun Train(double[] reference, double[] reward, int steps, int batch, double learningRate, Func<int, double> betaAt, Action<double, int>? observe, int seed)
    {
        int v = reference.Length;
        var logReference = reference.Select(p => Math.Log(p)).ToArray();
        var theta = (double[])logReference.Clone();
        var policy = new double[v];
        var logPolicy = new double[v];
        var cumulative = new double[v];
        var gradient = new double[v];
        var samples = new int[batch];
        var advantages = new double[batch];
        var random = new Random(seed);
        var kls = new double[steps];
        var rewards = new double[steps];
        var betas = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            double beta = betaAt(t);
            betas[t] = beta;
            Measures.LogSoftmax(theta, 1.0, logPolicy);
            Cumulative(logPolicy, cumulative);
            double mean = 0, sampledKl = 0;
            for (int b = 0; b < batch; b++)
            {
                int x = SampleIndex(cumulative, random);
                samples[b] = x;
                double logRatio = logReference[x] - logPolicy[x];
                advantages[b] = reward[x] + (beta * logRatio); // r - beta (log pi - log ref)
                mean += advantages[b];
                sampledKl -= logRatio;
            }

            mean /= batch;
            observe?.Invoke(sampledKl / batch, batch);
            Array.Clear(gradient);
            for (int i = 0; i < v; i++)
            {
                policy[i] = Math.Exp(logPolicy[i]);
            }

            // grad of log pi(x) wrt theta = e_x - pi; batch-mean baseline.
            for (int b = 0; b < batch; b++)
            {
                double a = (advantages[b] - mean) / batch;
                gradient[samples[b]] += a;
                for (int i = 0; i < v; i++)
                {
                    gradient[i] -= a * policy[i];
                }
            }

            for (int i = 0; i < v; i++)
            {
                theta[i] += learningRate * gradient[i];
            }

            Measures.Softmax(theta, 1.0, policy);
            kls[t] = Measures.KullbackLeibler(policy, reference, InformationUnit.Nats).Value;
            rewards[t] = policy.Select((p, i) => p * reward[i]).Sum();
        }

        return new TrainingRun(kls, rewards, betas);
    }

    internal sealed record TrainingRun(double[] KullbackLeibler, double[] Reward, double[] Beta);

    private void RewardVersusKullbackLeibler(ExperimentContext context, ExperimentResult result)
    {
        int steps = context.Quick ? 300 : 600;
        const int batch = 256;
        const double learningRate = 2.0;
        var reference = ReferenceLetters();
        var reward = VowelReward();
        double baseReward = reference.Select((p, i) => p * reward[i]).Sum();

        var plot = Plots.Create("Reward against KL for a policy pushed toward vowels", "KL(pi || ref) (nats)", "E_pi[reward] (fraction of vowels)");
        var frontierBetas = Enumerable.Range(0, 200).Select(i => Math.Pow(10, -2 + (3.0 * i / 199))).ToArray();
        var frontier = frontierBetas.Select(b => Optimum(reference, reward, b)).ToArray();
        var front = plot.Add.Scatter(frontier.Select(o => o.KullbackLeibler).ToArray(), frontier.Select(o => o.Reward).ToArray());
        front.MarkerSize = 0;
        front.LineWidth = 2;
        front.Color = Colors.Black;
        front.LegendText = "optimum pi_beta ~ ref exp(r / beta)";

        var rows = new List<object[]>();
        int seed = 500;
        double worstGap = 0;
        foreach (double beta in Betas)
        {
            var run = Train(reference, reward, steps, batch, learningRate, _ => beta, null, seed++);
            var optimum = Optimum(reference, reward, beta);
            double kl = run.KullbackLeibler[^1], r = run.Reward[^1];
            double objective = r - (beta * kl), best = optimum.Reward - (beta * optimum.KullbackLeibler);
            worstGap = Math.Max(worstGap, best - objective);
            rows.Add([beta, kl, r, optimum.KullbackLeibler, optimum.Reward, best - objective]);
            var path = plot.Add.Scatter(run.KullbackLeibler.Where((_, i) => i % 10 == 0).ToArray(), run.Reward.Where((_, i) => i % 10 == 0).ToArray());
            path.MarkerSize = 3;
            path.LineWidth = 1;
            path.LegendText = $"REINFORCE, beta = {beta}";
            var end = plot.Add.Marker(kl, r);
            end.MarkerSize = 10;
            end.Color = path.Color;
        }

        plot.ShowLegend(Alignment.LowerRight);
        result.Figures.Add(new Figure("reward-kl", $"Training paths (every 10th of {steps} steps, batch {batch}) from the reference (vowel fraction {baseReward:0.000}) toward the closed-form optimum for each beta (large markers: the end).", plot));
        result.Tables.Add(new ResultTable("reward-kl", "Fixed-beta policy gradient against the closed-form optimum of E[r] - beta KL",
            ["beta", "KL trained (nats)", "reward trained", "KL optimum (nats)", "reward optimum", "objective gap"], rows));
        result.Paragraphs.Add(
            "A softmax policy over the 27 characters a-z and space starts at the reference (the letter frequencies of the built-in English text) and is " +
            "trained by REINFORCE on r - beta (log pi - log ref), with r = 1 for a vowel. For a fixed beta the best policy is known in closed form, " +
            "pi_beta proportional to ref * exp(r / beta), so the black curve is the exact reward-KL frontier: a smaller beta buys more reward with more KL. " +
            "The table gives each run's distance from its optimum: with a large beta the run lands on the frontier; with a small one the reward gradient " +
            "first drives the policy past the optimal KL (piling mass on a few vowels) and the weak penalty pulls it back only slowly.");

        // Ziegler's adaptive controller, starting from a beta far too small for the target.
        const double target = 0.3;
        int adaptiveSteps = context.Quick ? 400 : 800;
        var controller = new AdaptiveKullbackLeiblerController(new AdaptiveKullbackLeiblerControllerOptions(InitialBeta: 0.05, Target: target, Horizon: 2000));
        var adaptive = Train(reference, reward, adaptiveSteps, batch, learningRate, _ => controller.Beta, (kl, n) => controller.Update(kl, n), 900);
        var steps2 = Enumerable.Range(1, adaptiveSteps).Select(i => (double)i).ToArray();
        var klPlot = Plots.Create("Adaptive KL controller (Ziegler et al. 2019)", "step", "KL(pi || ref) (nats)");
        var k = klPlot.Add.Scatter(steps2, adaptive.KullbackLeibler);
        k.Color = Colors.SteelBlue;
        k.MarkerSize = 0;
        k.LineWidth = 2;
        k.LegendText = "exact KL of the policy";
        var bLine = klPlot.Add.Scatter(steps2, adaptive.Beta);
        bLine.MarkerSize = 0;
        bLine.LineWidth = 2;
        bLine.LegendText = "beta (right axis)";
        bLine.Color = Colors.OrangeRed;
        LabTools.OnRightAxis(klPlot, bLine, "beta"); // beta and KL have different units and scales: two axes
        var tLine = klPlot.Add.HorizontalLine(target);
        tLine.LegendText = $"target {target} nats";
        tLine.Color = Colors.Gray;
        klPlot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("adaptive-kl", $"beta_(t+1) = beta_t (1 + clip(KL_t / {target} - 1, +-0.2) n / horizon), n = {batch}, horizon 2000, from beta_0 = 0.05, with KL_t the batch's k1 estimate: the KL overshoots, beta rises, and the KL settles near the target.", klPlot));
        int tail = adaptiveSteps / 4;
        double finalKl = adaptive.KullbackLeibler.Skip(adaptiveSteps - tail).Average();
        result.KeyNumbers["adaptive_target_nats"] = target;
        result.KeyNumbers["adaptive_final_kl_nats"] = finalKl;
        result.KeyNumbers["adaptive_peak_kl_nats"] = adaptive.KullbackLeibler.Max();
        result.KeyNumbers["adaptive_final_beta"] = adaptive.Beta[^1];
        result.KeyNumbers["fixed_beta_worst_objective_gap"] = worstGap;
        result.KeyNumbers["reference_vowel_fraction"] = baseReward;
        context.Report(Name, "reward against KL", 0.75);
    }

    // ---------------------------------------------------------------- calibration

    /// <summary>
    /// A synthetic K-class problem: logits z ~ N(0, 1.5^2) per class, the label drawn from softmax(z) (so z is perfectly
    /// calibrated), and a model that reports 3 z (over-confident; the ideal temperature is 3).
    /// </summary>
    internal static (double[] Logits, int[] Labels) OverConfident(int n, int classes, int seed)
    {
        var random = new Random(seed);
        var prior = Gaussian.WithMeanStdDev(0, 1.5);
        var logits = new double[n * classes];
        var labels = new int[n];
        var p = new double[classes];
        var logP = new double[classes];
        for (int i = 0; i < n; i++)
        {
            var z = logits.AsSpan(i * classes, classes);
            for (int j = 0; j < classes; j++)
            {
                z[j] = prior.Sample(random);
            }

            Measures.LogSoftmax(z, 1.0, logP);
            Cumulative(logP, p);
            labels[i] = SampleIndex(p, random);
            for (int j = 0; j < classes; j++)
            {
                z[j] *= 3;
            }
        }

        return (logits, labels);
    }

    private void TemperatureScalingSection(ExperimentContext context, ExperimentResult result)
    {
        const int classes = 10;
        int validationCount = context.Quick ? 2000 : 5000, testCount = context.Quick ? 4000 : 20000;
        var (validation, validationLabels) = OverConfident(validationCount, classes, 31);
        var (test, testLabels) = OverConfident(testCount, classes, 32);
        var fit = TemperatureScaling.Fit(validation, classes, validationLabels, context.CancellationToken);
        var before = TemperatureScaling.Apply(test, classes, testLabels, 1.0);
        var after = TemperatureScaling.Apply(test, classes, testLabels, fit.Temperature);
        var rows = new List<object[]>();
        foreach (var (name, predictions) in new[] { ("before (T = 1)", before), ($"after (T = {fit.Temperature:0.###})", after) })
        {
            var brier = CalibrationMetrics.DecomposeBrierScore(predictions);
            rows.Add([name, CalibrationMetrics.ExpectedCalibrationError(predictions), CalibrationMetrics.MaximumCalibrationError(predictions),
                CalibrationMetrics.LogLoss(predictions, InformationUnit.Nats).Value, brier.BrierScore, brier.Reliability, brier.Resolution, brier.Uncertainty]);
        }

        result.Tables.Add(new ResultTable("calibration", $"Held-out calibration of an over-confident {classes}-class model ({testCount:N0} test predictions; T fitted on {validationCount:N0} validation predictions)",
            ["model", "ECE (15 bins)", "MCE", "log-loss (nats)", "Brier", "reliability", "resolution", "uncertainty"], rows));
        result.Figures.Add(new Figure("reliability-before", "Reliability diagram of the over-confident model: accuracy falls well below confidence.", Reliability(before, "Before temperature scaling (T = 1)")));
        result.Figures.Add(new Figure("reliability-after", $"After temperature scaling (T = {fit.Temperature:0.###}, fitted on validation NLL): the bars follow the diagonal.", Reliability(after, $"After temperature scaling (T = {fit.Temperature:0.###})")));
        result.Paragraphs.Add(
            "Temperature scaling (Guo et al. 2017) divides all logits by one T fitted on held-out negative log-likelihood; the arg max, and so the accuracy, " +
            "do not change. The model here reports 3 z where z is calibrated, so the ideal T is 3. ECE uses 15 equal-width confidence bins; the Brier " +
            "score is split into Murphy's reliability - resolution + uncertainty (class by class, 15 bins; the small within-bin terms are in the CLI's JSON).");
        result.KeyNumbers["temperature"] = fit.Temperature;
        result.KeyNumbers["ece_before"] = (double)rows[0][1];
        result.KeyNumbers["ece_after"] = (double)rows[1][1];
        result.KeyNumbers["nll_before_nats"] = (double)rows[0][3];
        result.KeyNumbers["nll_after_nats"] = (double)rows[1][3];
    }

    private static Plot Reliability(ClassifierPredictions predictions, string title)
    {
        var plot = Plots.Create(title, "confidence", "accuracy");
        var bins = CalibrationMetrics.ReliabilityDiagram(predictions).Where(b => b.Count > 0).ToArray();
        var bars = plot.Add.Bars(bins.Select(b => (b.Lower + b.Upper) / 2).ToArray(), bins.Select(b => b.Accuracy).ToArray());
        foreach (var bar in bars.Bars)
        {
            bar.Size = 1.0 / 15 * 0.9;
        }

        bars.LegendText = "accuracy per bin";
        var gap = plot.Add.Scatter(bins.Select(b => b.MeanConfidence).ToArray(), bins.Select(b => b.MeanConfidence).ToArray());
        gap.LineWidth = 0;
        gap.MarkerSize = 7;
        gap.Color = Colors.OrangeRed;
        gap.LegendText = "mean confidence per bin";
        var diagonal = plot.Add.Scatter(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 });
        diagonal.MarkerSize = 0;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "perfect calibration";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    // ---------------------------------------------------------------- sampling helpers

    /// <summary>Writes the running sums of exp(logProbabilities) into <paramref name="cumulative"/>.</summary>
    private static void Cumulative(ReadOnlySpan<double> logProbabilities, Span<double> cumulative)
    {
        double c = 0;
        for (int i = 0; i < logProbabilities.Length; i++)
        {
            c += Math.Exp(logProbabilities[i]);
            cumulative[i] = c;
        }
    }

    /// <summary>Inverse-CDF sampling from running sums (scaled by their total, so rounding never drops the last symbol).</summary>
    private static int SampleIndex(double[] cumulative, Random random)
    {
        double u = random.NextDouble() * cumulative[^1];
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
