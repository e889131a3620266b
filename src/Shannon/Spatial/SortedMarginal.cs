namespace Shannon.Spatial;

/// <summary>
/// One-dimensional neighbour counts by a sorted copy of the values and binary search: the number of other
/// values within a radius of a given row's value in O(log m) time, m being that count, by galloping outwards
/// from the row's own rank (exponential then binary search). O(N log N) to build, O(N) memory.
/// </summary>
/// <remarks>
/// A value v counts when |v - x| &lt; r (or &lt;= r), evaluated exactly as written in floating point, so counts agree
/// with a brute-force scan and with tree-based tools that compare |v - x| with the radius.
/// </remarks>
public sealed class SortedMarginal
{
    private readonly double[] _sorted;
    private readonly int[] _rankOf;

    /// <summary>Sorts a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The N finite values.</param>
    public SortedMarginal(ReadOnlySpan<double> values)
        : this(values, validate: true)
    {
    }

    internal SortedMarginal(ReadOnlySpan<double> values, bool validate)
    {
        if (validate)
        {
            Preconditions.AllFinite(values, nameof(values));
        }

        int n = values.Length;
        _sorted = values.ToArray();
        var rows = new int[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        Array.Sort(_sorted, rows);
        _rankOf = new int[n];
        for (int r = 0; r < n; r++)
        {
            _rankOf[rows[r]] = r;
        }
    }

    /// <summary>The number of values N.</summary>
    public int Count => _sorted.Length;

    /// <summary>The number of other rows whose value lies within <paramref name="radius"/> of row <paramref name="row"/>'s value.</summary>
    /// <param name="row">The query row.</param>
    /// <param name="radius">The radius, >= 0.</param>
    /// <param name="inclusive">Whether |v - x| = radius counts.</param>
    /// <returns>The count, excluding the row itself.</returns>
    public int CountWithin(int row, double radius, bool inclusive)
    {
        if ((uint)row >= (uint)_sorted.Length)
        {
            throw Preconditions.OutOfRange(nameof(row), $"in [0, {_sorted.Length - 1}]", row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Preconditions.NonNegativeFinite(radius, nameof(radius));
        return CountWithinUnchecked(row, radius, inclusive);
    }

    internal int CountWithinUnchecked(int row, double radius, bool inclusive)
    {
        double[] s = _sorted;
        int rank = _rankOf[row];
        double x = s[rank];

        // Upper end: the first index above rank whose value is out of range (v - x >= r, or > r).
        int step = 1, inside = rank, outside;
        while (true)
        {
            int probe = rank + step;
            if (probe >= s.Length)
            {
                outside = s.Length;
                break;
            }

            double diff = s[probe] - x;
            if (inclusive ? diff > radius : diff >= radius)
            {
                outside = probe;
                break;
            }

            inside = probe;
            step <<= 1;
        }

        while (outside - inside > 1)
        {
            int mid = inside + ((outside - inside) >> 1);
            double diff = s[mid] - x;
            if (inclusive ? diff > radius : diff >= radius)
            {
                outside = mid;
            }
            else
            {
                inside = mid;
            }
        }

        int upper = outside; // exclusive

        // Lower end: the last index below rank whose value is out of range (x - v >= r, or > r).
        step = 1;
        inside = rank;
        while (true)
        {
            int probe = rank - step;
            if (probe < 0)
            {
                outside = -1;
                break;
            }

            double diff = x - s[probe];
            if (inclusive ? diff > radius : diff >= radius)
            {
                outside = probe;
                break;
            }

            inside = probe;
            step <<= 1;
        }

        while (inside - outside > 1)
        {
            int mid = outside + ((inside - outside) >> 1);
            double diff = x - s[mid];
            if (inclusive ? diff > radius : diff >= radius)
            {
                outside = mid;
            }
            else
            {
                inside = mid;
            }
        }

        int lower = outside + 1; // inclusive
        return upper - lower - 1; // the row's own rank always lies in [lower, upper)
    }
}
