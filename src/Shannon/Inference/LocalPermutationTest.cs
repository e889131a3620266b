using System.Globalization;
using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Inference;

/// <summary>Options of <see cref="LocalPermutationTest"/>.</summary>
public sealed record LocalPermutationTestOptions
{
    /// <summary>The defaults: 999 permutations, k_perm = 5 neighbours in Z, seed 0, all cores.</summary>
    public static LocalPermutationTestOptions Default { get; } = new();

    /// <summary>The number of permutations B (&gt;= 1). With B = 999 the smallest p-value is 0.001 (Runge 2018 uses 1000).</summary>
    public int Permutations { get; init; } = 999;

    /// <summary>k_perm, the number of nearest neighbours in Z (the point itself included) among which each sample's X is
    /// drawn (&gt;= 1, below N). Default 5, Runge's recommendation (5 to 10 keeps the test's size; his section 4).</summary>
    public int NeighbourCount { get; init; } = 5;

    /// <summary>The seed; the same seed gives the same p-value whatever the thread count.</summary>
    public int Seed { get; init; }

    /// <summary>The most permutations evaluated at once, or -1 for all cores (default). The result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>The result of a local permutation test of conditional independence.</summary>
/// <param name="Observed">The CMI estimate on the data.</param>
/// <param name="PValue">(n_ge + 1)/(B + 1): never 0 (Phipson and Smyth 2010).</param>
/// <param name="Permutations">B.</param>
/// <param name="CountAtLeast">n_ge: permuted statistics &gt;= the observed one (within 1e-12 relative).</param>
/// <param name="NullMean">The mean of the permuted statistics, in the unit.</param>
/// <param name="NullStandardDeviation">Their standard deviation, in the unit.</param>
public sealed record LocalPermutationTestResult(ContinuousEstimate Observed, double PValue, int Permutations, int CountAtLeast, double NullMean, double NullStandardDeviation);

/// <summary>
/// The nearest-neighbour local permutation test of X independent of Y given a continuous Z (Runge, "Conditional
/// independence testing based on a nearest-neighbor estimator of conditional mutual information", AISTATS 2018,
/// PMLR 84:938, Algorithm 1): each permutation draws, for every sample i (in a random order), the X of a sample among
/// the k_perm nearest neighbours of z_i in Z (max norm, i itself included) not yet used, or of a random one of them when
/// all are used; the KSG estimate of I(X*;Y|Z) on the permuted X is compared with the observed one.
/// </summary>
/// <remarks>
/// A global shuffle of X would break the X-Z dependence and test X independent of (Y,Z) instead; the local draw keeps
/// X* | Z close to X | Z while breaking any X-Y link given Z, so the permuted statistics sample the null of
/// conditional independence. Permutation b uses its own generator, seeded from (Seed, b) by SplitMix64, so the
/// p-value is reproducible and does not depend on the thread count; permutations run in parallel. O(B N log N).
/// </remarks>
public static class LocalPermutationTest
{
    /// <summary>Tests X independent of Y given Z with the KSG conditional MI of <paramref name="estimator"/>.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="y">N samples of Y.</param>
    /// <param name="z">N samples of the conditioning variable Z.</param>
    /// <param name="estimator">The CMI estimator (its options: k, algorithm, jitter...).</param>
    /// <param name="unit">The unit of the statistics.</param>
    /// <param name="options">Permutations, k_perm, seed (null: defaults).</param>
    /// <returns>The observed CMI and its p-value.</returns>
    /// <exception cref="ArgumentException">Unequal sample counts, B &lt; 1, or k_perm not in [1, N - 1].</exception>
    public static LocalPermutationTestResult ConditionalMutualInformation(Samples x, Samples y, Samples z, KsgConditionalMutualInformationEstimator estimator, InformationUnit unit, LocalPermutationTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(estimator);
        var o = options ?? LocalPermutationTestOptions.Default;
        if (o.Permutations < 1)
        {
            throw Preconditions.OutOfRange("permutations", ">= 1", o.Permutations.ToString(CultureInfo.InvariantCulture));
        }

        Preconditions.DegreeOfParallelism(o.MaxDegreeOfParallelism);

        var observed = estimator.Estimate(x, y, z, unit); // checks counts, constants and k
        int n = x.Count;
        if (o.NeighbourCount < 1 || o.NeighbourCount >= n)
        {
            throw Preconditions.OutOfRange("neighbourCount", $"in [1, {n - 1}] (k_perm, below N)", o.NeighbourCount.ToString(CultureInfo.InvariantCulture));
        }

        // The k_perm nearest neighbours of each z_i, itself first (Runge's N_i includes i).
        int kPerm = o.NeighbourCount;
        var tree = new KdTree(z.Columns, DistanceNorm.Maximum);
        var neighbours = new int[n][];
        var rows = new int[Math.Max(1, kPerm - 1)];
        var distances = new double[rows.Length];
        for (int i = 0; i < n; i++)
        {
            var list = new int[kPerm];
            list[0] = i;
            if (kPerm > 1)
            {
                tree.NearestNeighbours(i, kPerm - 1, rows, distances);
                Array.Copy(rows, 0, list, 1, kPerm - 1);
            }

            neighbours[i] = list;
        }

        var values = new double[o.Permutations];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = o.MaxDegreeOfParallelism };
        Parallel.For(0, o.Permutations, parallel, b =>
        {
            var rng = new Random(ReplicateSeeds.Of(o.Seed, b));
            int[] permutation = Draw(neighbours, rng);
            var permuted = new double[x.Dimension][];
            for (int j = 0; j < x.Dimension; j++)
            {
                double[] c = x.Columns[j];
                var p = new double[n];
                for (int i = 0; i < n; i++)
                {
                    p[i] = c[permutation[i]];
                }

                permuted[j] = p;
            }

            values[b] = estimator.Estimate(Samples.FromColumns(permuted), y, z, unit).Value;
        });

        var (pValue, atLeast, mean, sd) = PermutationTest.Summarise(observed.Value, values);
        return new LocalPermutationTestResult(observed, pValue, o.Permutations, atLeast, mean, sd);
    }

    /// <summary>One draw of Runge's Algorithm 1: perm[i] is the sample whose X sample i receives.</summary>
    internal static int[] Draw(int[][] neighbours, Random rng)
    {
        int n = neighbours.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        rng.Shuffle(order);
        var used = new bool[n];
        var permutation = new int[n];
        int kPerm = neighbours[0].Length;
        var candidates = new int[kPerm];
        foreach (int i in order)
        {
            neighbours[i].CopyTo(candidates, 0);
            rng.Shuffle(candidates);
            int chosen = -1;
            foreach (int j in candidates)
            {
                if (!used[j])
                {
                    chosen = j;
                    break;
                }
            }

            if (chosen < 0)
            {
                chosen = candidates[0]; // all used: a random one of them (candidates are shuffled)
            }

            used[chosen] = true;
            permutation[i] = chosen;
        }

        return permutation;
    }
}
