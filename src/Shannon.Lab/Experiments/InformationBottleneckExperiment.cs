using ScottPlot;
using Shannon.Bottleneck;
using Shannon.Distributions;
using Shannon.Lab.Report;

namespace Shannon.Lab.Experiments;

/// <summary>
/// The information curve of the IB method (Tishby, Pereira &amp; Bialek 1999): for the doubly symmetric binary source,
/// where the curve is known in closed form, and for a structured table, where the IB and the deterministic IB
/// (Strouse &amp; Schwab 2017) are compared.
/// </summary>
public sealed class InformationBottleneckExperiment : IExperiment
{
    /// <inheritdoc/>
    public string Name => "information-bottleneck";

    /// <inheritdoc/>
    public string Title => "The information bottleneck and its information curve";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        const double p = 0.1;
        var dsbs = JointDistribution.FromProbabilities([(1 - p) / 2, p / 2, p / 2, (1 - p) / 2], 2, 2);
        double betaC = InformationBottleneck.CriticalBeta(dsbs);
        int count = context.Quick ? 12 : 30;
        var betas = Enumerable.Range(0, count).Select(i => 0.8 * betaC * Math.Pow(100.0 / 0.8, i / (count - 1.0))).ToArray();
        var options = new InformationBottleneckOptions { Tolerance = 1e-13, MaxIterations = 50_000 };
        context.Report(Name, "DSBS curve", 0.1);
        var curve = InformationBottleneck.Curve(dsbs, betas, InformationUnit.Bits, options, cancellationToken: context.CancellationToken);

        var plot = Plots.Create("IB curve of the doubly symmetric binary source (p = 0.1)", "I(X;T) (bits)", "I(T;Y) (bits)");
        var ax = Enumerable.Range(0, 201).Select(i => i / 200.0).ToArray();
        var ay = ax.Select(v => Analytic(p, v)).ToArray();
        var line = plot.Add.ScatterLine(ax, ay);
        line.LegendText = "analytic: 1 - h(p * h^-1(1 - I(X;T)))";
        line.LineWidth = 2;
        var pts = plot.Add.ScatterPoints(curve.Points.Select(q => q.MutualInformationXT).ToArray(), curve.Points.Select(q => q.MutualInformationTY).ToArray());
        pts.LegendText = $"IB solver, {count} betas";
        pts.MarkerSize = 8;
        pts.Color = Colors.OrangeRed;
        plot.ShowLegend(Alignment.LowerRight);
        result.Figures.Add(new Figure("dsbs", "Every IB solution on the DSBS lies on the analytic curve; below the critical beta 1/(1-2p)^2 the solution is trivial (0, 0).", plot));
        double maxDeviation = curve.Points.Max(q => Math.Abs(q.MutualInformationTY - Analytic(p, q.MutualInformationXT)));
        double firstNonTrivial = curve.Points.First(q => q.MutualInformationXT > 1e-6).Beta;

        context.Report(Name, "structured table", 0.5);
        var table = StructuredTable(context.Quick ? 24 : 64, context.Quick ? 6 : 12, seed: 5);
        double tableBetaC = InformationBottleneck.CriticalBeta(table);
        var grid = Enumerable.Range(0, count).Select(i => 0.8 * tableBetaC * Math.Pow(500.0, i / (count - 1.0))).ToArray();
        var ib = InformationBottleneck.Curve(table, grid, InformationUnit.Bits, cancellationToken: context.CancellationToken);
        var dib = InformationBottleneck.Curve(table, grid, InformationUnit.Bits, new InformationBottleneckOptions { Alpha = 0 }, cancellationToken: context.CancellationToken);
        var half = InformationBottleneck.Curve(table, grid, InformationUnit.Bits, new InformationBottleneckOptions { Alpha = 0.5 }, cancellationToken: context.CancellationToken);
        var plot2 = Plots.Create($"Information curves of a {table.Rows} x {table.Columns} table", "I(X;T) (bits)", "I(T;Y) (bits)");
        Add(plot2, ib, "IB (alpha = 1), Pareto front", Colors.Blue);
        Add(plot2, half, "generalised IB (alpha = 0.5)", Colors.Green);
        Add(plot2, dib, "deterministic IB (alpha = 0)", Colors.OrangeRed);
        var ceiling = plot2.Add.HorizontalLine(ib.MutualInformationXY);
        ceiling.LegendText = "I(X;Y)";
        ceiling.Color = Colors.Gray;
        plot2.ShowLegend(Alignment.LowerRight);
        result.Figures.Add(new Figure("structured", "A table whose y is a noisy band of x: IB, generalised and deterministic IB over the same beta grid (Pareto fronts).", plot2));
        var rows = ib.Points.Select((q, i) => new object[] { q.Beta, q.MutualInformationXT, q.MutualInformationTY, q.ClusterCount, dib.Points[i].MutualInformationXT, dib.Points[i].MutualInformationTY, dib.Points[i].ClusterCount }).ToList();
        result.Tables.Add(new ResultTable("structured", "IB and DIB per beta (bits)", ["beta", "IB I(X;T)", "IB I(T;Y)", "IB |T|", "DIB I(X;T)", "DIB I(T;Y)", "DIB |T|"], rows));

        result.Paragraphs.Add(
            "The information bottleneck compresses X into T while keeping what T says about Y: it minimises I(X;T) - beta I(T;Y) by iterating " +
            "Tishby, Pereira & Bialek's self-consistent equations, annealed over beta from one cluster that splits as beta grows. " +
            $"For the doubly symmetric binary source with crossover {p} the curve is known exactly (Mrs. Gerber's lemma); the largest deviation " +
            $"of the {count} solver points from it is {maxDeviation:0.0e0} bits. The critical beta 1/(1-2p)^2 = {betaC:0.####}; the first non-trivial " +
            $"point of the grid is at beta = {firstNonTrivial:0.###}.");
        result.Paragraphs.Add(
            $"On a {table.Rows} x {table.Columns} table the deterministic IB (Strouse & Schwab 2017) gives hard clusterings, which cost less H(T) " +
            $"for the same I(T;Y); the IB reaches I(T;Y) = {ib.Points[^1].MutualInformationTY:0.###} of I(X;Y) = {ib.MutualInformationXY:0.###} bits at the largest beta.");
        if (!ib.Converged || !dib.Converged || !curve.Converged)
        {
            result.Notes.Add("Some betas reached the iteration limit before the objective settled; their points may sit slightly off the curve.");
        }

        result.KeyNumbers["dsbs_critical_beta"] = betaC;
        result.KeyNumbers["dsbs_max_deviation_bits"] = maxDeviation;
        result.KeyNumbers["dsbs_first_nontrivial_beta"] = firstNonTrivial;
        result.KeyNumbers["dsbs_converged"] = curve.Converged;
        result.KeyNumbers["structured_ixy_bits"] = ib.MutualInformationXY;
        result.KeyNumbers["structured_ib_ity_max_bits"] = ib.Points[^1].MutualInformationTY;
        context.Report(Name, "done", 1);
        return result;
    }

    private static void Add(Plot plot, InformationCurve curve, string label, Color color)
    {
        var front = curve.ParetoFront;
        var s = plot.Add.Scatter(front.Select(q => q.MutualInformationXT).ToArray(), front.Select(q => q.MutualInformationTY).ToArray());
        s.LegendText = label;
        s.Color = color;
        s.MarkerSize = 6;
    }

    /// <summary>y is a noisy band around x: weight exp(-(y - x |Y| / |X|)^2 / 2) plus uniform noise (seeded).</summary>
    internal static JointDistribution StructuredTable(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var w = new double[rows * columns];
        for (int x = 0; x < rows; x++)
        {
            double centre = x * (double)columns / rows;
            for (int y = 0; y < columns; y++)
            {
                w[(x * columns) + y] = Math.Exp(-((y - centre) * (y - centre)) / 2) + (0.05 * random.NextDouble());
            }
        }

        return JointDistribution.FromCounts(w, rows, columns);
    }

    private static double Analytic(double p, double ixt)
    {
        double lo = 0, hi = 0.5, target = 1 - ixt;
        for (int i = 0; i < 100; i++)
        {
            double mid = (lo + hi) / 2;
            if (Measures.BinaryEntropy(mid, InformationUnit.Bits).Value < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double q = (lo + hi) / 2;
        return 1 - Measures.BinaryEntropy((p * (1 - q)) + (q * (1 - p)), InformationUnit.Bits).Value;
    }
}
