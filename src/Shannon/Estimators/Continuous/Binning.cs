namespace Shannon.Estimators.Continuous;

/// <summary>
/// The one binning of real columns: bin edges per <see cref="BinningRule"/> (numpy.histogram_bin_edges exactly for
/// equal width, Sturges, Scott and Freedman-Diaconis), each value's bin (numpy.searchsorted on the edges, the maximum
/// in the last bin), and the rules from summary statistics that a database query uses (Shannon.Data generates its SQL
/// from <see cref="EqualWidthEdges"/> and <see cref="FreedmanDiaconisBinCount"/>, so both give the same bins).
/// </summary>
public static class Binning
{
    /// <summary>The bin edges of a column by a rule (bins + 1 ascending edges, the first the minimum, the last the maximum).</summary>
    /// <param name="column">The values (finite).</param>
    /// <param name="options">The rule and its parameters.</param>
    /// <returns>The edges.</returns>
    public static double[] Edges(double[] column, BinningOptions options)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.Positive(column.Length, "column.Length");

        // Columns near +-1e308 (whose range overflows) or 1e-300 are binned in their own binary scale (exact) and the edges scaled back.
        int e = ColumnStatistics.ScaleExponent(column);
        if (e != 0)
        {
            double[] scaled = [.. column.Select(v => Math.ScaleB(v, -e))];
            return [.. EdgesCore(scaled, options with { BinWidth = Math.ScaleB(options.BinWidth, -e) }).Select(v => Math.ScaleB(v, e))];
        }

        return EdgesCore(column, options);
    }

    /// <summary>
    /// Each value's bin, 0..bins-1, by the edges of <see cref="Edges"/>: bin i holds edges[i] &lt;= v &lt; edges[i + 1], the
    /// maximum in the last bin. A constant column is one bin, 0.
    /// </summary>
    /// <param name="column">The values (finite).</param>
    /// <param name="options">The rule and its parameters.</param>
    /// <returns>The bin of each value.</returns>
    public static int[] Codes(double[] column, BinningOptions options)
    {
        double[] edges = Edges(column, options);
        var codes = new int[column.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = Bin(edges, column[i]);
        }

        return codes;
    }

    /// <summary>numpy.linspace(min, max, bins + 1): min + i (max - min) / bins, the last edge exactly max.</summary>
    /// <param name="min">The first edge.</param>
    /// <param name="max">The last edge (&gt;= min; max - min finite).</param>
    /// <param name="bins">The number of bins (values below 1 are one bin).</param>
    /// <returns>bins + 1 edges.</returns>
    public static double[] EqualWidthEdges(double min, double max, int bins)
    {
        bins = Math.Max(1, bins);
        var edges = new double[bins + 1];
        double step = EqualWidthStep(min, max, bins);
        for (int i = 0; i < bins; i++)
        {
            edges[i] = i * step + min;
        }

        edges[bins] = max;
        return edges;
    }

    /// <summary>
    /// The step of <see cref="EqualWidthEdges"/>: (max - min) / bins; edge i is i step + min (the last edge max). Shannon.Data
    /// writes its SQL with this step, so DuckDB computes the same edge doubles.
    /// </summary>
    /// <param name="min">The first edge.</param>
    /// <param name="max">The last edge.</param>
    /// <param name="bins">The number of bins (&gt;= 1).</param>
    /// <returns>The step.</returns>
    public static double EqualWidthStep(double min, double max, int bins) => (max - min) / bins;

    /// <summary>
    /// The Freedman-Diaconis bin count (Freedman &amp; Diaconis 1981, as numpy's "fd"): width 2 IQR n^(-1/3), bins
    /// ceil(range / width); one bin when the IQR is 0 (numpy's fallback for a zero width).
    /// </summary>
    /// <param name="range">max - min.</param>
    /// <param name="iqr">The interquartile range (linear interpolation between order statistics).</param>
    /// <param name="n">The number of values.</param>
    /// <returns>The bin count, at least 1.</returns>
    public static int FreedmanDiaconisBinCount(double range, double iqr, long n)
    {
        double width = 2.0 * iqr * Math.Pow(n, -1.0 / 3.0);
        return width > 0 ? (int)Math.Clamp(Math.Ceiling(range / width), 1, int.MaxValue) : 1;
    }

    /// <summary>Each sample's cell (mixed-radix product of the per-column bins), the largest per-column bin count and the edges.</summary>
    internal static (long[] Cells, int MaxBins, double[][] Edges) Cells(Samples samples, BinningOptions options)
    {
        int n = samples.Count;
        var cells = new long[n];
        var allEdges = new double[samples.Dimension][];
        int maxBins = 0;
        long radix = 1;
        for (int j = 0; j < samples.Dimension; j++)
        {
            double[] column = samples.Columns[j];
            double[] edges = Edges(column, options);
            allEdges[j] = edges;
            int bins = edges.Length - 1;
            maxBins = Math.Max(maxBins, bins);
            if (radix > long.MaxValue / bins)
            {
                throw Preconditions.Error("binCount", "small enough for the product of the bin counts to fit in 64 bits", $"{ContinuousInput.Text(bins)} bins in column {ContinuousInput.Text(j)}");
            }

            radix *= bins;
            for (int i = 0; i < n; i++)
            {
                cells[i] = cells[i] * bins + Bin(edges, column[i]);
            }
        }

        return (cells, maxBins, allEdges);
    }

    /// <summary>numpy.searchsorted(edges, v, side="right") - 1, with the right-most edge in the last bin (numpy.histogramdd); 0 when every edge is equal.</summary>
    private static int Bin(double[] edges, double v)
    {
        if (edges[0] == edges[^1])
        {
            return 0; // a constant column: one bin
        }

        int lo = 0, hi = edges.Length; // first index with edges[index] > v
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] > v)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return Math.Clamp(lo - 1, 0, edges.Length - 2);
    }

    private static double[] EdgesCore(double[] column, BinningOptions options)
    {
        int n = column.Length;
        double min = column.Min(), max = column.Max();
        double range = max - min;
        switch (options.Rule)
        {
            case BinningRule.EqualWidth:
                return EqualWidthEdges(min, max, options.BinCount);
            case BinningRule.HacineGharbi:
                return EqualWidthEdges(min, max, BinCountRules.HacineGharbi(n, 0));
            case BinningRule.Sturges:
                return EqualWidthEdges(min, max, (int)Math.Ceiling(range / (range / (Math.Log2(n) + 1.0))));
            case BinningRule.Scott:
            {
                double sd = ColumnStatistics.MeanStdDev(column).StdDev;
                double width = Math.Pow(24.0 * Math.Pow(Math.PI, 0.5) / n, 1.0 / 3.0) * sd;
                return EqualWidthEdges(min, max, width > 0 ? (int)Math.Ceiling(range / width) : 1);
            }

            case BinningRule.FreedmanDiaconis:
            {
                double[] sorted = (double[])column.Clone();
                Array.Sort(sorted);
                double iqr = Percentile(sorted, 75) - Percentile(sorted, 25);
                return EqualWidthEdges(min, max, FreedmanDiaconisBinCount(range, iqr, n));
            }

            case BinningRule.FixedWidth:
            {
                int bins = Math.Max(1, (int)Math.Ceiling(range / options.BinWidth));
                var edges = new double[bins + 1];
                for (int b = 0; b <= bins; b++)
                {
                    edges[b] = min + b * options.BinWidth;
                }

                return edges;
            }

            default: // EqualFrequency
            {
                double[] sorted = (double[])column.Clone();
                Array.Sort(sorted);
                int bins = options.BinCount;
                var edges = new double[bins + 1];
                edges[0] = min;
                edges[bins] = max;
                for (int b = 1; b < bins; b++)
                {
                    edges[b] = sorted[(int)((long)b * n / bins)];
                }

                return edges;
            }
        }
    }

    /// <summary>numpy.percentile with linear interpolation on sorted data (numpy 1.24's _lerp, including its t >= 0.5 branch).</summary>
    private static double Percentile(double[] sorted, double q)
    {
        double position = q / 100.0 * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        double fraction = position - below;
        double difference = sorted[above] - sorted[below];
        return fraction >= 0.5 ? sorted[above] - difference * (1 - fraction) : sorted[below] + difference * fraction;
    }
}
