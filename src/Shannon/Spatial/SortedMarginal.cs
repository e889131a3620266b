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
        double[] s = _sorted;
        int n = s.Length;
        int rank = RankOf[row];
        double x = s[rank];

        // Upper end: the first index u in (rank, n] with u == n or s[u] - x out of range.
        int inside, outside;
        int h = upperHint <= rank ? rank + 1 : Math.Min(upperHint, n);
        if (h < n && !Out(s[h] - x, radius, inclusive))
        {
            inside = h;
            int step = 1;
            while (true)
            {
                int probe = h + step;
                if (probe >= n)
                {
                    outside = n;
                    break;
                }

                if (Out(s[probe] - x, radius, inclusive))
                {
                    outside = probe;
                    break;
                }

                inside = probe;
                step <<= 1;
            }
        }
        else
        {
            outside = h;
            int step = 1;
            while (true)
            {
                int probe = h - step;
                if (probe <= rank)
                {
                    inside = rank;
                    break;
                }

                if (!Out(s[probe] - x, radius, inclusive))
                {
                    inside = probe;
                    break;
                }

                outside = probe;
                step <<= 1;
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

        int upper = outside;

        // Lower end: the last index l in [-1, rank) with l == -1 or x - s[l] out of range.
        h = lowerHint >= rank || lowerHint < -1 ? rank - 1 : lowerHint;
        if (h >= 0 && !Out(x - s[h], radius, inclusive))
        {
            inside = h;
            int step = 1;
            while (true)
            {
                int probe = h - step;
                if (probe < 0)
                {
                    outside = -1;
                    break;
                }

                if (Out(x - s[probe], radius, inclusive))
                {
                    outside = probe;
                    break;
                }

                inside = probe;
                step <<= 1;
            }
        }
        else
        {
            outside = h;
            int step = 1;
            while (true)
            {
                int probe = h + step;
                if (probe >= rank)
                {
                    inside = rank;
                    break;
                }

                if (!Out(x - s[probe], radius, inclusive))
                {
                    inside = probe;
                    break;
                }

                outside = probe;
                step <<= 1;
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

        int lower = outside;
        upperHint = upper;
        lowerHint = lower;
        return upper - lower - 2; // (lower, upper) holds the row's own rank
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

        double[] s = _sorted;
        int n = s.Length;

        // Upper: the first index u in [0, n] whose value is out above (s[u] - x beyond the radius); a prefix is not.
        int inside, outside;
        int h = Math.Clamp(upperHint, 0, n);
        if (h < n && !Out(s[h] - value, radius, inclusive))
        {
            inside = h;
            outside = n;
            for (int step = 1; h + step < n; step <<= 1)
            {
                if (Out(s[h + step] - value, radius, inclusive))
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
            inside = -1;
            for (int step = 1; h - step >= 0; step <<= 1)
            {
                if (!Out(s[h - step] - value, radius, inclusive))
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
            if (Out(s[mid] - value, radius, inclusive))
            {
                outside = mid;
            }
            else
            {
                inside = mid;
            }
        }

        int upper = outside;

        // Lower: the last index l in [-1, n) whose value is out below (x - s[l] beyond the radius); a suffix is not.
        h = Math.Clamp(lowerHint, -1, n - 1);
        if (h >= 0 && !Out(value - s[h], radius, inclusive))
        {
            inside = h;
            outside = -1;
            for (int step = 1; h - step >= 0; step <<= 1)
            {
                if (Out(value - s[h - step], radius, inclusive))
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
            inside = n;
            for (int step = 1; h + step < n; step <<= 1)
            {
                if (!Out(value - s[h + step], radius, inclusive))
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
            if (Out(value - s[mid], radius, inclusive))
            {
                outside = mid;
            }
            else
            {
                inside = mid;
            }
        }

        int lower = outside;
        upperHint = upper;
        lowerHint = lower;
        return upper - lower - 2; // (lower, upper) holds the values within the radius, the row's own included
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool Out(double difference, double radius, bool inclusive) =>
        inclusive ? difference > radius : difference >= radius;
}
