using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// A radius counter over a marginal space: sorted arrays for one column, a k-d tree for several.
/// </summary>
internal sealed class MarginalCounter
{
    private readonly SortedMarginal? _sorted;
    private readonly KdTree? _tree;

    public MarginalCounter(double[][] columns)
    {
        if (columns.Length == 1)
        {
            _sorted = new SortedMarginal(columns[0]);
        }
        else
        {
            _tree = new KdTree(columns, DistanceNorm.Maximum, 8, validate: false);
        }
    }

    /// <summary>Ties of a one-dimensional marginal, known from its sort; null for several columns.</summary>
    public int? TiedValueCount => _sorted?.TiedValueCount;

    /// <summary>As <see cref="CountWithin"/> for a one-dimensional marginal, given the row's value (no row lookup).</summary>
    public int CountAround(int row, double value, double radius, bool inclusive, ref Hint hint) =>
        _sorted is not null
            ? _sorted.CountAroundValue(value, radius, inclusive, ref hint.Upper, ref hint.Lower)
            : _tree!.CountWithinUnchecked(row, radius, inclusive);

    /// <summary>The count of other rows within (&lt;=) a per-dimension radius (a box), for a marginal of several columns.</summary>
    public int CountInBox(int row, ReadOnlySpan<double> radii) =>
        _sorted is not null
            ? _sorted.CountWithinUnchecked(row, radii[0], inclusive: true)
            : _tree!.CountWithinBoxUnchecked(row, radii);

    /// <summary>The count of other rows within the radius; <paramref name="hint"/> carries the previous query's
    /// boundaries (start with <see cref="Hint.None"/>) and only changes the speed, never the count.</summary>
    public int CountWithin(int row, double radius, bool inclusive, ref Hint hint) =>
        _sorted is not null
            ? _sorted.CountWithinUnchecked(row, radius, inclusive, ref hint.Upper, ref hint.Lower)
            : _tree!.CountWithinUnchecked(row, radius, inclusive);

    /// <summary>Search boundaries of the previous query of a sorted marginal.</summary>
    public struct Hint
    {
        public int Upper;
        public int Lower;

        public static Hint None => new() { Upper = -1, Lower = -1 };
    }

    /// <summary>The max-norm distance between rows <paramref name="a"/> and <paramref name="b"/> over <paramref name="columns"/>.</summary>
    public static double MaxDistance(double[][] columns, int a, int b)
    {
        double d = 0;
        foreach (double[] c in columns)
        {
            double diff = Math.Abs(c[a] - c[b]);
            if (diff > d)
            {
                d = diff;
            }
        }

        return d;
    }
}
