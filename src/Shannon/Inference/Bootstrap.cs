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
    /// (Efron &amp; Tibshirani 1993, eq. 10.2); NaN when not recorded. Reported, never subtracted.</summary>
    public double Bias => ReplicateMean - Estimate;
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
        var source = counts.ToArray();
        var resampler = new Resampler(source, o.Seed);
        var buffer = new long[source.Length];
        return Percentile(estimate, o, cancellationToken, () =>
        {
            resampler.Draw(buffer);
            return estimator.Estimate(buffer, unit).Value;
        });
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
        double Statistic(CountTable t) => z.Length == 0
            ? DiscreteInformation.MutualInformation(t, x, y, estimator, unit).Value
            : DiscreteInformation.ConditionalMutualInformation(t, x, y, z, estimator, unit).Value;
        double estimate = Statistic(table);
        var counts = table.Counts.ToArray();
        var codes = Enumerable.Range(0, table.VariableCount).Select(v => table.Codes(v).ToArray()).ToArray();
        var levels = table.LevelCounts.ToArray();
        var resampler = new Resampler(counts, o.Seed);
        var buffer = new long[counts.Length];
        return Percentile(estimate, o, cancellationToken, () =>
        {
            resampler.Draw(buffer);
            return Statistic(CountTable.FromCells(codes, buffer, levels));
        });
    }

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

    private static BootstrapInterval Percentile(double estimate, BootstrapOptions o, CancellationToken cancellationToken, Func<double> replicate)
    {
        var values = new double[o.Replicates];
        for (int b = 0; b < values.Length; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            values[b] = replicate();
        }

        Array.Sort(values);
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        double alpha = (1 - o.Confidence) / 2;
        return new BootstrapInterval(estimate, Quantile(values, alpha), Quantile(values, 1 - alpha), o.Confidence, o.Replicates, sd) { ReplicateMean = mean };
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
        private readonly Random _rng;

        public Resampler(long[] counts, int seed)
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

            _rng = new Random(seed);
        }

        public void Draw(long[] into)
        {
            Array.Clear(into);
            long n = _cumulative[^1];
            for (long k = 0; k < n; k++)
            {
                long u = _rng.NextInt64(n);
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
