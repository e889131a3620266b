using System.Globalization;

namespace Shannon.Estimators.Continuous;

/// <summary>Preprocessing, diagnostics and results shared by the continuous estimators (checks: <see cref="Preconditions"/>;
/// statistics: <see cref="ColumnStatistics"/> and <see cref="Lattice"/>; neighbour counts: <see cref="MarginalCounter"/>).</summary>
internal static class ContinuousInput
{
    /// <summary>Column standard deviations more than this factor apart trigger a warning.</summary>
    public const double ScaleRatioWarning = 1e3;

    /// <summary>Points per parallel work item: large enough to amortise scheduling, small enough to balance.</summary>
    public const int ChunkSize = 2048;

    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Text(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    public static ParallelOptions Parallelism(int maxDegreeOfParallelism) => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };

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
            var (mean, sd) = ColumnStatistics.MeanStdDev(c);
            var z = new double[c.Length];
            if (standardize)
            {
                // In the column's own binary scale (exact), so neither c - mean nor the division overflows or underflows:
                // the z-scores of 1e-300 * c and of c are the same numbers.
                int e = ColumnStatistics.ScaleExponent(c);
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
                    z[i] += scale * ColumnStatistics.StandardNormal(random!);
                }
            }

            result[j] = z;
        }

        return result;
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
                double sd = ColumnStatistics.MeanStdDev(c).StdDev;
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
}
