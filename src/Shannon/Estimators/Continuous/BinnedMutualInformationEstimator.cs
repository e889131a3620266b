using Shannon.Estimators.Discrete;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The plug-in mutual information of binned data: each column is cut into bins by a <see cref="BinningRule"/>, a
/// multivariate variable binned as the product of its columns' bins, and I = sum p(a,b) ln(p(a,b) / (p(a) p(b))) over
/// the occupied cells.
/// </summary>
/// <remarks>
/// Biased upwards by about (B_x - 1)(B_y - 1) / (2N) nats for B occupied bins per variable (Miller 1955), and
/// dependent on the binning: coarse bins underestimate, fine bins overestimate. Use it for quick looks and as a
/// baseline; the k-NN estimators are less biased. O(N log B) time. The parameterless constructor bins by
/// <see cref="BinningRule.HacineGharbi"/>, a rule derived for MI; the density rules (Freedman-Diaconis, Scott) choose
/// bins for a histogram of one variable and, squared into a joint table, leave too few samples per cell. Warnings say
/// when the cells outnumber the samples and when the Miller-Madow correction (B_xy - B_x - B_y + 1)/(2N) over the
/// occupied cells is 20% of the estimate or more (the value is then mostly bias).
/// </remarks>
public sealed class BinnedMutualInformationEstimator
{
    /// <summary>An estimator with the MI bin rule of Hacine-Gharbi et al. 2012 (<see cref="BinningRule.HacineGharbi"/>).</summary>
    public BinnedMutualInformationEstimator()
        : this(BinningOptions.Default with { Rule = BinningRule.HacineGharbi })
    {
    }

    /// <summary>An estimator with the given binning, checked here once.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown rule, bin count &lt; 1 or a non-positive width.</exception>
    public BinnedMutualInformationEstimator(BinningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options.</summary>
    public BinningOptions Options { get; }

    /// <summary>The estimate of I(X;Y) from paired scalar samples.</summary>
    /// <param name="x">The N values of X.</param>
    /// <param name="y">The N values of Y.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate; BinCount is the largest per-column bin count.</returns>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, InformationUnit unit) =>
        Estimate(Samples.Create(x, nameof(x)), Samples.Create(y, nameof(y)), unit);

    /// <summary>The estimate of I(X;Y) from paired multivariate samples.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="y">N samples of Y.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">Unequal counts or a constant column.</exception>
    public ContinuousEstimate Estimate(Samples x, Samples y, InformationUnit unit)
    {
        Preconditions.NonConstantPair(x, y, unit);
        int n = x.Count;
        var options = Options;
        if (options.Rule == BinningRule.HacineGharbi)
        {
            double r = x.Dimension == 1 && y.Dimension == 1 ? Correlation(x.Columns[0], y.Columns[0]) : 0;
            options = options with { Rule = BinningRule.EqualWidth, BinCount = BinCountRules.HacineGharbi(n, r) };
        }

        var (cellX, binsX, _) = Binning.Cells(x, options);
        var (cellY, binsY, _) = Binning.Cells(y, options);
        var weights = new long[n];
        Array.Fill(weights, 1L);
        int ties = ColumnStatistics.CountTies(x) + ColumnStatistics.CountTies(y);
        return FromCells(cellX, cellY, weights, n, binsX, x.Dimension, binsY, y.Dimension, ties, unit);
    }

    /// <summary>
    /// The estimate from joint bin counts instead of samples: the variables of <paramref name="table"/> are bins, each
    /// cell's code the bin index (0 .. B - 1 in edge order) and each variable's level count its bin count B. This is
    /// how a table too large for one machine is estimated: each shard is cut by the same edges, computed from the
    /// whole column (e.g. <see cref="Binning.EqualWidthEdges"/> of the global minimum and maximum, which merge exactly
    /// over shards), and the shards' counts are added. The value is the one <see cref="Estimate(Samples, Samples, InformationUnit)"/>
    /// gives on the samples whose bins these are, to the last bit (the same cells, summed in the same order), with the
    /// same warnings; bin counts do not show tied values, so the result's <see cref="ContinuousEstimate.TiedValueCount"/>
    /// is 0 and says nothing about ties.
    /// </summary>
    /// <param name="table">The bin counts.</param>
    /// <param name="x">The variables of X (distinct, at least one).</param>
    /// <param name="y">The variables of Y (distinct, at least one, none in <paramref name="x"/>).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate; BinCount is the largest level count of X's and Y's variables.</returns>
    /// <exception cref="ArgumentException">A variable index out of range or repeated, or more than 2^31 - 1 samples.</exception>
    public static ContinuousEstimate FromBinCounts(CountTable table, ReadOnlySpan<int> x, ReadOnlySpan<int> y, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(table);
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.Positive(x.Length, "x.Length");
        Preconditions.Positive(y.Length, "y.Length");
        var seen = new HashSet<int>();
        foreach (int v in (int[])[.. x, .. y])
        {
            if ((uint)v >= (uint)table.VariableCount || !seen.Add(v))
            {
                throw Preconditions.Error(nameof(x), $"distinct variables of the table (0 .. {ContinuousInput.Text(table.VariableCount - 1)}) in x and y together", ContinuousInput.Text(v));
            }
        }

        if (table.Total > int.MaxValue)
        {
            throw Preconditions.Error(nameof(table), $"a table of at most {ContinuousInput.Text(int.MaxValue)} samples (the sample estimator's count)", $"{table.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)} samples");
        }

        var (cellX, binsX) = JointBins(table, x);
        var (cellY, binsY) = JointBins(table, y);
        return FromCells(cellX, cellY, table.Counts.ToArray(), (int)table.Total, binsX, x.Length, binsY, y.Length, ties: 0, unit);
    }

    /// <summary>Each cell's mixed-radix bin of the variables, as <see cref="Binning.Cells"/> numbers a sample's, and their largest bin count.</summary>
    private static (long[] Cells, int MaxBins) JointBins(CountTable table, ReadOnlySpan<int> variables)
    {
        var cells = new long[table.CellCount];
        int maxBins = 0;
        long radix = 1;
        foreach (int v in variables)
        {
            int bins = table.LevelCounts[v];
            maxBins = Math.Max(maxBins, bins);
            if (radix > long.MaxValue / bins)
            {
                throw Preconditions.Error("binCount", "small enough for the product of the bin counts to fit in 64 bits", $"{ContinuousInput.Text(bins)} bins in variable {ContinuousInput.Text(v)}");
            }

            radix *= bins;
            var codes = table.Codes(v);
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = cells[i] * bins + codes[i];
            }
        }

        return (cells, maxBins);
    }

    /// <summary>
    /// The plug-in MI of weighted joint cells, sum over occupied (a, b) in key order of c ln(c N / (c_a c_b)) / N, and
    /// its warnings: one path for samples (weight 1 each) and for bin counts, so both give the same doubles.
    /// </summary>
    private static ContinuousEstimate FromCells(long[] cellX, long[] cellY, long[] weights, int n, int binsX, int dimensionX, int binsY, int dimensionY, int ties, InformationUnit unit)
    {
        var countX = new Dictionary<long, long>();
        var countY = new Dictionary<long, long>();
        var countXy = new Dictionary<(long, long), long>();
        for (int i = 0; i < cellX.Length; i++)
        {
            long w = weights[i];
            if (w == 0)
            {
                continue;
            }

            countX[cellX[i]] = countX.GetValueOrDefault(cellX[i]) + w;
            countY[cellY[i]] = countY.GetValueOrDefault(cellY[i]) + w;
            var key = (cellX[i], cellY[i]);
            countXy[key] = countXy.GetValueOrDefault(key) + w;
        }

        double nats = 0;
        foreach (var ((a, b), c) in countXy.OrderBy(e => e.Key))
        {
            nats += c * Math.Log((double)c * n / ((double)countX[a] * countY[b]));
        }

        nats /= n;
        var warnings = new List<string>();
        int bins = Math.Max(binsX, binsY);
        if (countXy.Count > n / 5)
        {
            warnings.Add($"{ContinuousInput.Text(countXy.Count)} occupied cells for {ContinuousInput.Text(n)} samples: the plug-in estimate is biased upwards (about (Bx - 1)(By - 1)/(2N) nats); use fewer bins or a k-NN estimator.");
        }

        long cells = (long)Math.Pow(binsX, dimensionX) * (long)Math.Pow(binsY, dimensionY);
        if (cells > n)
        {
            warnings.Add($"{ContinuousInput.Text(binsX)} x {ContinuousInput.Text(binsY)} bins make {cells.ToString(System.Globalization.CultureInfo.InvariantCulture)} cells for {ContinuousInput.Text(n)} samples: "
                + "the cells outnumber the samples, so the plug-in MI is mostly bias; use fewer bins (BinningRule.HacineGharbi) or a k-NN estimator.");
        }

        // Miller-Madow: H + (B - 1)/(2N) per entropy, so I = H(X) + H(Y) - H(X,Y) gains (Bx + By - Bxy - 1)/(2N) nats.
        double correction = (countXy.Count - countX.Count - countY.Count + 1) / (2.0 * n);
        if (correction > 0 && correction >= 0.2 * Math.Abs(nats))
        {
            warnings.Add($"The Miller-Madow bias correction ({ContinuousInput.Text(correction)} nats over the occupied cells) is {ContinuousInput.Text(100 * correction / Math.Max(Math.Abs(nats), double.Epsilon))}% of the estimate ({ContinuousInput.Text(nats)} nats): "
                + "most of the value is the upward bias of the plug-in on a sparse table; use fewer bins or a k-NN estimator.");
        }

        return ContinuousInput.Result(nats, unit, n, "binned", null, ties, bins, warnings);
    }

    /// <summary>The Pearson correlation, in each column's binary scale (exact), so no sum overflows or underflows.</summary>
    private static double Correlation(double[] a, double[] b)
    {
        var (ma, sa) = ColumnStatistics.MeanStdDev(a);
        var (mb, sb) = ColumnStatistics.MeanStdDev(b);
        int ea = ColumnStatistics.ScaleExponent(a), eb = ColumnStatistics.ScaleExponent(b);
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += (Math.ScaleB(a[i], -ea) - Math.ScaleB(ma, -ea)) * (Math.ScaleB(b[i], -eb) - Math.ScaleB(mb, -eb));
        }

        double r = s / a.Length / (Math.ScaleB(sa, -ea) * Math.ScaleB(sb, -eb));
        return Math.Clamp(r, -1, 1); // rounding can put |r| a few ulps above 1
    }
}
