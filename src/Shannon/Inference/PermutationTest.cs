using System.Globalization;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;

namespace Shannon.Inference;

/// <summary>Options of <see cref="PermutationTest"/>.</summary>
public sealed record PermutationTestOptions
{
    /// <summary>The defaults: 999 permutations, seed 0.</summary>
    public static PermutationTestOptions Default { get; } = new();

    /// <summary>The number of permutations B (&gt;= 1). With B = 999 the smallest p-value is 0.001.</summary>
    public int Permutations { get; init; } = 999;

    /// <summary>The seed of the shuffles; the same seed gives the same p-value.</summary>
    public int Seed { get; init; }

    /// <summary>The most permutations computed at once by <see cref="Resampling"/> (-1: all cores); the p-value does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>The result of a permutation test.</summary>
/// <param name="Observed">The statistic on the data.</param>
/// <param name="PValue">(n_ge + 1)/(B + 1): never 0, exact (valid) under exchangeability (Phipson &amp; Smyth 2010).</param>
/// <param name="Permutations">B.</param>
/// <param name="CountAtLeast">n_ge: permuted statistics &gt;= the observed one (within 1e-12 relative, so rounding never hides a tie).</param>
/// <param name="NullMean">The mean of the permuted statistics (the estimator's value under independence), in the unit.</param>
/// <param name="NullStandardDeviation">Their standard deviation, in the unit.</param>
public sealed record PermutationTestResult(InformationEstimate Observed, double PValue, int Permutations, int CountAtLeast, double NullMean, double NullStandardDeviation);

/// <summary>
/// Permutation tests of independence for label columns: I(X;Y) with X shuffled against Y, and conditional
/// independence I(X;Y|Z) with X shuffled only within each stratum of Z (so the X-Z and Y-Z dependence is kept).
/// Seeded Fisher-Yates shuffles, O(B N). Replicate b shuffles a fresh copy of X with its own generator,
/// System.Random(<see cref="ReplicateSeeds.Of"/>(seed, b)), so any range of replicates can be computed anywhere
/// (<see cref="MutualInformationNull"/>) and the pieces put together (<see cref="FromNull"/>) give exactly the
/// single-run result.
/// </summary>
public static class PermutationTest
{
    /// <summary>Tests X independent of Y with the MI estimated by <paramref name="estimator"/>.</summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column, the same length.</param>
    /// <param name="estimator">The entropy estimator behind the MI.</param>
    /// <param name="unit">The unit of the statistics.</param>
    /// <param name="options">Permutations and seed (null: defaults).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The observed MI and its p-value.</returns>
    public static PermutationTestResult MutualInformation(DiscreteVariable x, DiscreteVariable y, IEntropyEstimator estimator, InformationUnit unit, PermutationTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        var o = Validate(options);
        var observed = DiscreteInformation.MutualInformation(x, y, estimator, unit);
        return FromNull(observed, MutualInformationNull(x, y, estimator, unit, o.Seed, 0, o.Permutations, cancellationToken));
    }

    /// <summary>
    /// The permuted statistics of replicates <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1
    /// of <see cref="MutualInformation(DiscreteVariable, DiscreteVariable, IEntropyEstimator, InformationUnit, PermutationTestOptions?, CancellationToken)"/> with this seed: the same numbers wherever and in whatever pieces they are computed.
    /// </summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column, the same length.</param>
    /// <param name="estimator">The entropy estimator behind the MI.</param>
    /// <param name="unit">The unit of the statistics.</param>
    /// <param name="seed">The seed of the whole test.</param>
    /// <param name="first">The first replicate (&gt;= 0).</param>
    /// <param name="count">How many replicates (&gt;= 1).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The permuted MI of each replicate, in replicate order.</returns>
    public static double[] MutualInformationNull(DiscreteVariable x, DiscreteVariable y, IEntropyEstimator estimator, InformationUnit unit, int seed, int first, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        ReplicateSeeds.CheckRange(first, count);
        var values = new double[count];
        var codes = new int[x.Length];
        for (int b = 0; b < count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            x.Codes.CopyTo(codes);
            Shuffle(codes, new Random(ReplicateSeeds.Of(seed, first + b)));
            values[b] = DiscreteInformation.MutualInformation(DiscreteVariable.Wrap(codes, x.LevelCount, x.Levels), y, estimator, unit).Value;
        }

        return values;
    }

    /// <summary>
    /// The permutation test of I(X;Y) (or of I(X;Y|Z), shuffling within the strata of Z, when <paramref name="z"/> is
    /// non-empty) of groups of a count table: the shape of <see cref="Bootstrap.MutualInformation(CountTable, int[], int[], int[], IEntropyEstimator, InformationUnit, BootstrapOptions?, CancellationToken)"/>.
    /// The table is expanded to samples in its cell order (<see cref="CountTable.ToSamples"/>) and each group joined by
    /// <see cref="DiscreteVariable.Joint"/>, so the answer depends on the counts only, not on the order of the rows.
    /// </summary>
    /// <param name="table">The count table.</param>
    /// <param name="x">The variables of X.</param>
    /// <param name="y">The variables of Y.</param>
    /// <param name="z">The variables of Z (empty for MI).</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="options">Permutations and seed (null: defaults).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The observed value and its p-value.</returns>
    public static PermutationTestResult MutualInformation(CountTable table, int[] x, int[] y, int[] z, IEntropyEstimator estimator, InformationUnit unit,
        PermutationTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(z);
        var samples = table.ToSamples();
        var xv = DiscreteVariable.Joint(samples, x);
        var yv = DiscreteVariable.Joint(samples, y);
        return z.Length == 0
            ? MutualInformation(xv, yv, estimator, unit, options, cancellationToken)
            : ConditionalMutualInformation(xv, yv, DiscreteVariable.Joint(samples, z), estimator, unit, options, cancellationToken);
    }

    /// <summary>Tests X independent of Y given Z, shuffling X within each stratum of Z.</summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column.</param>
    /// <param name="z">The conditioning column.</param>
    /// <param name="estimator">The entropy estimator behind the CMI.</param>
    /// <param name="unit">The unit of the statistics.</param>
    /// <param name="options">Permutations and seed (null: defaults).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The observed CMI and its p-value.</returns>
    public static PermutationTestResult ConditionalMutualInformation(DiscreteVariable x, DiscreteVariable y, DiscreteVariable z, IEntropyEstimator estimator, InformationUnit unit, PermutationTestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        Preconditions.SameLength(z.Length, x.Length, nameof(z), nameof(x));
        var o = Validate(options);
        var observed = DiscreteInformation.ConditionalMutualInformation(x, y, z, estimator, unit);
        return FromNull(observed, ConditionalMutualInformationNull(x, y, z, estimator, unit, o.Seed, 0, o.Permutations, cancellationToken));
    }

    /// <summary>The permuted statistics of a range of replicates of <see cref="ConditionalMutualInformation"/> (see <see cref="MutualInformationNull"/>).</summary>
    /// <param name="x">The first column.</param>
    /// <param name="y">The second column.</param>
    /// <param name="z">The conditioning column.</param>
    /// <param name="estimator">The entropy estimator behind the CMI.</param>
    /// <param name="unit">The unit of the statistics.</param>
    /// <param name="seed">The seed of the whole test.</param>
    /// <param name="first">The first replicate (&gt;= 0).</param>
    /// <param name="count">How many replicates (&gt;= 1).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The permuted CMI of each replicate, in replicate order.</returns>
    public static double[] ConditionalMutualInformationNull(DiscreteVariable x, DiscreteVariable y, DiscreteVariable z, IEntropyEstimator estimator, InformationUnit unit, int seed, int first, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(estimator);
        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        Preconditions.SameLength(z.Length, x.Length, nameof(z), nameof(x));
        ReplicateSeeds.CheckRange(first, count);

        // Indices of each stratum of Z.
        var strata = new List<int>[z.LevelCount];
        var zc = z.Codes;
        for (int i = 0; i < zc.Length; i++)
        {
            (strata[zc[i]] ??= []).Add(i);
        }

        var values = new double[count];
        var codes = new int[x.Length];
        for (int b = 0; b < count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            x.Codes.CopyTo(codes);
            var rng = new Random(ReplicateSeeds.Of(seed, first + b));
            foreach (var members in strata)
            {
                if (members is null)
                {
                    continue;
                }

                for (int i = members.Count - 1; i > 0; i--)
                {
                    int j = rng.Next(i + 1);
                    (codes[members[i]], codes[members[j]]) = (codes[members[j]], codes[members[i]]);
                }
            }

            values[b] = DiscreteInformation.ConditionalMutualInformation(DiscreteVariable.Wrap(codes, x.LevelCount, x.Levels), y, z, estimator, unit).Value;
        }

        return values;
    }

    /// <summary>
    /// The test from the observed statistic and every permuted one, in replicate order (as <see cref="MutualInformationNull"/>
    /// returns them): p = (n_ge + 1)/(B + 1) with B the number of permuted statistics.
    /// </summary>
    /// <param name="observed">The statistic on the data.</param>
    /// <param name="nullStatistics">The permuted statistics (at least one).</param>
    /// <returns>The test.</returns>
    public static PermutationTestResult FromNull(InformationEstimate observed, ReadOnlySpan<double> nullStatistics)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (nullStatistics.Length < 1)
        {
            throw Preconditions.Error(nameof(nullStatistics), "non-empty", "no statistics");
        }

        var (pValue, atLeast, mean, sd) = Summarise(observed.Value, nullStatistics);
        return new PermutationTestResult(observed, pValue, nullStatistics.Length, atLeast, mean, sd);
    }

    /// <summary>
    /// The one rule that turns a null distribution into a test, for every permutation test of the library
    /// (<see cref="FromNull"/>, <see cref="Resampling.PermutationTest"/>, <see cref="LocalPermutationTest"/>): n_ge counts
    /// the permuted statistics &gt;= the observed one less 1e-12 relative (so rounding never hides a tie),
    /// p = (n_ge + 1)/(B + 1) (Phipson &amp; Smyth 2010); the null's mean is their sum over B, summed in replicate order,
    /// and its standard deviation the two-pass sqrt(sum (v - mean)^2 / (B - 1)) (0 for B = 1), which, unlike the
    /// sum of squares less B mean^2, loses no digits to cancellation when the spread is small beside the mean
    /// (Chan, Golub &amp; LeVeque 1983, "Algorithms for computing the sample variance", Amer. Statist. 37(3)).
    /// </summary>
    internal static (double PValue, int CountAtLeast, double Mean, double StandardDeviation) Summarise(double observed, ReadOnlySpan<double> nullStatistics)
    {
        double threshold = observed - (1e-12 * Math.Max(1, Math.Abs(observed)));
        int atLeast = 0;
        double sum = 0;
        foreach (double v in nullStatistics)
        {
            atLeast += v >= threshold ? 1 : 0;
            sum += v;
        }

        int b = nullStatistics.Length;
        double mean = sum / b;
        double squares = 0;
        foreach (double v in nullStatistics)
        {
            squares += (v - mean) * (v - mean);
        }

        double sd = b > 1 ? Math.Sqrt(squares / (b - 1)) : 0;
        return ((atLeast + 1.0) / (b + 1.0), atLeast, mean, sd);
    }

    internal static PermutationTestOptions Validate(PermutationTestOptions? options)
    {
        var o = options ?? PermutationTestOptions.Default;
        if (o.Permutations < 1)
        {
            throw Preconditions.OutOfRange("Permutations", ">= 1", o.Permutations.ToString(CultureInfo.InvariantCulture));
        }

        return o;
    }

    private static void Shuffle(int[] values, Random rng)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
