namespace Shannon.Estimators.InformationPlane;

// Fixed-range binning (Shwartz-Ziv &amp; Tishby 2017).
public static partial class LayerInformation
{
    /// <summary>Fixed-range binning: <paramref name="binCount"/> equal bins on [low, high] (defaults: 30 bins on [-1, 1], the original code).</summary>
    /// <param name="activity">Feature-major activity.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="labels">Label of each sample (0..classes-1); its length is the sample count.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="low">Lower edge.</param>
    /// <param name="high">Upper edge (&gt; low).</param>
    /// <param name="binCount">Number of bins (&gt;= 1).</param>
    /// <returns>I(X;T) and I(T;Y) in the unit.</returns>
    public static PlanePoint FixedRangeBinning(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, InformationUnit unit, double low = -1, double high = 1, int binCount = 30)
    {
        Check(activity, units, labels);
        if (!(high > low) || binCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(binCount), $"`binCount` must be >= 1 on a range with high > low; got {binCount} bins on [{low}, {high}].");
        }

        int n = labels.Length;
        var bins = new long[units * n];
        double scale = binCount / (high - low);
        for (int i = 0; i < bins.Length; i++)
        {
            // Values at or beyond the edges share the end bins (numpy.digitize in Shwartz-Ziv & Tishby's code).
            long b = (long)Math.Floor((activity[i] - low) * scale);
            bins[i] = Math.Clamp(b, 0, binCount - 1);
        }

        return FromBins(bins, units, labels, unit);
    }
}
