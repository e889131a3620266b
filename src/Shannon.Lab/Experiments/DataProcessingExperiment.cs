using ScottPlot;
using Shannon.Estimators.InformationPlane;
using Shannon.Lab.Models;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// The data-processing inequality inside a network: I(X; T_l) layer by layer for a plain deep tanh stack, the same
/// with a rank-r bottleneck (several r), and with residual connections, on the 4096 patterns of the information
/// plane (known I(X; Y) = H(Y), the labels being a function of X). Every layer is quantised inside the network, so
/// I(X; T_l) = H(T_l) is counted exactly and the inequality holds exactly (see <see cref="QuantisedNetwork"/>).
/// </summary>
public sealed class DataProcessingExperiment : IExperiment
{
    /// <summary>The bottleneck ranks compared.</summary>
    internal static readonly int[] Ranks = [1, 2, 4];

    /// <inheritdoc/>
    public string Name => "data-processing";

    /// <inheritdoc/>
    public string Title => "The data-processing inequality inside a network";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        var x = InformationPlaneData.Inputs();
        var y = InformationPlaneData.Labels();
        int n = InformationPlaneData.Count;
        double hX = Math.Log2(n);
        double iXY = Measures.Entropy(Shannon.Distributions.Categorical.FromCounts([n - y.Sum(), y.Sum()]), InformationUnit.Bits).Value;
        var defaults = new QuantisedNetworkOptions();
        int depth = defaults.Depth, seeds = context.Quick ? 1 : 5;
        double capPerUnit = Math.Log2(Math.Round(2 / defaults.BinWidth)); // tanh in (-1, 1): at most 30 cells per unit

        var networks = new List<(string Label, NetworkPath Path, int Rank)> { ("plain", NetworkPath.Plain, 0) };
        networks.AddRange(Ranks.Select(r => ($"plain, rank-{r} bottleneck", NetworkPath.Plain, r)));
        networks.Add(("residual", NetworkPath.Residual, 0));
        networks.AddRange(Ranks.Select(r => ($"residual, rank-{r} bottleneck in the branch", NetworkPath.Residual, r)));

        var ixt = new double[networks.Count][];
        var ity = new double[networks.Count][];
        var ixtMin = new double[networks.Count][];
        var ixtMax = new double[networks.Count][];
        var branchBits = new double[networks.Count];
        int violations = 0;
        for (int k = 0; k < networks.Count; k++)
        {
            context.Report(Name, $"network {k + 1} of {networks.Count}: {networks[k].Label}", k / (double)networks.Count);
            ixt[k] = new double[depth + 1];
            ity[k] = new double[depth + 1];
            ixtMin[k] = Enumerable.Repeat(double.PositiveInfinity, depth + 1).ToArray();
            ixtMax[k] = Enumerable.Repeat(double.NegativeInfinity, depth + 1).ToArray();
            for (int s = 0; s < seeds; s++)
            {
                var options = defaults with { Path = networks[k].Path, BottleneckRank = networks[k].Rank, Seed = 100 + s };
                var (layers, units, code) = QuantisedNetwork.Run(options, x, n);
                double previous = hX;
                Accumulate(k, 0, hX, iXY);
                for (int l = 1; l <= depth; l++)
                {
                    var point = LayerInformation.FixedWidthBinning(layers[l - 1], units[l - 1], y, InformationUnit.Bits, defaults.BinWidth);
                    if (point.MutualInformationXT > previous + 1e-12)
                    {
                        violations++;
                    }

                    previous = point.MutualInformationXT;
                    Accumulate(k, l, point.MutualInformationXT, point.MutualInformationTY);
                }

                if (code is not null)
                {
                    branchBits[k] += LayerInformation.FixedWidthBinning(code, networks[k].Rank, y, InformationUnit.Bits, defaults.BinWidth).MutualInformationXT / seeds;
                }
            }
        }

        void Accumulate(int k, int l, double xt, double ty)
        {
            ixt[k][l] += xt / seeds;
            ity[k][l] += ty / seeds;
            ixtMin[k][l] = Math.Min(ixtMin[k][l], xt);
            ixtMax[k][l] = Math.Max(ixtMax[k][l], xt);
        }

        int b = defaults.BottleneckLayer;
        string[] layerColumns = Enumerable.Range(0, depth + 1).Select(l => l == 0 ? "X (bits)" : $"T{l} (bits)").ToArray();
        result.Tables.Add(new ResultTable("ixt", $"I(X; T_l) by layer, mean of {seeds} seeded networks (exact counts on the 4096 patterns)",
            ["network", .. layerColumns], networks.Select((net, k) => new object[] { net.Label }.Concat(ixt[k].Cast<object>()).ToArray()).ToList()));
        result.Tables.Add(new ResultTable("ity", $"I(T_l; Y) by layer, mean of {seeds} networks; I(X; Y) = H(Y) = {F(iXY, "0.0000")} bits bounds every entry",
            ["network", .. layerColumns], networks.Select((net, k) => new object[] { net.Label }.Concat(ity[k].Cast<object>()).ToArray()).ToList()));
        result.Tables.Add(new ResultTable("bottleneck", $"At the bottleneck (layer {b}): what the rank-r code holds, and what the layer holds",
            ["network", "cap r log2 30 (bits)", "I(X; code) (bits)", $"I(X; T{b}) (bits)", $"I(X; T{depth}) (bits)"],
            networks.Select((net, k) => (net, k)).Where(t => t.net.Rank > 0).Select(t => new object[]
            {
                t.net.Label, Math.Min(hX, t.net.Rank * capPerUnit), t.net.Path == NetworkPath.Plain ? ixt[t.k][b] : branchBits[t.k], ixt[t.k][b], ixt[t.k][depth],
            }).ToList()));

        result.Paragraphs.Add(
            $"The data set: the 4096 12-bit patterns of the information-plane section, all equally likely, so H(X) = {F(hX)} bits, with the label rule Y = f(X): I(X; Y) = H(Y) = {F(iXY, "0.0000")} bits, known exactly. " +
            $"The networks: {depth} tanh layers of {defaults.Width} units with seeded random weights (sd {F(defaults.Gain)} / sqrt(fan-in)), every layer rounded to a grid of width 2/30 (the 30 bins on [-1, 1] of Shwartz-Ziv & Tishby) before the next layer reads it. " +
            "Each layer is then a deterministic function of the one before, on a finite set, so I(X; T_l) = H(T_l) is counted exactly, not estimated, and the data-processing inequality X -> T_1 -> ... -> T_L gives I(X; T_(l+1)) <= I(X; T_l) and I(T_l; Y) <= I(X; Y) for any weights, trained or not. " +
            $"Checked on every network and seed: {violations} violations.");
        int plain = 0, residual = networks.FindIndex(t => t.Path == NetworkPath.Residual && t.Rank == 0);
        int plain1 = networks.FindIndex(t => t.Path == NetworkPath.Plain && t.Rank == 1);
        int residual1 = networks.FindIndex(t => t.Path == NetworkPath.Residual && t.Rank == 1);
        result.Paragraphs.Add(
            $"A plain stack can only lose: I(X; T_l) falls from {F(hX)} bits to {F(ixt[plain][depth], "0.00")} bits at layer {depth} as rounding merges patterns layer after layer. " +
            $"A rank-r bottleneck forces the loss: r units of 30 cells hold at most r log2 30 = {F(capPerUnit, "0.00")} r bits, and with r = 1 the layer keeps {F(ixt[plain1][b], "0.00")} bits, which no later layer can recover ({F(ixt[plain1][depth], "0.00")} bits at layer {depth}). " +
            $"A residual connection lets information bypass the loss: with the same rank-1 code in the branch of block {b} (it holds {F(branchBits[residual1], "0.00")} bits), the block's output still holds {F(ixt[residual1][b], "0.00")} bits, because the skip carries T_{b - 1} past it; " +
            $"the residual stack without a bottleneck ends at {F(ixt[residual][depth], "0.00")} bits. The inequality still holds along the residual path: the skip adds no information about X, it only stops the branch from destroying it.");

        Color[] colours = [Colors.Black, Colors.OrangeRed, Colors.DarkOrange, Colors.Purple];
        foreach (var (path, name, title) in new[] { (NetworkPath.Plain, "plain", "Plain stack"), (NetworkPath.Residual, "residual", "Residual stack") })
        {
            var plot = Plots.Create($"{title}: I(X; T_l) layer by layer", "layer l (0 = the input X)", "I(X; T_l) (bits)");
            var hLine = plot.Add.HorizontalLine(hX);
            hLine.Color = Colors.Gray;
            hLine.LineWidth = 1.5f;
            hLine.LegendText = $"DPI bound: I(X; T_l) <= H(X) = {F(hX)} bits";
            var depths = Enumerable.Range(0, depth + 1).Select(l => (double)l).ToArray();
            int c = 0;
            for (int k = 0; k < networks.Count; k++)
            {
                if (networks[k].Path != path)
                {
                    continue;
                }

                var colour = colours[c++];
                var line = Line(plot, depths, ixt[k], networks[k].Label, colour, 2.5f);
                line.MarkerSize = 7;
                line.MarkerShape = MarkerShape.FilledCircle;
                if (path == NetworkPath.Residual && networks[k].Rank > 0)
                {
                    var m = plot.Add.Marker(b, branchBits[k]);
                    m.MarkerShape = MarkerShape.OpenSquare;
                    m.MarkerSize = 12;
                    m.Color = colour;
                    m.LegendText = $"its rank-{networks[k].Rank} code inside the branch: {F(branchBits[k], "0.0")} bits";
                }

                if (path == NetworkPath.Plain && networks[k].Rank > 0)
                {
                    // DPI after the bottleneck: every later layer stays below what the bottleneck kept.
                    var after = depths.Where(d => d >= b).ToArray();
                    var bound = Line(plot, after, after.Select(_ => ixt[k][b]).ToArray(), $"DPI: layers after {b} <= I(X; T{b}) = {F(ixt[k][b], "0.0")}", colour.WithAlpha(0.45), 6f);
                    bound.LineWidth = 6f;
                }
            }

            var band = plot.Add.HorizontalSpan(b - 0.15, b + 0.15);
            band.FillColor = Colors.SteelBlue.WithAlpha(0.12);
            band.LegendText = $"layer {b}: the bottleneck";
            plot.Axes.SetLimits(-0.3, depth + 0.3, 0, hX + 1);
            IntegerTicks(plot, 0, depth);
            plot.ShowLegend(Alignment.LowerLeft);
            result.Figures.Add(new Figure($"{name}", $"{title}: I(X; T_l) against depth (mean of {seeds} seeded networks, exact counts), with the DPI bound H(X) = 12 bits{(path == NetworkPath.Plain ? " and, for each bottleneck, the level no later layer can exceed (wide pale line)" : "; all four residual stacks lie on 12 bits: the skip carries the input past the rank-r code (open squares: what the code itself holds), so the bottleneck costs nothing here")}.", plot, 900, 560));
        }

        var yplot = Plots.Create("I(T_l; Y) layer by layer: never above I(X; Y)", "layer l (0 = the input X)", "I(T_l; Y) (bits)");
        var iLine = yplot.Add.HorizontalLine(iXY);
        iLine.Color = Colors.Gray;
        iLine.LineWidth = 1.5f;
        iLine.LegendText = $"DPI bound: I(X; Y) = H(Y) = {F(iXY, "0.0000")} bits";
        var ds = Enumerable.Range(0, depth + 1).Select(l => (double)l).ToArray();
        for (int k = 0; k < networks.Count; k++)
        {
            var s = Line(yplot, ds, ity[k], networks[k].Label, (networks[k].Path == NetworkPath.Plain ? colours : [Colors.Navy, Colors.SteelBlue, Colors.DeepSkyBlue, Colors.SeaGreen])[Ranks.ToList().IndexOf(networks[k].Rank) + 1], 2f);
            s.MarkerSize = 6;
            s.MarkerShape = networks[k].Path == NetworkPath.Plain ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
        }

        yplot.Axes.SetLimits(-0.3, depth + 0.3, 0, 1.6);
        IntegerTicks(yplot, 0, depth);
        yplot.ShowLegend(Alignment.UpperRight);
        yplot.Legend.Orientation = Orientation.Horizontal;
        result.Figures.Add(new Figure("label", "What the layers keep about the label: I(T_l; Y) <= I(X; Y) (circles: plain, squares: residual).", yplot, 900, 520));

        result.KeyNumbers["h_x_bits"] = hX;
        result.KeyNumbers["i_xy_bits"] = iXY;
        result.KeyNumbers["seeds"] = seeds;
        result.KeyNumbers["dpi_violations"] = violations;
        for (int k = 0; k < networks.Count; k++)
        {
            string key = (networks[k].Path == NetworkPath.Plain ? "plain" : "residual") + (networks[k].Rank > 0 ? $"_rank{networks[k].Rank}" : "");
            for (int l = 1; l <= depth; l++)
            {
                result.KeyNumbers[$"{key}_ixt_layer{l}_bits"] = ixt[k][l];
            }

            result.KeyNumbers[$"{key}_max_ity_bits"] = ity[k].Skip(1).Max();
            if (networks[k].Rank > 0 && networks[k].Path == NetworkPath.Residual)
            {
                result.KeyNumbers[$"{key}_branch_code_bits"] = branchBits[k];
            }
        }

        context.Report(Name, "done", 1);
        return result;
    }
}
