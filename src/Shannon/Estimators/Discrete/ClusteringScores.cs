namespace Shannon.Estimators.Discrete;

/// <summary>How <see cref="ClusteringScores"/> normalises mutual information.</summary>
public enum MutualInformationNormalization
{
    /// <summary>I / ((H(X) + H(Y))/2): scikit-learn's default "arithmetic".</summary>
    Arithmetic = 1,

    /// <summary>I / sqrt(H(X) H(Y)): scikit-learn's "geometric".</summary>
    Geometric = 2,

    /// <summary>I / min(H(X), H(Y)): scikit-learn's "min".</summary>
    Min = 3,

    /// <summary>I / max(H(X), H(Y)): scikit-learn's "max".</summary>
    Max = 4,

    /// <summary>I / H(X, Y) (not in scikit-learn; Kvalseth's "joint" normalisation). Not defined for adjusted MI.</summary>
    Joint = 5,
}

/// <summary>
/// Normalized and adjusted mutual information of two labellings, exactly as scikit-learn 1.2 defines them
/// (<c>normalized_mutual_info_score</c>, <c>adjusted_mutual_info_score</c>): plug-in MI and entropies in nats;
/// both labellings constant gives 1; NMI is 0 when the MI is 0; AMI = (I - E[I]) / (avg(H(X), H(Y)) - E[I]) with E[I]
/// the expected MI under the hypergeometric (fixed marginals) model (Vinh, Epps &amp; Bailey 2010, eq. 24a), and the
/// denominator kept at least machine epsilon away from 0 with its sign. Scores are dimensionless.
/// </summary>
public static class ClusteringScores
{
    /// <summary>numpy's finfo(float64).eps, 2^-52, which scikit-learn uses to keep the AMI denominator away from 0.</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Normalized mutual information.</summary>
    /// <param name="x">The first labelling.</param>
    /// <param name="y">The second labelling, the same length.</param>
    /// <param name="normalization">The mean of the entropies that divides the MI.</param>
    /// <returns>NMI in [0, 1].</returns>
    public static double NormalizedMutualInformation(DiscreteVariable x, DiscreteVariable y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        return NormalizedMutualInformation(CountTable.FromSamples(x, y), [0], [1], normalization);
    }

    /// <summary>Normalized mutual information between two groups of variables of a count table.</summary>
    /// <param name="table">The count table.</param>
    /// <param name="x">The variables of X.</param>
    /// <param name="y">The variables of Y.</param>
    /// <param name="normalization">The mean of the entropies that divides the MI.</param>
    /// <returns>NMI.</returns>
    public static double NormalizedMutualInformation(CountTable table, ReadOnlySpan<int> x, ReadOnlySpan<int> y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckNormalization(normalization, allowJoint: true);
        DiscreteInformation.Disjoint(table, x, y, nameof(y));
        var c = table.Contingency(x, y);
        if (c.RowTotals.Length == 1 && c.ColumnTotals.Length == 1)
        {
            return 1.0;
        }

        double mi = MutualInformationNats(c);
        if (mi == 0)
        {
            return 0.0;
        }

        double hx = EntropyNats(c.RowTotals), hy = EntropyNats(c.ColumnTotals);
        double normalizer = normalization == MutualInformationNormalization.Joint ? EntropyNats(c.Counts) : Average(hx, hy, normalization);
        return mi / normalizer;
    }

    /// <summary>Adjusted mutual information (chance-corrected).</summary>
    /// <param name="x">The first labelling.</param>
    /// <param name="y">The second labelling, the same length.</param>
    /// <param name="normalization">The mean of the entropies (not <see cref="MutualInformationNormalization.Joint"/>).</param>
    /// <returns>AMI: 1 for identical labellings, about 0 for independent ones; may be negative.</returns>
    public static double AdjustedMutualInformation(DiscreteVariable x, DiscreteVariable y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        return AdjustedMutualInformation(CountTable.FromSamples(x, y), [0], [1], normalization);
    }

    /// <summary>Adjusted mutual information between two groups of variables of a count table.</summary>
    /// <param name="table">The count table.</param>
    /// <param name="x">The variables of X.</param>
    /// <param name="y">The variables of Y.</param>
    /// <param name="normalization">The mean of the entropies (not <see cref="MutualInformationNormalization.Joint"/>).</param>
    /// <returns>AMI.</returns>
    public static double AdjustedMutualInformation(CountTable table, ReadOnlySpan<int> x, ReadOnlySpan<int> y, MutualInformationNormalization normalization = MutualInformationNormalization.Arithmetic)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckNormalization(normalization, allowJoint: false);
        DiscreteInformation.Disjoint(table, x, y, nameof(y));
        var c = table.Contingency(x, y);
        if (c.RowTotals.Length == 1 && c.ColumnTotals.Length == 1)
        {
            return 1.0;
        }

        double mi = MutualInformationNats(c);
        double emi = ExpectedMutualInformationNats(c.RowTotals, c.ColumnTotals, table.Total);
        double normalizer = Average(EntropyNats(c.RowTotals), EntropyNats(c.ColumnTotals), normalization);
        double denominator = normalizer - emi;
        denominator = denominator < 0 ? Math.Min(denominator, -MachineEpsilon) : Math.Max(denominator, MachineEpsilon);
        return (mi - emi) / denominator;
    }

    /// <summary>
    /// The expected plug-in MI (nats) of two labellings with the given class sizes under random assignment
    /// (hypergeometric model, Vinh et al. 2010 eq. 24a). Terms more than e^-45 below the largest term of their cell are
    /// skipped (relative effect below 1e-17). O(rows * columns * spread).
    /// </summary>
    internal static double ExpectedMutualInformationNats(long[] a, long[] b, long n)
    {
        if (a.Length == 1 || b.Length == 1)
        {
            return 0;
        }

        double logN = Math.Log(n);
        double glnN = LogFactorial(n);
        double emi = 0;
        foreach (long ai in a)
        {
            foreach (long bj in b)
            {
                long start = Math.Max(1, ai + bj - n), end = Math.Min(ai, bj);
                double baseLog = LogFactorial(ai) + LogFactorial(bj) + LogFactorial(n - ai) + LogFactorial(n - bj) - glnN;
                double LogP(long nij) => baseLog - LogFactorial(nij) - LogFactorial(ai - nij) - LogFactorial(bj - nij) - LogFactorial(n - ai - bj + nij);
                double Term(long nij) => nij / (double)n * (logN + Math.Log(nij) - Math.Log(ai) - Math.Log(bj)) * Math.Exp(LogP(nij));

                // The hypergeometric mode, clamped to the support; sum outwards until the terms vanish.
                long mode = Math.Clamp((long)Math.Floor((ai + 1.0) * (bj + 1.0) / (n + 2.0)), start, end);
                double peak = LogP(mode);
                for (long nij = mode; nij <= end; nij++)
                {
                    if (LogP(nij) < peak - 45)
                    {
                        break;
                    }

                    emi += Term(nij);
                }

                for (long nij = mode - 1; nij >= start; nij--)
                {
                    if (LogP(nij) < peak - 45)
                    {
                        break;
                    }

                    emi += Term(nij);
                }
            }
        }

        return emi;
    }

    private static double LogFactorial(long k) => MathNet.Numerics.SpecialFunctions.GammaLn(k + 1.0);

    private static double MutualInformationNats((long[] RowTotals, long[] ColumnTotals, int[] Rows, int[] Columns, long[] Counts) c)
    {
        if (c.RowTotals.Length == 1 || c.ColumnTotals.Length == 1)
        {
            return 0;
        }

        double n = 0;
        foreach (long v in c.Counts)
        {
            n += v;
        }

        double mi = 0;
        for (int i = 0; i < c.Counts.Length; i++)
        {
            double nij = c.Counts[i];
            mi += nij / n * Math.Log(nij * n / ((double)c.RowTotals[c.Rows[i]] * c.ColumnTotals[c.Columns[i]]));
        }

        return mi;
    }

    private static double EntropyNats(long[] counts)
    {
        long total = 0;
        foreach (long c in counts)
        {
            total += c;
        }

        return CountSummary.PluginNats(counts, total);
    }

    private static double Average(double u, double v, MutualInformationNormalization normalization) => normalization switch
    {
        MutualInformationNormalization.Min => Math.Min(u, v),
        MutualInformationNormalization.Geometric => Math.Sqrt(u * v),
        MutualInformationNormalization.Arithmetic => (u + v) / 2,
        _ => Math.Max(u, v),
    };

    private static void CheckNormalization(MutualInformationNormalization normalization, bool allowJoint)
    {
        bool ok = Enum.IsDefined(normalization) && (allowJoint || normalization != MutualInformationNormalization.Joint);
        if (!ok)
        {
            throw Preconditions.OutOfRange(nameof(normalization),
                allowJoint ? "Arithmetic, Geometric, Min, Max or Joint" : "Arithmetic, Geometric, Min or Max (scikit-learn defines AMI for these)",
                normalization.ToString());
        }
    }
}
