using System.Globalization;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;

namespace Shannon.Inference;

/// <summary>Options of <see cref="Bootstrap"/>.</summary>
public sealed record BootstrapOptions
{
    /// <summary>The defaults: 1000 replicates, 95% confidence, seed 0.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>The number of bootstrap replicates (&gt;= 2).</summary>
    public int Replicates { get; init; } = 1000;

    /// <summary>The confidence level in (0, 1).</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>The seed of the resampling.</summary>
    public int Seed { get; init; }

    /// <summary>The most replicates computed at once by <see cref="Resampling"/> (-1: all cores); the result does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>A percentile bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on the data.</param>
/// <param name="Lower">The (1 - confidence)/2 quantile of the replicates (linear interpolation, numpy's default).</param>
/// <param name="Upper">The (1 + confidence)/2 quantile of the replicates.</param>
/// <param name="Confidence">The confidence level.</param>
/// <param name="Replicates">The number of replicates.</param>
/// <param name="StandardError">The standard deviation of the replicates.</param>
public sealed record BootstrapInterval(double Estimate, double Lower, double Upper, double Confidence, int Replicates, double StandardError)
{
    /// <summary>The mean of the replicates (NaN when not recorded).</summary>
    public double ReplicateMean { get; init; } = double.NaN;

    /// <summary>The bootstrap's estimate of the estimator's bias: the mean of the replicates minus <see cref="Estimate"/>
    /// (Efron &amp; Tibshirani 1993, eq. 10.2); NaN when not recorded. Reported, never subtracted. For a
    /// <see cref="IntervalMethod.Subsampling"/> interval it is the mean half-sample estimate minus the estimate: how
    /// far the estimator moves when the sample halves.</summary>
    public double Bias => ReplicateMean - Estimate;

    /// <summary>How the replicates were drawn (default <see cref="IntervalMethod.PercentileBootstrap"/>).</summary>
    public IntervalMethod Method { get; init; } = IntervalMethod.PercentileBootstrap;
}

/// <summary>How an interval's replicates were drawn.</summary>
public enum IntervalMethod
{
    /// <summary>N rows with replacement, the percentile interval (Efron &amp; Tibshirani 1993, ch. 13).</summary>
    PercentileBootstrap = 1,

    /// <summary>
    /// Half samples without replacement, rescaled to N (Politis &amp; Romano 1994, with the delete-d jackknife's
    /// finite-population factor): for estimators that a repeated row would mislead, as the k-NN family, which reads a
    /// bootstrap's copies of a row as neighbours at distance 0.
    /// </summary>
    Subsampling = 2,
}

/// <summary>
/// Percentile bootstrap intervals (Efron &amp; Tibshirani 1993, ch. 13) for every entropy estimator and for MI/CMI of
/// count tables: each replicate draws N samples with replacement, i.e. a multinomial(N, n_i/N) resample of the
/// cells (drawn by N uniform indices into the cumulative counts, O(N log cells) per replicate), and re-estimates with the same
/// estimator and alphabet size. The percentile interval inherits the estimator's bias: for plug-in entropy at small N
/// it covers less than nominal; bias-corrected estimators do better.
/// </summary>
public static class Bootstrap
{
    /// <summary>An interval for the entropy of a count vector.</summary>
    /// <param name="counts">The counts (the alphabet is their length).</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="options">Replicates, confidence, seed (null: defaults).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The interval.</returns>
    public static BootstrapInterval Entropy(ReadOnlySpan<long> counts, IEntropyEstimator estimator, InformationUnit unit, BootstrapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var o = Validate(options);
        double estimate = estimator.Estimate(counts, unit).Value;
        return FromReplicates(estimate, EntropyReplicates(counts, estimator, unit, o.Seed, 0, o.Replicates, cancellationToken), o.Confidence);
    }

    /// <summary>
    /// The bootstrap statistics of replicates <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1
    /// of <see cref="Entropy"/> with this seed (replicate b draws with System.Random(seed of (seed, b))): the same numbers
    /// wherever and in whatever pieces they are computed.
    /// </summary>
    /// <param name="counts">The counts.</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="seed">The seed of the whole run.</param>
    /// <param name="first">The first replicate (&gt;= 0).</param>
    /// <param name="count">How many replicates (&gt;= 1).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The entropy of each resample, in replicate order.</returns>
    public static double[] EntropyReplicates(ReadOnlySpan<long> counts, IEntropyEstimator estimator, InformationUnit unit, int seed, int first, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ReplicateSeeds.CheckRange(first, count);
        var resampler = new Resampler(counts.ToArray());
        var buffer = new long[counts.Length];
        var values = new double[count];
        for (int b = 0; b < count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            resampler.Draw(buffer, new Random(ReplicateSeeds.Of(seed, first + b)));
            values[b] = estimator.Estimate(buffer, unit).Value;
        }

        return values;
    }

    /// <summary>An interval for I(X;Y) (or I(X;Y|Z) when <paramref name="z"/> is non-empty) of groups of a count table.</summary>
    /// <param name="table">The count table.</param>
    /// <param name="x">The variables of X.</param>
    /// <param name="y">The variables of Y.</param>
    /// <param name="z">The variables of Z (empty for MI).</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="options">Replicates, confidence, seed (null: defaults).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The interval.</returns>
    public static BootstrapInterval MutualInformation(CountTable table, int[] x, int[] y, int[] z, IEntropyEstimator estimator, InformationUnit unit, BootstrapOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(estimator);
        var o = Validate(options);
        double estimate = MutualInformationStatistic(table, x, y, z, estimator, unit);
        return FromReplicates(estimate, MutualInformationReplicates(table, x, y, z, estimator, unit, o.Seed, 0, o.Replicates, cancellationToken), o.Confidence);
    }

    /// <summary>The bootstrap statistics of a range of replicates of <see cref="MutualInformation"/> (see <see cref="EntropyReplicates"/>).</summary>
    /// <param name="table">The count table.</param>
    /// <param name="x">The variables of X.</param>
    /// <param name="y">The variables of Y.</param>
    /// <param name="z">The variables of Z (empty for MI).</param>
    /// <param name="estimator">The entropy estimator.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="seed">The seed of the whole run.</param>
    /// <param name="first">The first replicate (&gt;= 0).</param>
    /// <param name="count">How many replicates (&gt;= 1).</param>
    /// <param name="cancellationToken">Observed between replicates.</param>
    /// <returns>The MI (or CMI) of each resample, in replicate order.</returns>
    public static double[] MutualInformationReplicates(CountTable table, int[] x, int[] y, int[] z, IEntropyEstimator estimator, InformationUnit unit, int seed, int first, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(estimator);
        ReplicateSeeds.CheckRange(first, count);
        var counts = table.Counts.ToArray();
        var codes = Enumerable.Range(0, table.VariableCount).Select(v => table.Codes(v).ToArray()).ToArray();
        var levels = table.LevelCounts.ToArray();
        var resampler = new Resampler(counts);
        var buffer = new long[counts.Length];
        var values = new double[count];
        for (int b = 0; b < count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            resampler.Draw(buffer, new Random(ReplicateSeeds.Of(seed, first + b)));
            values[b] = MutualInformationStatistic(CountTable.FromCells(codes, buffer, levels), x, y, z, estimator, unit);
        }

        return values;
    }

    /// <summary>The percentile interval from the estimate and every bootstrap statistic (in replicate order, as the *Replicates methods return them).</summary>
    /// <param name="estimate">The estimate on the data.</param>
    /// <param name="replicates">The bootstrap statistics (at least two).</param>
    /// <param name="confidence">The confidence level in (0, 1).</param>
    /// <returns>The interval.</returns>
    public static BootstrapInterval FromReplicates(double estimate, ReadOnlySpan<double> replicates, double confidence)
    {
        if (replicates.Length < 2)
        {
            throw Preconditions.OutOfRange(nameof(replicates), "at least 2 statistics", replicates.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (!(confidence > 0 && confidence < 1))
        {
            throw Preconditions.OutOfRange(nameof(confidence), "in (0, 1)", Preconditions.Format(confidence));
        }

        var values = replicates.ToArray();
        Array.Sort(values);
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        double alpha = (1 - confidence) / 2;
        return new BootstrapInterval(estimate, Quantile(values, alpha), Quantile(values, 1 - alpha), confidence, values.Length, sd) { ReplicateMean = mean };
    }

    private static double MutualInformationStatistic(CountTable t, int[] x, int[] y, int[] z, IEntropyEstimator estimator, InformationUnit unit) => z.Length == 0
        ? DiscreteInformation.MutualInformation(t, x, y, estimator, unit).Value
        : DiscreteInformation.ConditionalMutualInformation(t, x, y, z, estimator, unit).Value;

    internal static BootstrapOptions Validate(BootstrapOptions? options)
    {
        var o = options ?? BootstrapOptions.Default;
        if (o.Replicates < 2)
        {
            throw Preconditions.OutOfRange("Replicates", ">= 2", o.Replicates.ToString(CultureInfo.InvariantCulture));
        }

        if (!(o.Confidence > 0 && o.Confidence < 1))
        {
            throw Preconditions.OutOfRange("Confidence", "in (0, 1)", Preconditions.Format(o.Confidence));
        }

        return o;
    }

    /// <summary>numpy's default (linear, "type 7") quantile of sorted values.</summary>
    internal static double Quantile(double[] sorted, double q)
    {
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Multinomial resampling of a count vector: N uniform draws located in the cumulative counts.</summary>
    private sealed class Resampler
    {
        private readonly long[] _cumulative;
        public Resampler(long[] counts)
        {
            _cumulative = new long[counts.Length];
            long s = 0;
            for (int i = 0; i < counts.Length; i++)
            {
                if (counts[i] < 0)
                {
                    throw Preconditions.Error("counts", ">= 0 everywhere", $"{counts[i].ToString(CultureInfo.InvariantCulture)} at index {i}");
                }

                s += counts[i];
                _cumulative[i] = s;
            }
        }

        public void Draw(long[] into, Random rng)
        {
            Array.Clear(into);
            long n = _cumulative[^1];
            for (long k = 0; k < n; k++)
            {
                long u = rng.NextInt64(n);
                int at = Array.BinarySearch(_cumulative, u);
                at = at >= 0 ? at + 1 : ~at; // first cumulative > u
                while (_cumulative[at] <= u)
                {
                    at++;
                }

                into[at]++;
            }
        }
    }
}
