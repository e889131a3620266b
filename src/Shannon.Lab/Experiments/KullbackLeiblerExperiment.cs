using ScottPlot;
using Shannon.Distributions;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// The Kullback-Leibler divergence: asymmetric (D(P||Q) against D(Q||P) for two Gaussians, closed form and Monte
/// Carlo with error bars), its landscape over a grid of Gaussians, and what the asymmetry does when a single
/// Gaussian is fitted to a bimodal mixture: forward KL covers both modes, reverse KL locks onto one.
/// </summary>
public sealed class KullbackLeiblerExperiment : IExperiment
{
    /// <summary>The mixture's component means are -Separation and +Separation.</summary>
    public const double Separation = 2.0;

    /// <summary>The mixture's component standard deviation.</summary>
    public const double ComponentStdDev = 0.6;

    /// <inheritdoc/>
    public string Name => "kl";

    /// <inheritdoc/>
    public string Title => "KL divergence: asymmetry, landscape, and mode covering against mode seeking";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        int samples = context.Quick ? 20_000 : 400_000;
        int grid = context.Quick ? 30 : 90;

        // 1. Two Gaussians, both directions.
        var p = Gaussian.WithMeanStdDev(0, 1);
        var q = Gaussian.WithMeanStdDev(1, 2);
        double dpq = Measures.KullbackLeibler(p, q, InformationUnit.Nats).Value;
        double dqp = Measures.KullbackLeibler(q, p, InformationUnit.Nats).Value;
        var random = new Random(1951);
        var valuesPq = MonteCarloKl(p, q, samples, random);
        var valuesQp = MonteCarloKl(q, p, samples, random);
        var (mcpq, sepq) = MeanAndError(valuesPq);
        var (mcqp, seqp) = MeanAndError(valuesQp);
        context.Report(Name, "Monte Carlo KL", 0.2);
        result.Paragraphs.Add(
            $"P = N(0, 1) and Q = N(1, 2^2). In closed form D(P||Q) = {F(dpq, "0.0000")} nats but D(Q||P) = {F(dqp, "0.0000")} nats: " +
            "KL is not a distance. Q is wide, so samples of Q land where P is thin and pay heavily. " +
            $"Monte Carlo with {samples:N0} samples (the mean of ln p(x) - ln q(x) over x drawn from the first argument, ± one standard error) " +
            $"gives {F(mcpq, "0.0000")} ± {F(sepq, "0.0000")} and {F(mcqp, "0.0000")} ± {F(seqp, "0.0000")} nats.");
        result.Tables.Add(new ResultTable("gaussians", "KL divergence between N(0, 1) and N(1, 4) (nats)",
            ["direction", "closed form", "Monte Carlo", "standard error", "|difference| / standard error"],
            [
                ["D(P||Q)", dpq, mcpq, sepq, Math.Abs(mcpq - dpq) / sepq],
                ["D(Q||P)", dqp, mcqp, seqp, Math.Abs(mcqp - dqp) / seqp],
            ]));

        var densities = Plots.Create("Two Gaussians: P = N(0, 1), Q = N(1, 4)", "x", "density (per unit x)");
        var xs = Range(-7, 8, 601);
        Line(densities, xs, xs.Select(p.Density).ToArray(), "P = N(0, 1)", Colors.SteelBlue);
        Line(densities, xs, xs.Select(q.Density).ToArray(), "Q = N(1, 2^2)", Colors.OrangeRed);
        densities.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("gaussians", "The two Gaussians whose divergences are compared.", densities, 700, 400));

        var bars = Plots.Create("KL divergence: Monte Carlo converging to the closed form", "Monte Carlo sample size n (log10 scale)", "divergence (nats)");
        var sizes = new List<int>();
        for (int size = 100; size <= samples; size *= 4)
        {
            sizes.Add(size);
        }

        foreach (var (values, closedForm, label, color, shift) in new[]
        {
            (valuesPq, dpq, "D(P||Q)", Colors.SteelBlue, -0.03),
            (valuesQp, dqp, "D(Q||P)", Colors.OrangeRed, 0.03),
        })
        {
            var line = bars.Add.HorizontalLine(closedForm);
            line.Color = color;
            line.LineWidth = 1;
            line.LegendText = $"{label} closed form = {F(closedForm, "0.0000")}";
            var logN = sizes.Select(n => Math.Log10(n) + shift).ToArray();
            var estimates = sizes.Select(n => MeanAndError(values.AsSpan(0, n))).ToArray();
            Points(bars, logN, estimates.Select(e => e.Mean).ToArray(), $"{label} Monte Carlo ± 2 standard errors", color, 7);
            var err = bars.Add.ErrorBar(logN, estimates.Select(e => e.Mean).ToArray(), estimates.Select(e => 2 * e.StandardError).ToArray());
            err.Color = color;
        }

        bars.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("directions", "Both directions of KL: Monte Carlo estimates on the first n samples (error bars: two standard errors) against the closed form (lines).", bars));

        // 2. The mixture and its information landscape.
        var mixture = new Mixture(Separation, ComponentStdDev);
        double mixtureEntropy = mixture.EntropyNats();
        var mus = Range(-4, 4, grid);
        var sigmas = Range(0.3, 4, grid);
        var forward = new double[grid, grid];
        var reverse = new double[grid, grid];
        for (int r = 0; r < grid; r++)
        {
            double sigma = sigmas[grid - 1 - r]; // row 0 is drawn at the top: the largest sigma
            for (int c = 0; c < grid; c++)
            {
                forward[r, c] = InformationUnits.Convert(mixture.ForwardKlNats(mus[c], sigma, mixtureEntropy), InformationUnit.Nats, InformationUnit.Bits);
                reverse[r, c] = InformationUnits.Convert(mixture.ReverseKlNats(mus[c], sigma), InformationUnit.Nats, InformationUnit.Bits);
            }

            if (r % 10 == 0)
            {
                context.Report(Name, "KL landscape", 0.2 + (0.6 * r / grid));
            }
        }

        // Forward KL is minimised by moment matching; reverse KL numerically (grid minimum, then refined).
        double fitMu = 0, fitSigma = Math.Sqrt((ComponentStdDev * ComponentStdDev) + (Separation * Separation));
        double forwardMin = mixture.ForwardKlNats(fitMu, fitSigma, mixtureEntropy);
        var (revMu, revSigma, reverseMin) = MinimiseReverse(mixture, reverse, mus, sigmas);
        double forwardOfReverseFit = mixture.ForwardKlNats(revMu, revSigma, mixtureEntropy);
        double reverseOfForwardFit = mixture.ReverseKlNats(fitMu, fitSigma);
        context.Report(Name, "fits", 0.9);

        result.Paragraphs.Add(
            $"P is now the bimodal mixture 0.5 N(-{F(Separation)}, {F(ComponentStdDev)}^2) + 0.5 N({F(Separation)}, {F(ComponentStdDev)}^2). " +
            "The landscapes show the divergence between P and every Gaussian N(mu, sigma^2) on a grid (integrals by the trapezoid rule on a fine grid). " +
            $"Forward KL D(P || N(mu, sigma)) has one valley; its minimum is moment matching, mu = 0, sigma = {F(fitSigma, "0.000")} " +
            $"(D = {F(InformationUnits.Convert(forwardMin, InformationUnit.Nats, InformationUnit.Bits), "0.000")} bits): the fit covers both modes and puts its mass in the empty middle. " +
            $"Reverse KL D(N(mu, sigma) || P) has two valleys, one per mode; minimising it from the grid gives mu = {F(revMu, "0.000")}, sigma = {F(revSigma, "0.000")} " +
            $"(D = {F(InformationUnits.Convert(reverseMin, InformationUnit.Nats, InformationUnit.Bits), "0.000")} bits, close to the 1 bit = ln 2 nats of ignoring one of two well-separated equal modes): " +
            "the fit locks onto one mode and ignores the other.");

        AddHeatmap(result, "forward-landscape", $"Forward KL landscape D(P || N(mu, sigma)) (min at mu = 0, sigma = {F(fitSigma, "0.00")})", forward, mus, sigmas, (fitMu, fitSigma),
            "The forward-KL landscape over Gaussians N(mu, sigma^2): colour is log10 of the divergence in bits; the cross marks the moment-matching minimum.");
        AddHeatmap(result, "reverse-landscape", "Reverse KL landscape D(N(mu, sigma) || P): one valley per mode", reverse, mus, sigmas, (revMu, revSigma),
            "The reverse-KL landscape: two valleys, one at each mode; the cross marks the minimum found from the grid.");

        var fits = Plots.Create("One Gaussian fitted to a bimodal mixture", "x", "density (per unit x)");
        var fx = Range(-6, 6, 601);
        var fill = fits.Add.FillY(fx, fx.Select(mixture.Density).ToArray(), new double[fx.Length]);
        fill.FillColor = Colors.Gray.WithAlpha(0.35);
        fill.LineWidth = 0;
        fill.LegendText = "mixture P";
        var forwardFit = Gaussian.WithMeanStdDev(fitMu, fitSigma);
        var reverseFit = Gaussian.WithMeanStdDev(revMu, revSigma);
        Line(fits, fx, fx.Select(forwardFit.Density).ToArray(), $"forward KL fit N({F(fitMu, "0.00")}, {F(fitSigma, "0.00")}^2): covers both modes", Colors.SteelBlue, 2.5f);
        Line(fits, fx, fx.Select(reverseFit.Density).ToArray(), $"reverse KL fit N({F(revMu, "0.00")}, {F(revSigma, "0.00")}^2): seeks one mode", Colors.OrangeRed, 2.5f);
        fits.Axes.SetLimits(-6, 6, 0, 0.75);
        fits.ShowLegend(Alignment.UpperRight); // the upper left held the reverse fit's peak
        result.Figures.Add(new Figure("fits", "The mixture (grey) with the Gaussian that minimises forward KL (blue, mass-covering) and reverse KL (red, mode-seeking).", fits));

        result.Tables.Add(new ResultTable("fits", "Gaussian fits to the mixture (divergences in bits)",
            ["fit", "mu", "sigma", "D(P || fit)", "D(fit || P)"],
            [
                ["forward KL (moment matching)", fitMu, fitSigma, Bits(forwardMin), Bits(reverseOfForwardFit)],
                ["reverse KL (numerical minimum)", revMu, revSigma, Bits(forwardOfReverseFit), Bits(reverseMin)],
            ]));

        result.KeyNumbers["kl_pq_closed_nats"] = dpq;
        result.KeyNumbers["kl_qp_closed_nats"] = dqp;
        result.KeyNumbers["kl_pq_monte_carlo_nats"] = mcpq;
        result.KeyNumbers["kl_pq_standard_error_nats"] = sepq;
        result.KeyNumbers["kl_qp_monte_carlo_nats"] = mcqp;
        result.KeyNumbers["kl_qp_standard_error_nats"] = seqp;
        result.KeyNumbers["monte_carlo_samples"] = samples;
        result.KeyNumbers["forward_fit_mu"] = fitMu;
        result.KeyNumbers["forward_fit_sigma"] = fitSigma;
        result.KeyNumbers["forward_fit_kl_bits"] = Bits(forwardMin);
        result.KeyNumbers["reverse_fit_mu"] = revMu;
        result.KeyNumbers["reverse_fit_sigma"] = revSigma;
        result.KeyNumbers["reverse_fit_kl_bits"] = Bits(reverseMin);
        result.KeyNumbers["landscape_forward_grid_min_bits"] = forward.Cast<double>().Min();
        context.Report(Name, "done", 1);
        return result;
    }

    private static double Bits(double nats) => InformationUnits.Convert(nats, InformationUnit.Nats, InformationUnit.Bits);

    private static double[] Range(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from + ((to - from) * i / (count - 1))).ToArray();

    /// <summary>Monte Carlo terms of D(a||b): ln a(x) - ln b(x) for x ~ a, in nats (their mean estimates the divergence).</summary>
    internal static double[] MonteCarloKl(Gaussian a, Gaussian b, int samples, Random random)
    {
        var values = new double[samples];
        for (int i = 0; i < samples; i++)
        {
            double x = a.Sample(random);
            values[i] = a.LogDensity(x) - b.LogDensity(x);
        }

        return values;
    }

    private static (double Mu, double Sigma, double Value) MinimiseReverse(Mixture mixture, double[,] landscape, double[] mus, double[] sigmas)
    {
        int grid = mus.Length;
        int bestR = 0, bestC = 0;
        for (int r = 0; r < grid; r++)
        {
            for (int c = 0; c < grid; c++)
            {
                if (landscape[r, c] < landscape[bestR, bestC])
                {
                    bestR = r;
                    bestC = c;
                }
            }
        }

        double mu = mus[bestC], sigma = sigmas[grid - 1 - bestR];
        double stepMu = mus[1] - mus[0], stepSigma = sigmas[1] - sigmas[0];
        double best = mixture.ReverseKlNats(mu, sigma);
        for (int round = 0; round < 12; round++)
        {
            double centreMu = mu, centreSigma = sigma;
            for (int i = -5; i <= 5; i++)
            {
                for (int j = -5; j <= 5; j++)
                {
                    double m = centreMu + (i * stepMu / 5), s = centreSigma + (j * stepSigma / 5);
                    if (s <= 0.05)
                    {
                        continue;
                    }

                    double v = mixture.ReverseKlNats(m, s);
                    if (v < best)
                    {
                        best = v;
                        mu = m;
                        sigma = s;
                    }
                }
            }

            stepMu /= 3;
            stepSigma /= 3;
        }

        return (mu, sigma, best);
    }

    private static void AddHeatmap(ExperimentResult result, string name, string title, double[,] bits, double[] mus, double[] sigmas, (double Mu, double Sigma) mark, string caption)
    {
        int rows = bits.GetLength(0), cols = bits.GetLength(1);
        var logs = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                logs[r, c] = Math.Log10(bits[r, c]);
            }
        }

        var plot = Plots.Create(title, "mu of the Gaussian", "sigma of the Gaussian");
        var hm = plot.Add.Heatmap(logs);
        hm.Colormap = new ScottPlot.Colormaps.Viridis();
        double dm = (mus[1] - mus[0]) / 2, ds = (sigmas[1] - sigmas[0]) / 2;
        hm.Position = new CoordinateRect(mus[0] - dm, mus[^1] + dm, sigmas[0] - ds, sigmas[^1] + ds);
        var bar = plot.Add.ColorBar(hm);
        bar.Label = "log10 D (D in bits)";
        var m = plot.Add.Marker(mark.Mu, mark.Sigma);
        m.MarkerShape = MarkerShape.Cross;
        m.MarkerSize = 18;
        m.MarkerLineWidth = 3;
        m.Color = Colors.White;
        m.LegendText = $"minimum: mu = {F(mark.Mu, "0.00")}, sigma = {F(mark.Sigma, "0.00")}";
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimits(mus[0] - dm, mus[^1] + dm, sigmas[0] - ds, sigmas[^1] + ds);
        result.Figures.Add(new Figure(name, caption, plot, 800, 550));
    }

    /// <summary>The equal mixture 0.5 N(-a, s^2) + 0.5 N(a, s^2), with divergences to single Gaussians by quadrature.</summary>
    internal sealed class Mixture(double separation, double stdDev)
    {
        private readonly Gaussian _left = Gaussian.WithMeanStdDev(-separation, stdDev);
        private readonly Gaussian _right = Gaussian.WithMeanStdDev(separation, stdDev);

        public double LogDensity(double x)
        {
            double a = _left.LogDensity(x), b = _right.LogDensity(x);
            double m = Math.Max(a, b);
            return m + Math.Log(0.5 * (Math.Exp(a - m) + Math.Exp(b - m)));
        }

        public double Density(double x) => Math.Exp(LogDensity(x));

        /// <summary>Differential entropy -int p ln p, trapezoid rule on [-a - 12 s, a + 12 s] with 20001 points.</summary>
        public double EntropyNats() => -Trapezoid(-separation - (12 * stdDev), separation + (12 * stdDev), 20_001, x => Density(x) * LogDensity(x));

        /// <summary>D(P || N(mu, sigma^2)) = -h(P) - E_P ln q, with E_P ln q in closed form from P's first two moments.</summary>
        public double ForwardKlNats(double mu, double sigma, double entropyNats)
        {
            double secondMoment = (stdDev * stdDev) + (separation * separation) + (mu * mu); // E_P (x - mu)^2, P has mean 0
            double expectedLogQ = -Math.Log(sigma) - (0.5 * Math.Log(2 * Math.PI)) - (secondMoment / (2 * sigma * sigma));
            return -entropyNats - expectedLogQ;
        }

        /// <summary>D(N(mu, sigma^2) || P) = -h(q) - E_q ln p, with E_q ln p by the trapezoid rule on mu ± 10 sigma.</summary>
        public double ReverseKlNats(double mu, double sigma)
        {
            var q = Gaussian.WithMeanStdDev(mu, sigma);
            double entropy = Measures.DifferentialEntropy(q, InformationUnit.Nats).Value;
            double expected = Trapezoid(mu - (10 * sigma), mu + (10 * sigma), 801, x => q.Density(x) * LogDensity(x));
            return -entropy - expected;
        }

        private static double Trapezoid(double a, double b, int points, Func<double, double> f)
        {
            double h = (b - a) / (points - 1);
            double sum = 0.5 * (f(a) + f(b));
            for (int i = 1; i < points - 1; i++)
            {
                sum += f(a + (i * h));
            }

            return sum * h;
        }
    }
}
