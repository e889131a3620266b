using static Shannon.Lab.SampleStatistics;
using ScottPlot;
using Shannon.Distributions;
using Shannon.Estimators.Continuous;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Mutual information: estimators on bivariate Gaussian samples against the analytic curve (each one's bias in
/// view), the Venn picture drawn to scale for a concrete joint table, conditional MI (XOR and a common cause),
/// and the data-processing inequality on a chain of binary symmetric channels.
/// </summary>
public sealed class MutualInformationExperiment : IExperiment
{
    /// <summary>The concrete joint table of the Venn picture: weather (sun, clouds, rain) by umbrella (no, yes).</summary>
    internal static readonly double[] VennJoint = [0.40, 0.05, 0.15, 0.10, 0.05, 0.25];

    /// <inheritdoc/>
    public string Name => "mutual-information";

    /// <inheritdoc/>
    public string Title => "Mutual information: estimators, the Venn picture, conditioning and data processing";

    /// <summary>KSG 1 with k = 3, one thread (the experiment already runs estimates side by side).</summary>
    private static readonly KsgMutualInformationEstimator Ksg =
        new(Shannon.Estimators.Continuous.KsgOptions.Default with { MaxDegreeOfParallelism = 1 });

    /// <summary>The estimators compared on Gaussian samples, each (x, y) -> I in bits. One more is one more line.</summary>
    /// <param name="binCounts">Bin counts per axis for the binned (plug-in on an equal-width histogram) estimator.</param>
    /// <returns>Label and estimate function of each estimator.</returns>
    internal static List<(string Label, Func<double[], double[], double> Estimate)> Estimators(IEnumerable<int> binCounts)
    {
        var list = new List<(string, Func<double[], double[], double>)>();
        foreach (int b in binCounts)
        {
            list.Add(($"binned, {b} x {b} equal-width bins", (x, y) => BinnedMutualInformation(x, y, b)));
        }

        list.Add(("Gaussian: -1/2 log2(1 - r^2), r = sample correlation", (x, y) =>
            Measures.GaussianMutualInformation(Correlation(x, y), InformationUnit.Bits).Value));
        list.Add(("KSG algorithm 1, k = 3 (Kraskov et al. 2004)", (x, y) =>
            Ksg.Estimate(x, y, InformationUnit.Bits).Value));
        return list;
    }

    /// <summary>The plug-in MI of the equal-width 2-D histogram of (x, y), in bits: the library's binned estimator (numpy's bins).</summary>
    internal static double BinnedMutualInformation(double[] x, double[] y, int binCount) =>
        new BinnedMutualInformationEstimator(new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = binCount }).Estimate(x, y, InformationUnit.Bits).Value;

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        GaussianEstimators(context, result);
        Venn(result);
        ConditionalExamples(result);
        DataProcessing(result);
        context.Report(Name, "done", 1);
        return result;
    }

    private void GaussianEstimators(ExperimentContext context, ExperimentResult result)
    {
        int n = context.Quick ? 300 : 1000;
        int repeats = context.Quick ? 3 : 20;
        var rhos = new List<double> { -0.99 };
        for (int i = context.Quick ? -18 : -19; i <= 19; i += context.Quick ? 3 : 1) // both include 0 and 0.9
        {
            rhos.Add(i / 20.0);
        }

        rhos.Add(0.99);
        int[] binCounts = [5, 10, 20, 40];
        var estimators = Estimators(binCounts);
        var means = new double[estimators.Count][];
        var errors = new double[estimators.Count][];
        for (int e = 0; e < estimators.Count; e++)
        {
            means[e] = new double[rhos.Count];
            errors[e] = new double[rhos.Count];
        }

        var analytic = rhos.Select(r => Measures.GaussianMutualInformation(r, InformationUnit.Bits).Value).ToArray();
        var random = new Random(1948);
        var values = new double[repeats];
        for (int r = 0; r < rhos.Count; r++)
        {
            var samples = Enumerable.Range(0, repeats).Select(_ => CorrelatedNormals(random, n, rhos[r])).ToArray();
            for (int e = 0; e < estimators.Count; e++)
            {
                for (int k = 0; k < repeats; k++)
                {
                    values[k] = estimators[e].Estimate(samples[k].X, samples[k].Y);
                }

                (means[e][r], errors[e][r]) = MeanAndError(values);
            }

            context.Report(Name, "estimators on Gaussian samples", 0.6 * r / rhos.Count);
        }

        var x = rhos.ToArray();
        Color[] palette = [Colors.LightSkyBlue, Colors.SteelBlue, Colors.Navy, Colors.MediumPurple, Colors.OrangeRed, Colors.Green, Colors.Brown];
        var plot = Plots.Create($"I(X;Y) of a bivariate Gaussian: estimators (n = {n:N0}) against the truth", "correlation rho", "I(X;Y) (bits)");
        Line(plot, x, analytic, "analytic: -1/2 log2(1 - rho^2)", Colors.Black, 3);
        var biasPlot = Plots.Create($"Bias of each estimator (mean of {repeats} samples of n = {n:N0} minus the truth)", "correlation rho", "estimate - truth (bits)");
        var zero = biasPlot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        zero.LegendText = "no bias";
        var rows = new List<object[]>();
        for (int e = 0; e < estimators.Count; e++)
        {
            Line(plot, x, means[e], estimators[e].Label, palette[e % palette.Length], 1.5f);
            var bias = means[e].Select((m, i) => m - analytic[i]).ToArray();
            Line(biasPlot, x, bias, estimators[e].Label, palette[e % palette.Length], 1.5f);
            int at0 = Array.IndexOf(x, 0.0), at9 = Array.FindIndex(x, v => Math.Abs(v - 0.9) < 1e-12);
            rows.Add([estimators[e].Label, bias[at0], errors[e][at0], at9 >= 0 ? bias[at9] : double.NaN, at9 >= 0 ? errors[e][at9] : double.NaN]);
            result.KeyNumbers[$"bias_at_rho0_{Slug(estimators[e].Label)}_bits"] = bias[at0];
        }

        plot.ShowLegend(Alignment.UpperCenter);
        plot.Axes.SetLimits(-1, 1, 0, Math.Max(analytic.Max(), means.Max(m => m.Max())) * 1.05);
        biasPlot.ShowLegend(Edge.Bottom); // outside the data: the fine-bin peaks near rho = 0 sit where an inside legend would go
        result.Figures.Add(new Figure("gaussian-estimators", "Estimates of I(X;Y) against rho for bivariate Gaussian samples (mean over repeats), with the analytic curve.", plot, 900, 560));
        result.Figures.Add(new Figure("gaussian-bias", "Bias of each estimator against rho: fine bins overestimate (few samples per cell), coarse bins underestimate strong dependence (lost resolution); the Gaussian estimator is nearly unbiased here because its model is right.", biasPlot, 900, 560));
        result.Tables.Add(new ResultTable("bias", $"Bias of the estimators (bits; mean of {repeats} samples of n = {n:N0}; SE = standard error of the mean)",
            ["estimator", "bias at rho = 0", "SE", "bias at rho = 0.9", "SE"], rows));
        result.Paragraphs.Add(
            $"Samples of n = {n:N0} pairs from a bivariate Gaussian with correlation rho, {repeats} repeats per rho. The truth is " +
            "I = -1/2 log2(1 - rho^2) bits. The plug-in estimate on an equal-width histogram is biased upwards by roughly " +
            "(cells - 1) / (2 n ln 2) bits at independence (the Miller-Madow term), and downwards where binning blurs the dependence; " +
            "the Gaussian estimator uses the right model and is nearly unbiased. The k-nearest-neighbour KSG estimator (Kraskov et al. 2004, k = 3) needs no bins and no model: its bias stays within about two standard errors of zero at rho = 0 and at rho = 0.9 (the table).");
        result.KeyNumbers["gaussian_n"] = n;
        result.KeyNumbers["gaussian_repeats"] = repeats;
    }

    private static string Slug(string label) => new(label.TakeWhile(c => c != ':').Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());

    private static void Venn(ExperimentResult result)
    {
        var joint = JointDistribution.FromProbabilities(VennJoint, 3, 2);
        double hx = Measures.Entropy(joint.MarginalOf(0), InformationUnit.Bits).Value;
        double hy = Measures.Entropy(joint.MarginalOf(1), InformationUnit.Bits).Value;
        double hxy = Measures.JointEntropy(joint, InformationUnit.Bits).Value;
        double i = Measures.MutualInformation(joint, InformationUnit.Bits).Value;
        double hxGivenY = Measures.ConditionalEntropy(joint, [0], [1], InformationUnit.Bits).Value;
        double hyGivenX = Measures.ConditionalEntropy(joint, [1], [0], InformationUnit.Bits).Value;

        // Areas to scale: circle areas H(X), H(Y) (1 square unit = 1 bit), overlap (lens) area I(X;Y).
        var circles = VennGeometry.Solve(hx, hy, i);
        double r1 = circles.RadiusX, r2 = circles.RadiusY, d = circles.Distance, lens = circles.OverlapArea;

        var plot = Plots.Create($"Information diagram to scale: H(X,Y) = {F(hxy, "0.000")} bits", "(areas to scale: 1 square unit = 1 bit)", "");
        AddCircle(plot, 0, r1, Colors.SteelBlue, $"H(X) = {F(hx, "0.000")} bits (weather)");
        AddCircle(plot, d, r2, Colors.OrangeRed, $"H(Y) = {F(hy, "0.000")} bits (umbrella)");
        double lensCentre = ((d - r2) + r1) / 2;
        AddLabel(plot, $"H(X|Y)\n{F(hxGivenY, "0.000")}", (-r1 + (d - r2)) / 2, 0);
        AddLabel(plot, $"I(X;Y)\n{F(i, "0.000")}", lensCentre, 0);
        AddLabel(plot, $"H(Y|X)\n{F(hyGivenX, "0.000")}", (r1 + d + r2) / 2, 0);
        plot.Axes.SquareUnits();
        plot.Axes.SetLimits(-r1 - 0.1, d + r2 + 0.1, -Math.Max(r1, r2) - 0.35, Math.Max(r1, r2) + 0.1);
        plot.HideGrid();
        plot.ShowLegend(Alignment.LowerCenter);
        result.Figures.Add(new Figure("venn", "H(X), H(Y) as circle areas and I(X;Y) as their overlap, to scale, for the weather/umbrella table; the union is H(X,Y).", plot, 800, 560));
        result.Tables.Add(new ResultTable("venn-joint", "The joint table p(weather, umbrella)",
            ["weather", "no umbrella", "umbrella"],
            [["sun", VennJoint[0], VennJoint[1]], ["clouds", VennJoint[2], VennJoint[3]], ["rain", VennJoint[4], VennJoint[5]]]));
        result.Tables.Add(new ResultTable("venn", "The quantities of the diagram (bits)",
            ["quantity", "bits", "identity check"],
            [
                ["H(X)", hx, $"H(X|Y) + I = {F(hxGivenY + i, "0.000000")}"],
                ["H(Y)", hy, $"H(Y|X) + I = {F(hyGivenX + i, "0.000000")}"],
                ["H(X,Y)", hxy, $"H(X) + H(Y) - I = {F(hx + hy - i, "0.000000")}"],
                ["I(X;Y)", i, $"drawn lens area = {F(lens, "0.000000")}"],
                ["H(X|Y)", hxGivenY, ""],
                ["H(Y|X)", hyGivenX, ""],
            ]));
        result.KeyNumbers["venn_h_x_bits"] = hx;
        result.KeyNumbers["venn_h_y_bits"] = hy;
        result.KeyNumbers["venn_h_xy_bits"] = hxy;
        result.KeyNumbers["venn_i_bits"] = i;
        result.KeyNumbers["venn_lens_area"] = lens;
        result.KeyNumbers["venn_centre_distance"] = d;
    }

    private static void AddCircle(Plot plot, double centre, double radius, Color color, string legend)
    {
        var points = Enumerable.Range(0, 361).Select(k => new Coordinates(centre + (radius * Math.Cos(k * Math.PI / 180)), radius * Math.Sin(k * Math.PI / 180))).ToArray();
        var polygon = plot.Add.Polygon(points);
        polygon.FillColor = color.WithAlpha(0.3);
        polygon.LineColor = color;
        polygon.LineWidth = 2;
        polygon.LegendText = legend;
    }

    private static void AddLabel(Plot plot, string text, double x, double y)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = 15;
        label.LabelAlignment = Alignment.MiddleCenter;
        label.LabelFontName = Plots.FontFamily;
    }

    private static void ConditionalExamples(ExperimentResult result)
    {
        // XOR: X, Y fair independent bits and Z = X xor Y. Axes (X, Y, Z).
        var xor = new double[8];
        for (int x = 0; x < 2; x++)
        {
            for (int y = 0; y < 2; y++)
            {
                xor[(((x * 2) + y) * 2) + (x ^ y)] = 0.25;
            }
        }

        // Common cause: Z a fair bit, X and Y copies of Z each flipped with probability 0.1.
        var cause = new double[8];
        for (int x = 0; x < 2; x++)
        {
            for (int y = 0; y < 2; y++)
            {
                for (int z = 0; z < 2; z++)
                {
                    cause[(((x * 2) + y) * 2) + z] = 0.5 * (x == z ? 0.9 : 0.1) * (y == z ? 0.9 : 0.1);
                }
            }
        }

        var rows = new List<object[]>();
        var values = new List<(double Mi, double Cmi)>();
        foreach (var (name, table) in new[] { ("XOR: Z = X xor Y, X and Y fair and independent", xor), ("common cause: X and Y noisy copies of Z (flip 0.1)", cause) })
        {
            var joint = JointDistribution.FromProbabilities(table, 2, 2, 2);
            double mi = Measures.MutualInformation(joint, [0], [1], InformationUnit.Bits).Value;
            double cmi = Measures.ConditionalMutualInformation(joint, InformationUnit.Bits).Value;
            values.Add((mi, cmi));
            rows.Add([name, mi, cmi]);
        }

        // Exact zeros of the mathematics print as 0 (the CSV keeps the computed rounding): X and Y are independent by
        // construction in the XOR example, and independent given Z in the common-cause one.
        rows[0][1] = new ExactZero(values[0].Mi);
        rows[1][2] = new ExactZero(values[1].Cmi);

        result.Tables.Add(new ResultTable("conditional", "Conditioning can create or destroy dependence (bits)",
            ["example", "I(X;Y)", "I(X;Y|Z)"], rows));
        result.Paragraphs.Add(
            $"Conditioning changes dependence both ways. In the XOR example X and Y are independent (I(X;Y) = {F(values[0].Mi, "0.####")} bits), " +
            $"yet once Z = X xor Y is known, each determines the other: I(X;Y|Z) = {F(values[0].Cmi, "0.####")} bit (a collider). " +
            $"With a common cause the opposite happens: I(X;Y) = {F(values[1].Mi, "0.0000")} bits, but I(X;Y|Z) = {F(values[1].Cmi, "0.####")}.");
        result.KeyNumbers["xor_i_xy_bits"] = values[0].Mi;
        result.KeyNumbers["xor_i_xy_given_z_bits"] = values[0].Cmi;
        result.KeyNumbers["common_cause_i_xy_bits"] = values[1].Mi;
        result.KeyNumbers["common_cause_i_xy_given_z_bits"] = values[1].Cmi;
    }

    /// <summary>p(x, y, z) of X fair, Y = BSC(e1)(X), Z = BSC(e2)(Y), axes (X, Y, Z).</summary>
    internal static JointDistribution Chain(double e1, double e2)
    {
        var p = new double[8];
        for (int x = 0; x < 2; x++)
        {
            for (int y = 0; y < 2; y++)
            {
                for (int z = 0; z < 2; z++)
                {
                    p[(((x * 2) + y) * 2) + z] = 0.5 * (x == y ? 1 - e1 : e1) * (y == z ? 1 - e2 : e2);
                }
            }
        }

        return JointDistribution.FromProbabilities(p, 2, 2, 2);
    }

    private static void DataProcessing(ExperimentResult result)
    {
        var e2s = Enumerable.Range(0, 51).Select(k => k / 100.0).ToArray();
        double[] e1s = [0.0, 0.05, 0.1, 0.2];
        var plot = Plots.Create("Data processing: X -> Y -> Z through binary symmetric channels", "flip probability e2 of the second channel (Y -> Z)", "mutual information (bits)");
        Color[] colors = [Colors.Black, Colors.SteelBlue, Colors.Green, Colors.OrangeRed];
        double worst = double.NegativeInfinity, worstMarkov = 0;
        var rows = new List<object[]>();
        for (int a = 0; a < e1s.Length; a++)
        {
            var ixy = new double[e2s.Length];
            var ixz = new double[e2s.Length];
            for (int b = 0; b < e2s.Length; b++)
            {
                var chain = Chain(e1s[a], e2s[b]);
                ixy[b] = Measures.MutualInformation(chain, [0], [1], InformationUnit.Bits).Value;
                ixz[b] = Measures.MutualInformation(chain, [0], [2], InformationUnit.Bits).Value;
                worst = Math.Max(worst, ixz[b] - ixy[b]);
                var xzy = JointDistribution.FromProbabilities(Permute(chain), 2, 2, 2); // axes (X, Z, Y)
                worstMarkov = Math.Max(worstMarkov, Math.Abs(Measures.ConditionalMutualInformation(xzy, InformationUnit.Bits).Value));
                if (b % 10 == 0)
                {
                    rows.Add([e1s[a], e2s[b], ixy[b], ixz[b], ixz[b] <= ixy[b] + 1e-12 ? "yes" : "NO"]);
                }
            }

            Line(plot, e2s, ixz, $"I(X;Z), first channel e1 = {F(e1s[a])}", colors[a], 2);
            var level = plot.Add.HorizontalLine(ixy[0]);
            level.Color = colors[a].WithAlpha(0.6);
            level.LineWidth = 1;
            level.LegendText = $"I(X;Y) = {F(ixy[0], "0.000")} for e1 = {F(e1s[a])}";
        }

        plot.Axes.SetLimits(0, 0.5, 0, 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("data-processing", "I(X;Z) never exceeds I(X;Y) when Z is computed from Y alone: each horizontal line is I(X;Y), each curve I(X;Z), for four noise levels of the first channel.", plot, 900, 560));
        result.Tables.Add(new ResultTable("data-processing", "The chain X -> Y -> Z, exact values (bits)",
            ["e1", "e2", "I(X;Y)", "I(X;Z)", "I(X;Z) <= I(X;Y)"], rows));
        result.Paragraphs.Add(
            "The data-processing inequality: if Z depends on X only through Y (X -> Y -> Z), then I(X;Z) <= I(X;Y): no processing of Y, " +
            "deterministic or noisy, recovers information about X that Y lost. Computed exactly from the joint tables of two binary symmetric channels " +
            $"in series; the largest I(X;Z) - I(X;Y) over the sweep is {worst:G3} bits (equality only where the second channel is noiseless) and the Markov property I(X;Z|Y) = 0 holds to rounding error (at most {worstMarkov:G2} bits computed, where the exact value is 0).");
        result.KeyNumbers["dpi_max_violation_bits"] = worst;
        result.KeyNumbers["dpi_holds"] = worst <= 1e-12;
        result.KeyNumbers["markov_max_cmi_bits"] = worstMarkov;
    }

    /// <summary>Reorders a (X, Y, Z) table to (X, Z, Y).</summary>
    private static double[] Permute(JointDistribution xyz)
    {
        var p = new double[8];
        var src = xyz.ToArray();
        for (int x = 0; x < 2; x++)
        {
            for (int y = 0; y < 2; y++)
            {
                for (int z = 0; z < 2; z++)
                {
                    p[(((x * 2) + z) * 2) + y] = src[(((x * 2) + y) * 2) + z];
                }
            }
        }

        return p;
    }
}
