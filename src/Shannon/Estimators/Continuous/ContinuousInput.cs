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

    public static (double Mean, double StdDev) MeanStdDev(ReadOnlySpan<double> c)
    {
        double sum = 0;
        for (int i = 0; i < c.Length; i++)
        {
            sum += c[i];
        }

        double mean = sum / c.Length;
        double ss = 0;
        for (int i = 0; i < c.Length; i++)
        {
            double d = c[i] - mean;
            ss += d * d;
        }

        return (mean, Math.Sqrt(ss / c.Length));
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
                for (int i = 0; i < c.Length; i++)
                {
                    z[i] = (c[i] - mean) / sd;
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
            warnings.Add(standardized
                ? $"Column standard deviations differ by a factor of {Text(largest / smallest)} before standardising; the estimate is computed on z-scored columns."
                : $"Column standard deviations differ by a factor of {Text(largest / smallest)} and the columns were not standardised: the max-norm neighbour search is dominated by the widest column.");
        }
    }

    public static ContinuousEstimate Result(double nats, InformationUnit unit, int count, string estimator, int? k, int ties, int? bins, List<string> warnings) =>
        new(InformationUnits.FromNats(nats, unit), unit, count, estimator, k, ties, bins, warnings.AsReadOnly());

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
