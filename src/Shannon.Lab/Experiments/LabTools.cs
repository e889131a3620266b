using System.Globalization;
using ScottPlot;
using Shannon.Lab.Report;

namespace Shannon.Lab.Experiments;

/// <summary>Small helpers the experiments share: plotting recipes, sampling, binning and text statistics.</summary>
internal static class LabTools
{
    /// <summary>The English text of the lab (<see cref="Corpora.EnglishText.Load"/>); when it is the fallback, the note saying so goes to <paramref name="result"/>.</summary>
    public static Corpora.CorpusText LoadCorpus(Report.ExperimentContext context, Report.ExperimentResult result)
    {
        var corpus = Corpora.EnglishText.Load(context.CacheDirectory);
        if (corpus.FallbackNote() is { } note)
        {
            result.Notes.Add(note);
        }

        return corpus;
    }

    public static string F(double x, string format = "0.####") => x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Adds a solid line (no markers) with a legend entry. (Dashed lines are avoided: Skia's SVG canvas cannot draw them and prints a warning per path.)</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string legend, Color? color = null, float width = 2)
    {
        var s = plot.Add.Scatter(xs, ys);
        s.MarkerSize = 0;
        s.LineWidth = width;
        s.LegendText = legend;
        if (color is { } c)
        {
            s.Color = c;
        }

        return s;
    }

    /// <summary>Reads a series against the plot's right axis and labels that axis, for two quantities of different
    /// units or scales in one figure (two axes, not one axis shared by both).</summary>
    public static void OnRightAxis(Plot plot, ScottPlot.Plottables.Scatter series, string axisLabel)
    {
        series.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = axisLabel;
        plot.Axes.Right.Label.FontName = Plots.FontFamily;
    }

    /// <summary>Adds markers without a line.</summary>
    public static ScottPlot.Plottables.Scatter Points(Plot plot, double[] xs, double[] ys, string legend, Color? color = null, float size = 6)
    {
        var s = plot.Add.ScatterPoints(xs, ys);
        s.MarkerSize = size;
        s.LegendText = legend;
        if (color is { } c)
        {
            s.Color = c;
        }

        return s;
    }

    /// <summary>A vertical bar chart with text labels under the bars.</summary>
    public static void LabelledBars(Plot plot, IReadOnlyList<string> labels, IReadOnlyList<double> values, Color color, string legend)
    {
        var bars = new List<Bar>();
        for (int i = 0; i < values.Count; i++)
        {
            bars.Add(new Bar { Position = i, Value = values[i], FillColor = color });
        }

        var b = plot.Add.Bars(bars);
        b.LegendText = legend;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>Major ticks at the whole numbers from..to on the bottom axis (layers, guesses: counts that have no halves).</summary>
    public static void IntegerTicks(Plot plot, int from, int to)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = from; k <= to; k++)
        {
            ticks.AddMajor(k, k.ToString(CultureInfo.InvariantCulture));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
    }

    /// <summary>Character counts of a text over its sorted alphabet.</summary>
    public static (char[] Alphabet, long[] Counts, int[] Symbols) CharacterCounts(string text)
    {
        var counts = new long[char.MaxValue + 1];
        foreach (char c in text)
        {
            counts[c]++;
        }

        var alphabet = Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).Select(c => (char)c).ToArray();
        var index = new int[char.MaxValue + 1];
        for (int i = 0; i < alphabet.Length; i++)
        {
            index[alphabet[i]] = i;
        }

        var symbols = new int[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            symbols[i] = index[text[i]];
        }

        return (alphabet, alphabet.Select(c => counts[c]).ToArray(), symbols);
    }

    /// <summary>A printable name for a character in tables and tick labels.</summary>
    public static string Show(char c) => c switch
    {
        ' ' => "space",
        '\n' => "newline",
        '\t' => "tab",
        _ when char.IsControl(c) => $"U+{(int)c:X4}",
        _ => c.ToString(),
    };

    /// <summary>Standard normal pairs (x, y) with correlation rho.</summary>
    public static (double[] X, double[] Y) CorrelatedNormals(Random random, int n, double rho)
    {
        var standard = Shannon.Distributions.Gaussian.WithMeanStdDev(0, 1);
        var x = new double[n];
        var y = new double[n];
        double s = Math.Sqrt(1 - (rho * rho));
        for (int i = 0; i < n; i++)
        {
            double a = standard.Sample(random), b = standard.Sample(random);
            x[i] = a;
            y[i] = (rho * a) + (s * b);
        }

        return (x, y);
    }

    /// <summary>Mean and standard error of the mean.</summary>
    public static (double Mean, double StandardError) MeanAndError(ReadOnlySpan<double> values)
    {
        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double ss = 0;
        foreach (double v in values)
        {
            ss += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(ss / (values.Length - 1) / values.Length));
    }
}
