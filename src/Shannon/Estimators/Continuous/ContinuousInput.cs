using System.Globalization;
using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>Checks, preprocessing and diagnostics shared by the continuous estimators.</summary>
internal static class ContinuousInput
{
    /// <summary>Column standard deviations more than this factor apart trigger a warning.</summary>
    public const double ScaleRatioWarning = 1e3;

    /// <summary>Points per parallel work item: large enough to amortise scheduling, small enough to balance.</summary>
    public const int ChunkSize = 2048;

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static void CheckK(int k)
    {
        if (k < 1)
        {
            throw Preconditions.OutOfRange("k", ">= 1", Text(k), "k is the number of nearest neighbours.");
        }
    }

    public static void CheckKBelowCount(int k, int count)
    {
        if (k >= count)
        {
            throw Preconditions.OutOfRange("k", $"below the sample count N = {Text(count)}", Text(k),
                "Each point needs k other points; lower k or add samples.");
        }
    }

    public static void CheckJitter(double jitter) => Preconditions.NonNegativeFinite(jitter, "jitter");

    public static void CheckParallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw Preconditions.OutOfRange("maxDegreeOfParallelism", "-1 (all cores) or >= 1", Text(maxDegreeOfParallelism));
        }
    }

    public static void CheckNorm(DistanceNorm norm)
    {
        if (norm is not (DistanceNorm.Maximum or DistanceNorm.Euclidean))
        {
            throw Preconditions.OutOfRange("norm", "Maximum or Euclidean", Text((int)norm));
        }
    }

    /// <summary>The checks every pairwise estimator of I(X;Y) on real columns makes: non-null samples, a defined unit,
    /// equal sample counts and no constant column (parameters named x, y and unit).</summary>
    public static void CheckNonConstantPair(Samples x, Samples y, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Preconditions.Unit(unit, nameof(unit));
        CheckSameCount(y, x, nameof(y), nameof(x));
        CheckNotConstant(x, nameof(x));
        CheckNotConstant(y, nameof(y));
    }

    public static void CheckSameCount(Samples samples, Samples first, string name, string firstName)
    {
        if (samples.Count != first.Count)
        {
            throw Preconditions.Error(name, $"the same number of samples as `{firstName}` ({Text(first.Count)})", $"{Text(samples.Count)} samples");
        }
    }

    /// <summary>Throws when a column holds a single repeated value (zero variance).</summary>
    public static void CheckNotConstant(Samples samples, string name)
    {
        for (int j = 0; j < samples.Dimension; j++)
        {
            ReadOnlySpan<double> c = samples.Column(j);
            double first = c[0];
            bool constant = true;
            for (int i = 1; i < c.Length; i++)
            {
                if (c[i] != first)
                {
                    constant = false;
                    break;
                }
            }

            if (constant)
            {
                throw Preconditions.Error(name, "non-constant in every column", $"column {Text(j)} equal to {Preconditions.Format(first)} in all {Text(c.Length)} samples",
                    "A constant variable carries no information; drop the column.");
            }
        }
    }

    public static ParallelOptions Parallelism(int maxDegreeOfParallelism) => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

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

    /// <summary>2^400: magnitudes above it are rescaled before sums, squares and distances.</summary>
    public static readonly double ComfortHigh = Math.ScaleB(1.0, 400);

    /// <summary>2^-400: magnitudes below it are rescaled likewise.</summary>
    public static readonly double ComfortLow = Math.ScaleB(1.0, -400);

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

    /// <summary>
    /// The columns the neighbour search sees: z-scored (population standard deviation) when asked, plus seeded
    /// Gaussian jitter of <paramref name="jitter"/> column standard deviations. Returns the stored arrays when neither applies.
    /// </summary>
    public static double[][] Prepare(Samples samples, bool standardize, double jitter, Random? random)
    {
        double[][] source = samples.Columns;
        if (!standardize && jitter == 0)
        {
            return source;
        }

        var result = new double[source.Length][];
        for (int j = 0; j < source.Length; j++)
        {
            double[] c = source[j];
            var (mean, sd) = MeanStdDev(c);
            var z = new double[c.Length];
            if (standardize)
            {
                // In the column's own binary scale (exact), so neither c - mean nor the division overflows or underflows:
                // the z-scores of 1e-300 * c and of c are the same numbers.
                int e = ScaleExponent(c);
                double m = Math.ScaleB(mean, -e), s = Math.ScaleB(sd, -e);
                for (int i = 0; i < c.Length; i++)
                {
                    z[i] = (Math.ScaleB(c[i], -e) - m) / s;
                }
            }
            else
            {
                c.CopyTo(z, 0);
            }

            if (jitter > 0)
            {
                double scale = jitter * (standardize ? 1.0 : sd);
                for (int i = 0; i < z.Length; i++)
                {
                    z[i] += scale * StandardNormal(random!);
                }
            }

            result[j] = z;
        }

        return result;
    }

    /// <summary>
    /// The step of the lattice a tied column lies on (the greatest common divisor of the gaps between its sorted distinct
    /// values, within 1e-6 of the smallest gap, and at least a twentieth of it), or 0 when the column has no ties or is
    /// not on a lattice. When a few float artefacts spoil the lattice (at most 5% of the rows, written with four or more
    /// decimals beyond the rest, as wine's one color_intensity of 9.899999 among values rounded to 0.01), the step is
    /// that of the others.
    /// </summary>
    public static double LatticeStep(double[] column)
    {
        double[] sorted = (double[])column.Clone();
        Array.Sort(sorted);
        var distinct = new List<double>(sorted.Length) { sorted[0] };
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[i - 1])
            {
                distinct.Add(sorted[i]);
            }
        }

        if (distinct.Count == sorted.Length || distinct.Count < 2)
        {
            return 0;
        }

        double smallest = double.PositiveInfinity;
        for (int i = 1; i < distinct.Count; i++)
        {
            double gap = distinct[i] - distinct[i - 1];
            if (!double.IsFinite(gap))
            {
                return 0; // values near +-1.8e308 whose gap overflows: no step to spread them over in doubles
            }

            smallest = Math.Min(smallest, gap);
        }

        if (!double.IsNormal(smallest))
        {
            return 0; // a subnormal step: noise over it is not representable
        }

        // Strays can defeat the exact step (9.899999 among hundredths: no common divisor) or shrink it to the binary
        // spacing of doubles (0.30000000000000004 beside 0.3 among tenths): the larger of the two rules' steps.
        return Math.Max(GreatestCommonStep(distinct, smallest), StepWithoutStrays(sorted, distinct));
    }

    /// <summary>
    /// The lattice of the values with at most three decimals beyond those that cover 95% of the rows, when the others
    /// (float artefacts such as 9.899999 or 0.30000000000000004) are what defeat the exact step; 0 when there are none.
    /// </summary>
    private static double StepWithoutStrays(double[] sorted, List<double> distinct)
    {
        // The decimals of each distinct value, weighted by its rows (sorted: equal values are adjacent).
        var decimals = new int[distinct.Count];
        var rows = new int[distinct.Count];
        for (int i = 0, d = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i] != sorted[i - 1])
            {
                d++;
            }

            rows[d]++;
        }

        int maximum = 0;
        for (int d = 0; d < distinct.Count; d++)
        {
            decimals[d] = Decimals(distinct[d]);
            maximum = Math.Max(maximum, decimals[d]);
        }

        // The fewest decimals that cover 95% of the rows.
        var rowsWith = new long[maximum + 1];
        for (int d = 0; d < distinct.Count; d++)
        {
            rowsWith[decimals[d]] += rows[d];
        }

        int most = 0;
        long covered = rowsWith[0], needed = (long)Math.Ceiling(0.95 * sorted.Length);
        while (covered < needed)
        {
            covered += rowsWith[++most];
        }

        // A stray is a float artefact, four or more decimals beyond that: 0.906 among hundredths is a finer grid
        // (kept, the step is 0.002), 9.899999 among hundredths is 9.9 printed from a float.
        int finest = most + 3;
        if (finest >= maximum)
        {
            return 0; // no artefacts, or more than 5% of the rows: no strays to set aside
        }

        var kept = distinct.Where((v, d) => decimals[d] <= finest).ToList();
        if (kept.Count < 2)
        {
            return 0;
        }

        double smallest = double.PositiveInfinity;
        for (int i = 1; i < kept.Count; i++)
        {
            smallest = Math.Min(smallest, kept[i] - kept[i - 1]);
        }

        return double.IsNormal(smallest) ? GreatestCommonStep(kept, smallest) : 0;
    }

    /// <summary>The decimals of a value's shortest round-trip form (9.899999: 6; 1E-07: 7; 1.5E+20: 0).</summary>
    private static int Decimals(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOfAny(['E', 'e']);
        string mantissa = e < 0 ? text : text[..e];
        int exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        int fraction = point < 0 ? 0 : mantissa.Length - point - 1;
        return Math.Max(0, fraction - exponent);
    }

    /// <summary>The approximate greatest common divisor of the gaps between sorted distinct values, or 0.</summary>
    private static double GreatestCommonStep(List<double> distinct, double smallest)
    {
        // The step is the (approximate, Euclid's) greatest common divisor of the gaps: values rounded to 0.01 with one
        // rounded to 0.002 lie on the 0.002 lattice. A divisor far below the smallest gap means the gaps have no common
        // step (irrational ratios, or a stray value such as 9.899999): not a lattice.
        double tolerance = 1e-6 * smallest;
        double step = smallest;
        for (int i = 1; i < distinct.Count && step >= smallest / 20; i++)
        {
            double a = Math.Max(step, distinct[i] - distinct[i - 1]), b = Math.Min(step, distinct[i] - distinct[i - 1]);
            while (b > tolerance)
            {
                double r = a % b;
                if (r > b - tolerance)
                {
                    r = 0;
                }

                (a, b) = (b, r);
            }

            step = a;
        }

        if (step < smallest / 20 || !double.IsFinite(distinct[^1] + step) || !double.IsFinite(distinct[0] - step))
        {
            return 0;
        }

        return step;
    }

    /// <summary>
    /// Uniform dequantisation: each column on a lattice of step s (<see cref="LatticeStep"/>) gets seeded noise
    /// U(-s/2, s/2), which keeps every information quantity of the lattice variables exactly (X + U is an invertible
    /// function of (X, U), U independent of everything); other columns are returned as they are.
    /// </summary>
    public static Samples Dequantize(Samples samples, Random random, ref int dequantizedColumns)
    {
        var columns = new double[samples.Dimension][];
        bool any = false;
        for (int j = 0; j < samples.Dimension; j++)
        {
            double[] c = samples.Columns[j];
            double step = LatticeStep(c);
            if (step > 0 && double.IsFinite(step))
            {
                any = true;
                dequantizedColumns++;
                var d = new double[c.Length];
                for (int i = 0; i < c.Length; i++)
                {
                    d[i] = c[i] + step * (random.NextDouble() - 0.5);
                }

                columns[j] = d;
            }
            else
            {
                columns[j] = c;
            }
        }

        return any ? Samples.FromColumns(columns) : samples;
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

    /// <summary>
    /// The warning for tied input: what was done about them (jitter, or the named tie rule at how many points).
    /// </summary>
    public static void WarnTies(List<string> warnings, int ties, double jitter, string rule, int tiedPoints)
    {
        if (ties == 0)
        {
            return;
        }

        if (jitter > 0)
        {
            WarnTies(warnings, ties, jitter);
        }
        else
        {
            warnings.Add($"{Text(ties)} tied values in the input (discrete or rounded data?); {Text(tiedPoints)} points had their k-th neighbour at distance 0 "
                + $"and were counted by the tie rule ties: {rule} instead of the plain k-NN formula.");
        }
    }

    public static void WarnTies(List<string> warnings, int ties, double jitter)
    {
        if (ties > 0)
        {
            warnings.Add(jitter > 0
                ? $"{Text(ties)} tied values in the input; jitter of {Text(jitter)} standard deviations was added to break them."
                : $"{Text(ties)} tied values in the input: zero neighbour distances make k-NN counts unreliable (discrete or rounded data?). Consider jitter (e.g. 1e-10) or a discrete estimator.");
        }
    }

    /// <summary>Warns when column standard deviations (before standardising) differ by more than <see cref="ScaleRatioWarning"/>.</summary>
    public static void WarnScales(List<string> warnings, bool standardized, params Samples[] variables)
    {
        double smallest = double.PositiveInfinity, largest = 0;
        foreach (Samples s in variables)
        {
            foreach (double[] c in s.Columns)
            {
                double sd = MeanStdDev(c).StdDev;
                smallest = Math.Min(smallest, sd);
                largest = Math.Max(largest, sd);
            }
        }

        if (largest > ScaleRatioWarning * smallest)
        {
            // The ratio of 1e308 to 1e-300 overflows a double: say it as a power of ten, never "Infinity".
            double ratio = largest / smallest;
            string factor = double.IsFinite(ratio) ? Text(ratio) : string.Create(CultureInfo.InvariantCulture, $"10^{Math.Log10(largest) - Math.Log10(smallest):0.#}");
            warnings.Add(standardized
                ? $"Column standard deviations differ by a factor of {factor} before standardising; the estimate is computed on z-scored columns."
                : $"Column standard deviations differ by a factor of {factor} and the columns were not standardised: the max-norm neighbour search is dominated by the widest column.");
        }
    }

    public static ContinuousEstimate Result(double nats, InformationUnit unit, int count, string estimator, int? k, int ties, int? bins, List<string> warnings) =>
        new(InformationUnits.FromNats(nats, unit), unit, count, estimator, k, ties, bins, warnings.AsReadOnly());

    /// <summary>A k-NN result with its tie rule (<c>"jitter"</c> when jitter was added) and the points it applied to.</summary>
    public static ContinuousEstimate Result(double nats, InformationUnit unit, int count, string estimator, int k, int ties, List<string> warnings, string rule, double jitter, int tiedPoints) =>
        Result(nats, unit, count, estimator, k, ties, null, warnings) with { TieRule = jitter > 0 ? "jitter" : rule, TiedPointCount = tiedPoints };

    /// <summary>The tie rule's name given how many columns were dequantised, and the warning that says so.</summary>
    public static string TieRule(string rule, int dequantizedColumns, List<string> warnings)
    {
        if (dequantizedColumns == 0)
        {
            return rule;
        }

        warnings.Add($"{Text(dequantizedColumns)} columns on a lattice were dequantised (seeded uniform noise over one lattice step, which keeps the information of the lattice values exactly); ties: dequantize.");
        return "dequantize+" + rule;
    }

    /// <summary>Concatenates the columns of several variables into one point set.</summary>
    public static double[][] Join(params double[][][] parts)
    {
        var list = new List<double[]>();
        foreach (double[][] p in parts)
        {
            list.AddRange(p);
        }

        return [.. list];
    }

    /// <summary>
    /// A radius counter over a marginal space: sorted arrays for one column, a k-d tree for several.
    /// </summary>
    public sealed class MarginalCounter
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

        /// <summary>The count of other rows within the radius; <paramref name="hint"/> carries the previous query's
        /// boundaries (start with <see cref="Hint.None"/>) and only changes the speed, never the count.</summary>
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

        public int CountWithin(int row, double radius, bool inclusive, ref Hint hint) =>
            _sorted is not null
                ? _sorted.CountWithinUnchecked(row, radius, inclusive, ref hint.Upper, ref hint.Lower)
                : _tree!.CountWithinUnchecked(row, radius, inclusive);
    }

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
