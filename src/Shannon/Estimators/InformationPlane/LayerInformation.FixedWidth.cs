namespace Shannon.Estimators.InformationPlane;

// Fixed-width binning (Saxe et al. 2018).
public static partial class LayerInformation
{
    /// <summary>Fixed-width binning, unbounded: bin floor(v / width) (default width 0.07, Saxe et al. 2018).</summary>
    /// <param name="activity">Feature-major activity.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="labels">Labels.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="width">Bin width (&gt; 0).</param>
    /// <returns>I(X;T) and I(T;Y) in the unit.</returns>
    public static PlanePoint FixedWidthBinning(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, InformationUnit unit, double width = 0.07)
    {
        Check(activity, units, labels);
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"`width` must be a finite number > 0; got {width}.");
        }

        var bins = new long[units * labels.Length];
        for (int i = 0; i < bins.Length; i++)
        {
            bins[i] = (long)Math.Floor(activity[i] / width);
        }

        return FromBins(bins, units, labels, unit);
    }
}
