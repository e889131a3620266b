namespace Shannon.Estimators.Continuous;

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
