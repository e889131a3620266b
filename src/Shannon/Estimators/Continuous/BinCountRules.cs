namespace Shannon.Estimators.Continuous;

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
