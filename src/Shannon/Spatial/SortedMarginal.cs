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
    private readonly double[] _values;
    private int[]? _rankOf;

    /// <summary>Sorts a copy of <paramref name="values"/>.</summary>
    /// <param name="values">The N finite values.</param>
    public SortedMarginal(ReadOnlySpan<double> values)
        : this(CheckedCopy(values))
    {
    }

    /// <summary>Keeps <paramref name="values"/> (not copied: the caller must not change it) and sorts a copy.</summary>
    internal SortedMarginal(double[] values)
    {
        _sorted = (double[])values.Clone();
        Array.Sort(_sorted);
        int ties = 0;
        for (int r = 1; r < _sorted.Length; r++)
        {
            if (_sorted[r] == _sorted[r - 1])
            {
                ties++;
            }
        }

        _values = values;
        TiedValueCount = ties;
    }

    private static double[] CheckedCopy(ReadOnlySpan<double> values)
    {
        Preconditions.AllFinite(values, nameof(values));
        return values.ToArray();
    }

    /// <summary>The rank of each row in the sorted order, built on first use by a row-addressed query.</summary>
    private int[] RankOf => Volatile.Read(ref _rankOf) ?? BuildRanks();

    private int[] BuildRanks()
    {
        int n = _values.Length;
        var rows = new int[n];
        var keys = (double[])_values.Clone();
        for (int i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        Array.Sort(keys, rows);
        var rank = new int[n];
        for (int r = 0; r < n; r++)
        {
            rank[rows[r]] = r;
        }

        Interlocked.CompareExchange(ref _rankOf, rank, null);
        return _rankOf!;
    }

    /// <summary>The number of values equal to another value of smaller rank (N minus the number of distinct values).</summary>
    public int TiedValueCount { get; }

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
        int upper = -1, lower = -1;
        return CountWithinUnchecked(row, radius, inclusive, ref upper, ref lower);
    }

    /// <summary>
    /// The count, galloping from the boundaries of the previous query (<paramref name="upperHint"/>: the first index
    /// above the range, <paramref name="lowerHint"/>: the last index below it), which a caller visiting nearby points in
    /// turn passes back unchanged; both are updated. Any hint gives the exact count; good hints make it O(1).
    /// </summary>
    internal int CountWithinUnchecked(int row, double radius, bool inclusive, ref int upperHint, ref int lowerHint)
    {
        int rank = RankOf[row];
        double x = _sorted[rank];
        upperHint = FirstOutAbove(_sorted, x, radius, inclusive, rank, upperHint);
        lowerHint = LastOutBelow(_sorted, x, radius, inclusive, rank, lowerHint);
        return upperHint - lowerHint - 2; // (lower, upper) holds the row's own rank
    }

    /// <summary>
    /// The number of other rows within the radius of a row whose value is <paramref name="value"/> (which must be that
    /// row's value), without looking the row up: gallops from the previous query's boundaries over the whole sorted
    /// array. Visiting points in spatial order, this touches only memory near the previous query's.
    /// </summary>
    internal int CountAroundValue(double value, double radius, bool inclusive, ref int upperHint, ref int lowerHint)
    {
        if (radius == 0 && !inclusive)
        {
            return 0;
        }

        // No index is known to be inside: -1 and n stand for it (the row's own value is somewhere in between).
        upperHint = FirstOutAbove(_sorted, value, radius, inclusive, -1, upperHint);
        lowerHint = LastOutBelow(_sorted, value, radius, inclusive, _sorted.Length, lowerHint);
        return upperHint - lowerHint - 2; // (lower, upper) holds the values within the radius, the row's own included
    }

    /// <summary>
    /// The first index u in (<paramref name="inside"/>, n] with u == n or s[u] - x out of range, where
    /// <paramref name="inside"/> is an index known to be in range (or -1). Gallops from <paramref name="hint"/> (moved
    /// into that interval) up or down in doubling steps, then bisects; any hint gives the same answer.
    /// </summary>
    private static int FirstOutAbove(double[] s, double x, double radius, bool inclusive, int inside, int hint)
    {
        int n = s.Length, outside;
        int h = hint <= inside ? inside + 1 : Math.Min(hint, n);
        if (h < n && !Out(s[h] - x, radius, inclusive))
        {
            inside = h;
            outside = n;
            for (int step = 1; h + step < n; step <<= 1)
            {
                if (Out(s[h + step] - x, radius, inclusive))
                {
                    outside = h + step;
                    break;
                }

                inside = h + step;
            }
        }
        else
        {
            outside = h;
            for (int step = 1; h - step > inside; step <<= 1)
            {
                if (!Out(s[h - step] - x, radius, inclusive))
                {
                    inside = h - step;
                    break;
                }

                outside = h - step;
            }
        }

        while (outside - inside > 1)
        {
            int mid = inside + ((outside - inside) >> 1);
            if (Out(s[mid] - x, radius, inclusive))
            {
                outside = mid;
            }
            else
            {
                inside = mid;
            }
        }

        return outside;
    }

    /// <summary>
    /// The mirror of <see cref="FirstOutAbove"/>: the last index l in [-1, <paramref name="inside"/>) with l == -1 or
    /// x - s[l] out of range, where <paramref name="inside"/> is an index known to be in range (or n).
    /// </summary>
    private static int LastOutBelow(double[] s, double x, double radius, bool inclusive, int inside, int hint)
    {
        int outside;
        int h = hint >= inside || hint < -1 ? inside - 1 : hint;
        if (h >= 0 && !Out(x - s[h], radius, inclusive))
        {
            inside = h;
            outside = -1;
            for (int step = 1; h - step >= 0; step <<= 1)
            {
                if (Out(x - s[h - step], radius, inclusive))
                {
                    outside = h - step;
                    break;
                }

                inside = h - step;
            }
        }
        else
        {
            outside = h;
            for (int step = 1; h + step < inside; step <<= 1)
            {
                if (!Out(x - s[h + step], radius, inclusive))
                {
                    inside = h + step;
                    break;
                }

                outside = h + step;
            }
        }

        while (inside - outside > 1)
        {
            int mid = outside + ((inside - outside) >> 1);
            if (Out(x - s[mid], radius, inclusive))
            {
                outside = mid;
            }
            else
            {
                inside = mid;
            }
        }

        return outside;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool Out(double difference, double radius, bool inclusive) =>
        inclusive ? difference > radius : difference >= radius;
}
