using System.Globalization;
using Shannon.Estimators.Continuous;

namespace Shannon.Data;

/// <summary>
/// Equal-width bins of a real column given by their range and count: edges <see cref="Binning.EqualWidthEdges"/>(Min, Max,
/// Count), the library's (numpy.linspace). Fixed once for a whole table, they cut every part of it the same way, so the
/// parts' count tables add up to the table of the whole.
/// </summary>
public sealed record EqualWidthBins
{
    /// <summary>Bins from a range and a count.</summary>
    /// <param name="min">The first edge (finite).</param>
    /// <param name="max">The last edge (finite, &gt;= min).</param>
    /// <param name="count">The number of bins (&gt;= 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A non-finite edge, max &lt; min, or count &lt; 1.</exception>
    public EqualWidthBins(double min, double max, int count)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), string.Create(CultureInfo.InvariantCulture, $"`min` and `max` must be finite with min <= max; got [{min:R}, {max:R}]."));
        }

        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), string.Create(CultureInfo.InvariantCulture, $"`count` must be >= 1; got {count}."));
        }

        Min = min;
        Max = max;
        Count = count;
    }

    /// <summary>The first edge.</summary>
    public double Min { get; }

    /// <summary>The last edge.</summary>
    public double Max { get; }

    /// <summary>The number of bins.</summary>
    public int Count { get; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count} bins over [{Min:R}, {Max:R}]");
}
