using ScottPlot;
using Shannon.Lab.Models;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// The VAE's KL term: a small VAE (the lab's <see cref="Mlp"/> kernels, no framework) on a ring of eight Gaussians; its
/// closed-form KL(q(z|x) || N(0, I)) against a Monte Carlo estimate during training; the rate/distortion trade-off as
/// beta varies (Higgins et al. 2017; Alemi et al. 2018); and posterior collapse when beta is large.
/// </summary>
public sealed class VariationalAutoencoderExperiment : IExperiment
{
    /// <summary>The betas of the full run.</summary>
    internal static readonly double[] Betas = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32];

    /// <summary>The betas of the quick run.</summary>
    internal static readonly double[] QuickBetas = [0.25, 1, 4, 32];

    /// <summary>A rate below this (nats per point) counts as collapsed: the code carries (almost) nothing about x.</summary>
    public const double CollapsedRateNats = 0.01;

    /// <summary>A latent unit is active when Cov_x(E[z_j | x]) exceeds this (Burda et al. 2016, sec. 5.2).</summary>
    public const double ActivityThreshold = 0.01;

    /// <summary>The mixture's components.</summary>
    public const int Components = 8;

    /// <inheritdoc/>
    public string Name => "vae";

    /// <inheritdoc/>
    public string Title => "The VAE's KL term: rate, distortion and posterior collapse";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        bool quick = context.Quick;
        int n = quick ? 512 : 2048, epochs = quick ? 60 : 300, batchSize = 64, seeds = quick ? 1 : 3, checkpoints = quick ? 11 : 26;
        double[] betas = quick ? QuickBetas : Betas;
        var (train, _) = RingMixture.Draw(n, Components, 2013);
        var (test, testComponents) = RingMixture.Draw(n, Components, 2014);
        var defaults = VariationalAutoencoderOptions.Default;
        double s2 = defaults.DecoderStdDev * defaults.DecoderStdDev;

        // The data's variance per coordinate, and the distortion of a decoder that ignores z (it outputs the mean).
        var mean = new double[2];
        var variance = new double[2];
        for (int u = 0; u < 2; u++)
        {
            var (m, _) = MeanAndError(test.AsSpan(u * n, n));
            mean[u] = m;
            variance[u] = test.AsSpan(u * n, n).ToArray().Select(v => (v - m) * (v - m)).Sum() / n;
        }

        double collapsedDistortion = ((variance[0] + variance[1]) / (2 * s2)) + Math.Log(2 * Math.PI * s2);
        double linearThreshold = Math.Max(variance[0], variance[1]) / s2;

        var runs = new VariationalAutoencoderRun[betas.Length, seeds];
        var rows = new List<object[]>();
        var rate = new double[betas.Length];
        var distortion = new double[betas.Length];
        var mse = new double[betas.Length];
        var active = new double[betas.Length];
        var rateMin = new double[betas.Length];
        var rateMax = new double[betas.Length];
        var finalChecks = new KullbackLeiblerCheck[betas.Length];
        var testRandom = new Random(77);
        for (int k = 0; k < betas.Length; k++)
        {
            rateMin[k] = double.PositiveInfinity;
            rateMax[k] = double.NegativeInfinity;
            for (int s = 0; s < seeds; s++)
            {
                context.Report(Name, $"training beta = {F(betas[k])}, seed {s + 1} of {seeds}", ((k * seeds) + s) / (double)(betas.Length * seeds));
                context.CancellationToken.ThrowIfCancellationRequested();
                var options = defaults with { Beta = betas[k], Seed = 10 * (s + 1) };
                var run = VariationalAutoencoderTraining.Train(options, train, n, epochs, batchSize, checkpoints, 500 + s, context.CancellationToken);
                runs[k, s] = run;
                var terms = run.Model.Loss(test, n, run.Model.DrawNoise(n, testRandom));
                double squared = (terms.Distortion - Math.Log(2 * Math.PI * s2)) * 2 * s2 / 2; // per coordinate
                rate[k] += terms.Rate / seeds;
                distortion[k] += terms.Distortion / seeds;
                mse[k] += squared / seeds;
                active[k] += ActiveUnits(run.Model, test, n) / (double)seeds;
                rateMin[k] = Math.Min(rateMin[k], terms.Rate);
                rateMax[k] = Math.Max(rateMax[k], terms.Rate);
                if (s == 0)
                {
                    finalChecks[k] = run.Model.CheckRate(test, n, quick ? 20 : 100, testRandom);
                }
            }

            rows.Add([betas[k], rate[k], rate[k] / Math.Log(2), distortion[k], mse[k], distortion[k] + rate[k], active[k], finalChecks[k].ClosedFormNats, finalChecks[k].MonteCarlo.Mean, finalChecks[k].MonteCarlo.StandardError]);
        }

        int one = Array.IndexOf(betas, 1.0);
        var history = runs[one, 0].Checkpoints;
        double worstSe = history.Max(c => c.Check.StandardErrors);
        int within2 = history.Count(c => c.Check.StandardErrors <= 2);
        var final = finalChecks[one];
        int collapseIndex = Enumerable.Range(0, betas.Length).FirstOrDefault(k => rateMax[k] < CollapsedRateNats, -1);

        result.Paragraphs.Add(
            $"The data: {n:N0} points from {Components} equally weighted 2-D Gaussians (sd {F(RingMixture.StdDev)}) on a circle of radius {F(RingMixture.Radius)}, drawn with a fixed seed; a second draw of {n:N0} is the test set. " +
            $"The VAE (Kingma & Welling 2014) is two of the lab's own MLPs with linear outputs, no framework: an encoder 2-32-32-4 (tanh) giving the mean mu(x) and log-variance v(x) of q(z|x) = N(mu, diag exp v) in a 2-D latent space, and a decoder 2-32-32-2 giving the mean g(z) of p(x|z) = N(g(z), {F(defaults.DecoderStdDev)}^2 I). " +
            $"It is trained by Adam on D + beta R, {epochs} epochs of batches of {batchSize}, with z = mu + exp(v/2) eps (the reparameterisation trick). " +
            "The distortion D = E[-ln p(x|z)] and the rate R = E_x KL(q(z|x) || N(0, I)) are Alemi et al.'s (2018) names for the two terms of the negative ELBO, which is D + R; beta = 1 is the VAE, other betas the beta-VAE of Higgins et al. (2017). " +
            "The backward pass is checked against central finite differences in the tests.");
        result.Paragraphs.Add(
            "The KL term has a closed form for a diagonal Gaussian against N(0, I) (Kingma & Welling 2014, appendix B): KL = -1/2 sum_j (1 + ln sigma_j^2 - mu_j^2 - sigma_j^2), computed by the library (VariationalKullbackLeibler). " +
            "A Monte Carlo estimate needs no formula: draw z ~ q(z|x) and average ln q(z|x) - ln N(z; 0, I), an unbiased estimate whose standard error is its sample sd / sqrt(draws). " +
            $"During training at beta = 1 (one draw per training point at each of {history.Count} checkpoints) the two agree at every checkpoint within {F(worstSe, "0.0")} standard errors ({within2} of {history.Count} within 2); " +
            $"on the test set after training, the closed form is {F(final.ClosedFormNats, "0.0000")} nats and the Monte Carlo estimate {F(final.MonteCarlo.Mean, "0.0000")} +- {F(final.MonteCarlo.StandardError, "0.0000")} nats ({final.MonteCarlo.SampleCount:N0} draws, {F(final.StandardErrors, "0.00")} standard errors apart). " +
            "The closed form is exact and costs nothing; the estimate is what one must use when q or the prior has no closed form.");
        string collapseText = collapseIndex >= 0
            ? $"From beta = {F(betas[collapseIndex])} on, the posterior collapses: the rate falls to {F(rate[collapseIndex], "0.0000")} nats ({F(rate[collapseIndex] / Math.Log(2), "0.0000")} bits) per point, the encoder puts q(z|x) on the prior for every x, {F(active[collapseIndex], "0.#")} latent units stay active, and the decoder outputs the data mean: D = {F(distortion[collapseIndex], "0.000")} nats against {F(collapsedDistortion, "0.000")} nats for a decoder that ignores z. "
            : $"No beta here made the rate fall below {F(CollapsedRateNats)} nats in every seed. ";
        result.Paragraphs.Add(
            $"As beta grows the rate falls and the distortion rises: from R = {F(rate[0], "0.00")} nats, D = {F(distortion[0], "0.00")} nats at beta = {F(betas[0])} to R = {F(rate[^1], "0.0000")} nats, D = {F(distortion[^1], "0.00")} nats at beta = {F(betas[^1])}. " +
            "Each beta buys a point on the rate/distortion curve: a nat of rate is worth beta nats of distortion. " + collapseText +
            $"For a linear Gaussian model the last latent direction switches off once beta sigma^2 exceeds the data's largest variance (Lucas et al. 2019), here beta > {F(linearThreshold, "0.0")}; the trained nonlinear VAE collapses in the same region. " +
            "Collapse is not a bug of the optimiser: at that beta, carrying any information costs more in beta R than it saves in D.");

        result.Tables.Add(new ResultTable("beta", $"Rate and distortion on the test set by beta (mean of {seeds} seeded run{(seeds > 1 ? "s" : "")}; the KL columns from the first seed, {final.MonteCarlo.SampleCount / n} draws per point)",
            ["beta", "rate R (nats)", "rate R (bits)", "distortion D (nats)", "squared error per coordinate", "D + R = -ELBO (nats)", "active latent units (of 2)", "KL closed form (nats)", "KL Monte Carlo (nats)", "Monte Carlo standard error (nats)"], rows));
        result.Tables.Add(new ResultTable("kl-during-training", "The rate during training at beta = 1: the closed form against its Monte Carlo estimate (one draw per training point)",
            ["epoch", "closed form (nats)", "Monte Carlo (nats)", "standard error (nats)", "difference / standard error"],
            history.Select(c => new object[] { c.Epoch, c.Check.ClosedFormNats, c.Check.MonteCarlo.Mean, c.Check.MonteCarlo.StandardError, c.Check.MonteCarlo.Bias / c.Check.MonteCarlo.StandardError }).ToList()));

        // Figure 1: closed form against Monte Carlo during training.
        var epochsX = history.Select(c => (double)c.Epoch).ToArray();
        var klPlot = Plots.Create("The KL term during training (beta = 1): closed form and Monte Carlo", "epoch", "KL(q(z|x) || N(0, I)), mean over x (nats)");
        Line(klPlot, epochsX, history.Select(c => c.Check.ClosedFormNats).ToArray(), "closed form (Kingma & Welling 2014, app. B)", Colors.SteelBlue, 2.5f);
        var mc = history.Select(c => c.Check.MonteCarlo.Mean).ToArray();
        Points(klPlot, epochsX, mc, $"Monte Carlo, {n:N0} draws, ± 2 standard errors", Colors.OrangeRed, 7);
        var bars = klPlot.Add.ErrorBar(epochsX, mc, history.Select(c => 2 * c.Check.MonteCarlo.StandardError).ToArray());
        bars.Color = Colors.OrangeRed;
        klPlot.Axes.SetLimits(-epochs * 0.02, epochs * 1.02, 0, history.Max(c => c.Check.MonteCarlo.Mean + (2 * c.Check.MonteCarlo.StandardError)) * 1.15);
        klPlot.ShowLegend(Edge.Bottom);
        result.Figures.Add(new Figure("kl-check", $"The rate at beta = 1 as the VAE trains: the closed form (line) and the Monte Carlo estimate with two-standard-error bars (points) agree at every checkpoint (worst {F(worstSe, "0.0")} standard errors).", klPlot, 900, 560));

        // Figure 2: the rate/distortion plane.
        var rdPlot = Plots.Create("Rate against distortion as beta varies (beta-VAE)", "rate R = E KL(q(z|x) || N(0, I)) (nats)", "distortion D = E[-ln p(x|z)] (nats)");
        var rd = rdPlot.Add.Scatter(rate, distortion);
        rd.Color = Colors.SteelBlue;
        rd.LineWidth = 1.5f;
        rd.MarkerSize = 9;
        rd.LegendText = "trained VAEs, one point per beta";
        for (int k = 0; k < betas.Length; k++)
        {
            var label = rdPlot.Add.Text($"beta {F(betas[k])}", rate[k], distortion[k]);
            label.LabelFontSize = 13;
            label.LabelFontName = Plots.FontFamily;
            label.OffsetX = 8;
            label.OffsetY = k % 2 == 0 ? -18 : 4;
        }

        double elboOne = rate[one] + distortion[one];
        var elbo = rdPlot.Add.Scatter(new[] { 0.0, elboOne }, new[] { elboOne, 0.0 }); // D + R = const: slope -1
        elbo.MarkerSize = 0;
        elbo.Color = Colors.Gray;
        elbo.LineWidth = 1.5f;
        elbo.LegendText = $"D + R = {F(rate[one] + distortion[one], "0.00")} nats: the ELBO of beta = 1";
        var floor = rdPlot.Add.HorizontalLine(collapsedDistortion);
        floor.Color = Colors.OrangeRed;
        floor.LineWidth = 1.5f;
        floor.LegendText = $"decoder that ignores z: D = {F(collapsedDistortion, "0.00")} nats";
        double rMax = rate.Max();
        rdPlot.Axes.SetLimits(-0.08 * rMax, 1.2 * rMax, distortion.Min() - 0.6, collapsedDistortion + 0.8);
        rdPlot.ShowLegend(Edge.Bottom);
        result.Figures.Add(new Figure("rate-distortion", "Each beta trades rate for distortion (Alemi et al. 2018): small beta keeps information in the code and reconstructs well; large beta pushes the rate to zero and the distortion to that of a decoder that ignores z (red line). The grey line is the set of points with the same ELBO as beta = 1.", rdPlot, 900, 600));

        // Figure 3: rate and distortion against beta, two axes.
        var logBeta = betas.Select(Math.Log2).ToArray();
        var bPlot = Plots.Create("Posterior collapse: the rate falls to zero as beta grows", "log2 beta", "rate R (nats per point)");
        var rateLine = Line(bPlot, logBeta, rate, "rate R (left axis)", Colors.SteelBlue, 2.5f);
        rateLine.MarkerSize = 8;
        rateLine.MarkerShape = MarkerShape.FilledCircle;
        var dLine = Line(bPlot, logBeta, distortion, "distortion D (right axis)", Colors.OrangeRed, 2.5f);
        dLine.MarkerSize = 8;
        dLine.MarkerShape = MarkerShape.FilledSquare;
        OnRightAxis(bPlot, dLine, "distortion D (nats per point)");
        var threshold = bPlot.Add.VerticalLine(Math.Log2(linearThreshold));
        threshold.Color = Colors.Gray;
        threshold.LineWidth = 1.5f;
        threshold.LegendText = $"linear-Gaussian collapse point: beta = max variance / sigma^2 = {F(linearThreshold, "0.0")}";
        bPlot.Axes.SetLimitsX(logBeta[0] - 0.4, logBeta[^1] + 0.4);
        bPlot.Axes.SetLimitsY(-0.06 * rMax, 1.12 * rMax, bPlot.Axes.Left);
        bPlot.Axes.SetLimitsY(distortion.Min() - 0.3, distortion.Max() + 0.3, bPlot.Axes.Right);
        bPlot.ShowLegend(Edge.Bottom);
        result.Figures.Add(new Figure("collapse", $"Rate (left axis) and distortion (right axis) against beta; from beta = {(collapseIndex >= 0 ? F(betas[collapseIndex]) : "-")} the rate is below {F(CollapsedRateNats)} nats: the posterior has collapsed onto the prior.", bPlot, 900, 560));

        // Figure 4: the latent means of the test points at beta = 1 and in collapse.
        Color[] palette = [Colors.SteelBlue, Colors.OrangeRed, Colors.SeaGreen, Colors.Purple, Colors.DarkOrange, Colors.Crimson, Colors.Teal, Colors.SaddleBrown];
        var (mus, _) = runs[one, 0].Model.Encode(test, n);
        var latent = Plots.Create("Where the encoder puts each point: mu(x) at beta = 1", "mu_1(x)", "mu_2(x)");
        for (int c = 0; c < Components; c++)
        {
            var idx = Enumerable.Range(0, n).Where(i => testComponents[i] == c).ToArray();
            Points(latent, idx.Select(i => mus[i]).ToArray(), idx.Select(i => mus[n + i]).ToArray(), $"component {c + 1}", palette[c], 4);
        }

        var prior = latent.Add.Circle(0, 0, 2);
        prior.LineColor = Colors.Gray;
        prior.LineWidth = 1.5f;
        prior.LegendText = "prior N(0, I): radius 2 sd";
        latent.Axes.SquareUnits();
        latent.ShowLegend(Edge.Right);
        result.Figures.Add(new Figure("latent", $"The latent means of the test points at beta = 1, coloured by mixture component: the encoder spreads the eight clusters over the prior; at beta = {F(betas[^1])} every mu(x) sits at 0 (the collapsed code).", latent, 900, 640));

        result.KeyNumbers["n_train"] = n;
        result.KeyNumbers["epochs"] = epochs;
        result.KeyNumbers["seeds"] = seeds;
        result.KeyNumbers["kl_closed_form_nats"] = final.ClosedFormNats;
        result.KeyNumbers["kl_monte_carlo_nats"] = final.MonteCarlo.Mean;
        result.KeyNumbers["kl_monte_carlo_standard_error_nats"] = final.MonteCarlo.StandardError;
        result.KeyNumbers["kl_monte_carlo_draws"] = final.MonteCarlo.SampleCount;
        result.KeyNumbers["kl_difference_standard_errors"] = final.StandardErrors;
        result.KeyNumbers["kl_training_worst_standard_errors"] = worstSe;
        result.KeyNumbers["collapsed_decoder_distortion_nats"] = collapsedDistortion;
        result.KeyNumbers["linear_collapse_beta"] = linearThreshold;
        result.KeyNumbers["collapse_beta"] = collapseIndex >= 0 ? betas[collapseIndex] : double.NaN;
        if (collapseIndex >= 0)
        {
            result.KeyNumbers["collapse_rate_nats"] = rate[collapseIndex];
        }

        for (int k = 0; k < betas.Length; k++)
        {
            result.KeyNumbers[$"rate_beta{F(betas[k])}_nats"] = rate[k];
            result.KeyNumbers[$"distortion_beta{F(betas[k])}_nats"] = distortion[k];
            result.KeyNumbers[$"active_units_beta{F(betas[k])}"] = active[k];
        }

        context.Report(Name, "done", 1);
        return result;
    }

    /// <summary>Latent units with Cov_x(mu_j(x)) above <see cref="ActivityThreshold"/> (Burda, Grosse &amp; Salakhutdinov 2016).</summary>
    internal static int ActiveUnits(VariationalAutoencoder model, double[] data, int n)
    {
        var (mus, _) = model.Encode(data, n);
        int count = 0;
        for (int j = 0; j < model.Options.LatentDimension; j++)
        {
            var column = mus.AsSpan(j * n, n);
            double m = 0;
            foreach (double v in column)
            {
                m += v;
            }

            m /= n;
            double ss = 0;
            foreach (double v in column)
            {
                ss += (v - m) * (v - m);
            }

            if (ss / (n - 1) > ActivityThreshold)
            {
                count++;
            }
        }

        return count;
    }
}
