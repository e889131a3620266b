using ScottPlot;
using Shannon.Lab.Report;

namespace Shannon.Lab.Experiments;

/// <summary>
/// The binary-entropy curve h(p) = -p log2 p - (1 - p) log2(1 - p): zero for a certain coin, one bit at
/// p = 1/2, symmetric about it. Every point is computed by <see cref="Measures.BinaryEntropy"/>.
/// </summary>
public sealed class BinaryEntropyExperiment : IExperiment
{
    /// <inheritdoc/>
    public string Name => "binary-entropy";

    /// <inheritdoc/>
    public string Title => "The binary-entropy curve";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int points = context.Quick ? 201 : 1001;
        var p = new double[points];
        var h = new double[points];
        int argmax = 0;
        for (int i = 0; i < points; i++)
        {
            p[i] = (double)i / (points - 1);
            h[i] = Measures.BinaryEntropy(p[i], InformationUnit.Bits).Value;
            if (h[i] > h[argmax])
            {
                argmax = i;
            }

            if (i % 100 == 0)
            {
                context.Report(Name, "evaluating h(p)", (double)i / points);
            }
        }

        var result = new ExperimentResult(Name, Title);
        result.Paragraphs.Add(
            "A coin that lands heads with probability p carries h(p) = -p log2 p - (1-p) log2(1-p) bits per toss. " +
            "The curve is zero when the outcome is certain, symmetric about p = 1/2, and reaches its maximum of exactly " +
            "one bit there: a fair coin is the least predictable binary source.");

        var plot = Plots.Create("Binary entropy h(p)", "P(heads) p", "h(p) (bits)");
        var curve = plot.Add.Scatter(p, h);
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = "h(p)";
        var max = plot.Add.Marker(p[argmax], h[argmax]);
        max.MarkerSize = 16;
        max.MarkerShape = MarkerShape.OpenCircle;
        max.MarkerLineWidth = 2;
        max.Color = Colors.Black;
        max.LegendText = $"maximum: h({p[argmax]:0.###}) = {h[argmax]:0.######} bit";
        var coins = new[] { 0.1, 0.5, 0.9, 0.99 };
        var rows = new List<object[]>();
        foreach (var c in coins)
        {
            double hc = Measures.BinaryEntropy(c, InformationUnit.Bits).Value;
            rows.Add([c, hc, Measures.BinaryEntropy(c, InformationUnit.Nats).Value]);
        }

        // The coins of the table: one series, so the legend names them (they had no entry, and shared the maximum's colour).
        var coinMarks = plot.Add.ScatterPoints(coins, rows.Select(r => (double)r[1]).ToArray());
        coinMarks.MarkerSize = 8;
        coinMarks.Color = Colors.OrangeRed;
        coinMarks.LegendText = $"the coins of the table: p = {string.Join(", ", coins.Select(c => c.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)))}";

        plot.ShowLegend(Alignment.LowerCenter);
        plot.Axes.SetLimits(-0.02, 1.02, 0, 1.08); // a margin: the curve's ends (h = 0 at p = 0 and 1) are data, not the border
        result.Figures.Add(new Figure("curve", "The binary-entropy function, with its maximum and the coins of the table marked.", plot));
        result.Tables.Add(new ResultTable("coins", "Entropy of biased coins", ["P(heads)", "h (bits)", "h (nats)"], rows));
        result.KeyNumbers["argmax_p"] = p[argmax];
        result.KeyNumbers["max_bits"] = h[argmax];
        result.KeyNumbers["h_0.1_bits"] = (double)rows[0][1];
        result.KeyNumbers["h_0.99_bits"] = (double)rows[3][1];
        context.Report(Name, "done", 1);
        return result;
    }
}
