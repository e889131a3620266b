namespace Shannon.Estimators.Continuous;

/// <summary>Statistics of sample columns shared by the continuous estimators: mean and spread, binary scale, ties and
/// coincident rows, and standard normal draws.</summary>
internal static class ColumnStatistics
{
    /// <summary>2^400: magnitudes above it are rescaled before sums, squares and distances.</summary>
    public static readonly double ComfortHigh = Math.ScaleB(1.0, 400);

    /// <summary>2^-400: magnitudes below it are rescaled likewise.</summary>
    public static readonly double ComfortLow = Math.ScaleB(1.0, -400);

    /// <summary>
    /// The mean and population standard deviation, computed on the column scaled by a power of two that brings its
    /// largest magnitude near 1 (exact: a power-of-two scaling changes no digit), so values near +-1e308 do not overflow
    /// the sums and values near 1e-300 do not underflow the squares. For columns in the ordinary range the result is
    /// bit for bit the plain two-pass formula's.
    /// </summary>
    public static (double Mean, double StdDev) MeanStdDev(ReadOnlySpan<double> c)
    {
        int e = ScaleExponent(c);
        double sum = 0;
        for (int i = 0; i < c.Length; i++)
        {
            sum += Math.ScaleB(c[i], -e);
        }

        double mean = sum / c.Length;
        double ss = 0;
        for (int i = 0; i < c.Length; i++)
        {
            double d = Math.ScaleB(c[i], -e) - mean;
            ss += d * d;
        }

        return (Math.ScaleB(mean, e), Math.ScaleB(Math.Sqrt(ss / c.Length), e));
    }

    /// <summary>
    /// The binary exponent e with which c * 2^-e has its largest magnitude in [1, 2), or 0 when the column already lies
    /// in [2^-400, 2^400] (no rescaling: ordinary data keep their bits). Used to keep sums, squares and distances of
    /// extreme columns (near +-1e308 or 1e-300) finite and normal.
    /// </summary>
    public static int ScaleExponent(ReadOnlySpan<double> c)
    {
        return ScaleExponentCore(c);
    }

    private static int ScaleExponentCore(ReadOnlySpan<double> c)
    {
        double largest = 0;
        for (int i = 0; i < c.Length; i++)
        {
            double a = Math.Abs(c[i]);
            if (a > largest)
            {
                largest = a;
            }
        }

        if (largest == 0 || (largest >= ComfortLow && largest <= ComfortHigh))
        {
            return 0;
        }

        return Math.ILogB(largest);
    }

    /// <summary>One binary exponent for all <paramref name="columns"/> (that of the largest magnitude; see <see cref="ScaleExponent"/>).</summary>
    public static int CommonScaleExponent(double[][] columns)
    {
        double largest = 0;
        foreach (double[] c in columns)
        {
            foreach (double v in c)
            {
                largest = Math.Max(largest, Math.Abs(v));
            }
        }

        return ScaleExponent([largest]);
    }

    /// <summary>The columns times 2^-e (exact; the same arrays when e = 0).</summary>
    public static double[][] ScaleColumns(double[][] columns, int e)
    {
        if (e == 0)
        {
            return columns;
        }

        var result = new double[columns.Length][];
        for (int j = 0; j < columns.Length; j++)
        {
            result[j] = columns[j].Select(v => Math.ScaleB(v, -e)).ToArray();
        }

        return result;
    }

    /// <summary>A standard normal deviate by the Box-Muller transform (deterministic for a seeded <see cref="Random"/>).</summary>
    public static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>The number of values that repeat an earlier value of their column, summed over columns.</summary>
    public static int CountTies(Samples samples)
    {
        int total = 0;
        foreach (double[] column in samples.Columns)
        {
            double[] sorted = (double[])column.Clone();
            Array.Sort(sorted);
            for (int i = 1; i < sorted.Length; i++)
            {
                if (sorted[i] == sorted[i - 1])
                {
                    total++;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// For each row, the number of other rows equal to it in every one of <paramref name="columns"/> (its distance-0
    /// neighbours in any norm), by a lexicographic sort of the rows: O(N log N d).
    /// </summary>
    public static int[] CoincidentCounts(double[][] columns) => CoincidentCounts(columns, out _);

    /// <summary>As <see cref="CoincidentCounts(double[][])"/>, also giving each row's group: the smallest row equal to it.</summary>
    public static int[] CoincidentCounts(double[][] columns, out int[] representative)
    {
        int n = columns[0].Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Comparison<int> compare = (a, b) =>
        {
            foreach (double[] c in columns)
            {
                int r = c[a].CompareTo(c[b]);
                if (r != 0)
                {
                    return r;
                }
            }

            return a.CompareTo(b);
        };
        Array.Sort(order, compare);
        var counts = new int[n];
        representative = new int[n];
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && SameRow(columns, order[start], order[end]))
            {
                end++;
            }

            for (int t = start; t < end; t++)
            {
                counts[order[t]] = end - start - 1;
                representative[order[t]] = order[start]; // the sort breaks ties by row: the smallest row comes first
            }

            start = end;
        }

        return counts;
    }

    private static bool SameRow(double[][] columns, int a, int b)
    {
        foreach (double[] c in columns)
        {
            if (c[a] != c[b])
            {
                return false;
            }
        }

        return true;
    }
}
