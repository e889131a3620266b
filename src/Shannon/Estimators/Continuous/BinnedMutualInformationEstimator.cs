namespace Shannon.Estimators.Continuous;

/// <summary>How a real column is cut into bins.</summary>
public enum BinningRule
{
    /// <summary><see cref="BinningOptions.BinCount"/> bins of equal width over [min, max].</summary>
    EqualWidth = 1,

    /// <summary><see cref="BinningOptions.BinCount"/> bins holding (about) equally many samples: edges at the sample quantiles.</summary>
    EqualFrequency = 2,

    /// <summary>Equal-width bins of width 2 IQR N^(-1/3) (Freedman and Diaconis 1981), bin count ceil(range / width), as numpy's "fd".</summary>
    FreedmanDiaconis = 3,

    /// <summary>Equal-width bins of width (24 sqrt(pi) / N)^(1/3) sigma, about 3.49 sigma N^(-1/3) (Scott 1979), as numpy's "scott".</summary>
    Scott = 4,

    /// <summary>ceil(log2 N + 1) equal-width bins (Sturges 1926), as numpy's "sturges".</summary>
    Sturges = 5,

    /// <summary>Bins of width <see cref="BinningOptions.BinWidth"/> starting at the minimum.</summary>
    FixedWidth = 6,

    /// <summary>For mutual information: B = round(sqrt((1 + sqrt(1 + 24 N / (1 - r^2))) / 2)) equal-width bins per scalar
    /// column, r the Pearson correlation of the pair (Hacine-Gharbi, Ravier, Harba and Mohamadi, "Low bias
    /// histogram-based estimation of mutual information for feature selection", Pattern Recognit. Lett. 33(10), 1302,
    /// 2012, doi:10.1016/j.patrec.2012.02.022, eq. 17); at most sqrt(N) bins (so there are at least as many samples as
    /// cells). For an entropy, or a column of a multivariate variable, r = 0. The default of
    /// <see cref="BinnedMutualInformationEstimator()"/>: 10 bins per column at N = 2000 for independent columns, where
    /// the density rules (Freedman-Diaconis: 33 to 36) leave fewer than two samples per cell.</summary>
    HacineGharbi = 7,
}

/// <summary>Bin counts of the published rules, for surfaces that bin elsewhere (e.g. inside a database engine).</summary>
public static class BinCountRules
{
    /// <summary>The Hacine-Gharbi et al. (2012) number of bins per variable for the MI of two scalar variables
    /// (see <see cref="BinningRule.HacineGharbi"/>): round(sqrt((1 + sqrt(1 + 24 N / (1 - r^2))) / 2)), at most floor(sqrt(N)), at least 1.</summary>
    /// <param name="sampleCount">N >= 1.</param>
    /// <param name="correlation">The Pearson correlation r of the pair, in [-1, 1] (0 for an entropy or when unknown).</param>
    /// <returns>The number of bins per variable.</returns>
    public static int HacineGharbi(int sampleCount, double correlation)
    {
        Preconditions.Positive(sampleCount, nameof(sampleCount));
        if (!(correlation >= -1 && correlation <= 1))
        {
            throw Preconditions.OutOfRange(nameof(correlation), "in [-1, 1]", ContinuousInput.Text(correlation));
        }

        double cap = Math.Floor(Math.Sqrt(sampleCount));
        double oneMinus = 1 - correlation * correlation;
        if (oneMinus <= 0)
        {
            return (int)Math.Max(1, cap);
        }

        double bins = Math.Round(Math.Sqrt((1 + Math.Sqrt(1 + 24.0 * sampleCount / oneMinus)) / 2), MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(bins, 1, Math.Max(1, cap));
    }
}

/// <summary>Options of the binned (histogram) estimators.</summary>
/// <remarks>The default rule is Freedman-Diaconis (robust to outliers, bin width shrinking as N^(-1/3), the
/// rate that balances histogram bias and variance); equal-width bins follow numpy.histogram_bin_edges exactly, so
/// results can be checked against numpy.</remarks>
public sealed record BinningOptions
{
    /// <summary>Freedman-Diaconis bins.</summary>
    public static BinningOptions Default { get; } = new();

    /// <summary>The rule (default <see cref="BinningRule.FreedmanDiaconis"/>).</summary>
    public BinningRule Rule { get; init; } = BinningRule.FreedmanDiaconis;

    /// <summary>The number of bins per column for <see cref="BinningRule.EqualWidth"/> and <see cref="BinningRule.EqualFrequency"/> (default 10, numpy's default).</summary>
    public int BinCount { get; init; } = 10;

    /// <summary>The bin width for <see cref="BinningRule.FixedWidth"/>, in the data's units (default 1).</summary>
    public double BinWidth { get; init; } = 1.0;

    internal void Validate()
    {
        if (Rule is < BinningRule.EqualWidth or > BinningRule.HacineGharbi)
        {
            throw Preconditions.OutOfRange("rule", "a defined BinningRule", ContinuousInput.Text((int)Rule));
        }

        if (BinCount < 1)
        {
            throw Preconditions.OutOfRange("binCount", ">= 1", ContinuousInput.Text(BinCount));
        }

        Preconditions.PositiveFinite(BinWidth, "binWidth");
    }
}

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
        var countX = new Dictionary<long, int>();
        var countY = new Dictionary<long, int>();
        var countXy = new Dictionary<(long, long), int>();
        for (int i = 0; i < n; i++)
        {
            countX[cellX[i]] = countX.GetValueOrDefault(cellX[i]) + 1;
            countY[cellY[i]] = countY.GetValueOrDefault(cellY[i]) + 1;
            var key = (cellX[i], cellY[i]);
            countXy[key] = countXy.GetValueOrDefault(key) + 1;
        }

        double nats = 0;
        foreach (var ((a, b), c) in countXy.OrderBy(e => e.Key))
        {
            nats += c * Math.Log((double)c * n / ((double)countX[a] * countY[b]));
        }

        nats /= n;
        var warnings = new List<string>();
        int ties = ColumnStatistics.CountTies(x) + ColumnStatistics.CountTies(y);
        int bins = Math.Max(binsX, binsY);
        if (countXy.Count > n / 5)
        {
            warnings.Add($"{ContinuousInput.Text(countXy.Count)} occupied cells for {ContinuousInput.Text(n)} samples: the plug-in estimate is biased upwards (about (Bx - 1)(By - 1)/(2N) nats); use fewer bins or a k-NN estimator.");
        }

        long cells = (long)Math.Pow(binsX, x.Dimension) * (long)Math.Pow(binsY, y.Dimension);
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

/// <summary>
/// The histogram estimate of differential entropy: h = -sum_c p_c ln(p_c / v_c) over the occupied cells c, with
/// v_c the cell volume (the product of its bin widths), i.e. the entropy of the histogram density.
/// </summary>
/// <remarks>Consistent when the bin width shrinks and N times the width grows; biased downwards by about
/// (B - 1)/(2N) nats from the plug-in term plus a discretisation bias of order width^2 (Gyorfi and van der Meulen
/// 1987). O(N log B) time.</remarks>
public sealed class BinnedEntropyEstimator
{
    /// <summary>An estimator with Freedman-Diaconis bins.</summary>
    public BinnedEntropyEstimator()
        : this(BinningOptions.Default)
    {
    }

    /// <summary>An estimator with the given binning, checked here once.</summary>
    /// <param name="options">The options.</param>
    public BinnedEntropyEstimator(BinningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The options.</summary>
    public BinningOptions Options { get; }

    /// <summary>The differential entropy estimate of a scalar sample.</summary>
    /// <param name="x">The N values.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> x, InformationUnit unit) => Estimate(Samples.Create(x, nameof(x)), unit);

    /// <summary>The differential entropy estimate of a multivariate sample (product bins).</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">A constant column, or an occupied bin of zero width (equal-frequency bins on tied data).</exception>
    public ContinuousEstimate Estimate(Samples x, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.NotConstant(x, nameof(x));
        int n = x.Count;
        var (cells, bins, edges) = Binning.Cells(x, Options);
        var counts = new Dictionary<long, int>();
        for (int i = 0; i < n; i++)
        {
            counts[cells[i]] = counts.GetValueOrDefault(cells[i]) + 1;
        }

        // h = H(cell counts) + sum_c p_c ln vol_c: the library's plug-in entropy of the counts plus the mean log volume.
        var cellCounts = new long[counts.Count];
        var meanLogVolume = default(CompensatedSum);
        int at = 0;
        foreach (var (cell, c) in counts.OrderBy(e => e.Key))
        {
            double logVolume = 0;
            long rest = cell;
            for (int j = edges.Length - 1; j >= 0; j--)
            {
                int binsJ = edges[j].Length - 1;
                int b = (int)(rest % binsJ);
                rest /= binsJ;
                double width = edges[j][b + 1] - edges[j][b];
                if (!(width > 0))
                {
                    throw Preconditions.Error(nameof(x), "binned into bins of positive width",
                        $"an occupied bin of width 0 in column {ContinuousInput.Text(j)} at {Preconditions.Format(edges[j][b])}",
                        "Tied values produce empty-width equal-frequency bins; use an equal-width rule.");
                }

                logVolume += Math.Log(width);
            }

            cellCounts[at++] = c;
            meanLogVolume.Add((double)c / n * logVolume);
        }

        double nats = Discrete.CountSummary.PluginNats(cellCounts, n) + meanLogVolume.Value;

        int ties = ColumnStatistics.CountTies(x);
        return ContinuousInput.Result(nats, unit, n, "binned", null, ties, bins, []);
    }
}
