using System.Globalization;
using Shannon.Estimators;

namespace Shannon.Inference;

/// <summary>
/// Row resampling for any statistic of a sample of N rows: the percentile bootstrap (rows drawn with replacement) and
/// the permutation test (one variable's rows shuffled, optionally within strata). Replicate i draws from its own
/// generator seeded by <see cref="ReplicateSeed"/>(seed, i), so the answer depends on the seed only: not on the
/// number of threads, nor on the order the replicates finish. Replicates run in parallel.
/// </summary>
public static class Resampling
{
    /// <summary>The seed of replicate <paramref name="replicate"/>: SplitMix64 (Steele, Lea &amp; Flood 2014) of (seed, replicate), folded to 32 bits.</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="replicate">The replicate's index.</param>
    /// <returns>The seed.</returns>
    public static int ReplicateSeed(int seed, int replicate) => ReplicateSeeds.Of(seed, replicate);

    /// <summary>
    /// The percentile bootstrap (Efron &amp; Tibshirani 1993, ch. 13) of a statistic of N rows: each replicate draws N
    /// row indices uniformly with replacement and evaluates <paramref name="statistic"/> on them.
    /// </summary>
    /// <param name="rowCount">N (&gt;= 1).</param>
    /// <param name="estimate">The statistic on the data (all rows, in order).</param>
    /// <param name="statistic">The statistic of a resample given its row indices; called from several threads at once.</param>
    /// <param name="options">Replicates, confidence, seed, threads (null: defaults).</param>
    /// <param name="progress">Receives the fraction of replicates done, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The interval, with the standard error and the bootstrap's bias estimate.</returns>
    public static BootstrapInterval Bootstrap(int rowCount, double estimate, Func<int[], double> statistic, BootstrapOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var o = Inference.Bootstrap.Validate(options);
        CheckRows(rowCount);
        var values = Run(o.Replicates, o.Seed, o.MaxDegreeOfParallelism, progress, cancellationToken, random =>
        {
            var rows = new int[rowCount];
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i] = random.Next(rowCount);
            }

            return statistic(rows);
        });
        return Inference.Bootstrap.FromReplicates(estimate, values, o.Confidence);
    }

    /// <summary>
    /// A subsampling interval of a statistic of N rows (Politis &amp; Romano 1994, "Large sample confidence regions based
    /// on subsamples under minimal assumptions", Ann. Statist. 22(4)): each replicate draws b = floor(N / 2) distinct
    /// rows (without replacement) and evaluates <paramref name="statistic"/> on them. A half sample is half of the data,
    /// so theta_b - theta_N has the variance of theta_N times (N - b) / b, not of theta_b (for a mean, Var(theta_b) -
    /// Var(theta_N)); with that finite-population factor, as the delete-d jackknife has it (Shao &amp; Wu 1989, Ann.
    /// Statist. 17(3), d = N - b), the interval is [theta_N - c q(1 - alpha/2), theta_N - c q(alpha/2)] with
    /// c = sqrt(b / (N - b)) (1 for even N) and q the quantiles of theta_b - theta_N, and the standard error is
    /// c sd(theta_b). No row appears twice in a replicate: this is the interval for the estimators that the bootstrap's
    /// repeated rows mislead (k-NN distances of 0).
    /// </summary>
    /// <param name="rowCount">N (&gt;= 4).</param>
    /// <param name="estimate">The statistic on the data (all rows, in order).</param>
    /// <param name="statistic">The statistic of a subsample given its row indices (ascending); called from several threads at once.</param>
    /// <param name="options">Replicates, confidence, seed, threads (null: defaults).</param>
    /// <param name="progress">Receives the fraction of replicates done, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The interval (<see cref="IntervalMethod.Subsampling"/>), its standard error, and the half-sample shift as its bias.</returns>
    public static BootstrapInterval Subsample(int rowCount, double estimate, Func<int[], double> statistic, BootstrapOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        var o = Inference.Bootstrap.Validate(options);
        if (rowCount < 4)
        {
            throw Preconditions.OutOfRange(nameof(rowCount), ">= 4 for half samples of at least 2 rows", rowCount.ToString(CultureInfo.InvariantCulture));
        }

        int b = rowCount / 2;
        var values = Run(o.Replicates, o.Seed, o.MaxDegreeOfParallelism, progress, cancellationToken, random =>
        {
            // A partial Fisher-Yates shuffle: the first b of a random permutation, sorted so the rows keep their order.
            var order = new int[rowCount];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            for (int i = 0; i < b; i++)
            {
                int j = i + random.Next(rowCount - i);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var rows = order[..b];
            Array.Sort(rows);
            return statistic(rows);
        });
        // The half samples' own percentile interval, then reflected about the estimate and rescaled to N.
        var half = Inference.Bootstrap.FromReplicates(estimate, values, o.Confidence);
        double scale = Math.Sqrt((double)b / (rowCount - b));
        return new BootstrapInterval(estimate, estimate - (scale * (half.Upper - estimate)), estimate - (scale * (half.Lower - estimate)), o.Confidence, o.Replicates, scale * half.StandardError)
        {
            ReplicateMean = half.ReplicateMean,
            Method = IntervalMethod.Subsampling,
        };
    }

    /// <summary>
    /// A permutation test: each permutation shuffles the rows of the permuted variable (Fisher-Yates; within each
    /// stratum when <paramref name="strata"/> are given) and evaluates <paramref name="statistic"/> with that
    /// order; p = (n_ge + 1)/(B + 1) (Phipson &amp; Smyth 2010).
    /// </summary>
    /// <param name="observed">The statistic on the data.</param>
    /// <param name="rowCount">N.</param>
    /// <param name="statistic">The statistic given the permuted variable's row order (row i takes row order[i]); called from several threads at once.</param>
    /// <param name="options">Permutations, seed, threads (null: defaults).</param>
    /// <param name="strata">Disjoint sets of row indices covering the rows, shuffled separately (conditional tests), or null for one set.</param>
    /// <param name="progress">Receives the fraction done, or null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The p-value and the null distribution's mean and standard deviation.</returns>
    public static PermutationTestResult PermutationTest(InformationEstimate observed, int rowCount, Func<int[], double> statistic, PermutationTestOptions? options = null,
        IReadOnlyList<int[]>? strata = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(statistic);
        var o = Inference.PermutationTest.Validate(options);
        CheckRows(rowCount);
        var groups = strata ?? [[.. Enumerable.Range(0, rowCount)]];
        var values = Run(o.Permutations, o.Seed, o.MaxDegreeOfParallelism, progress, cancellationToken, random =>
        {
            var order = new int[rowCount];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            foreach (var members in groups)
            {
                for (int i = members.Length - 1; i > 0; i--)
                {
                    int j = random.Next(i + 1);
                    (order[members[i]], order[members[j]]) = (order[members[j]], order[members[i]]);
                }
            }

            return statistic(order);
        });
        return Inference.PermutationTest.FromNull(observed, values);
    }

    private static void CheckRows(int rowCount)
    {
        if (rowCount < 1)
        {
            throw Preconditions.OutOfRange(nameof(rowCount), ">= 1", rowCount.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static double[] Run(int count, int seed, int maxDegreeOfParallelism, IProgress<double>? progress, CancellationToken cancellationToken, Func<Random, double> replicate)
    {
        Preconditions.DegreeOfParallelism(maxDegreeOfParallelism);

        var values = new double[count];
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        ParallelLoops.For(0, count, parallel, i =>
        {
            values[i] = replicate(new Random(ReplicateSeed(seed, i)));
            int d = Interlocked.Increment(ref done);
            progress?.Report((double)d / count);
        });
        return values;
    }
}
