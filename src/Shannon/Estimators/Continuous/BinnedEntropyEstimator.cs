namespace Shannon.Estimators.Continuous;

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
