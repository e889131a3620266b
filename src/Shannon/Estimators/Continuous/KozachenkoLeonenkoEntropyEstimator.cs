using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Kozachenko-Leonenko k-nearest-neighbour estimator of the differential entropy h(X) of a real,
/// possibly multivariate variable (Kozachenko and Leonenko, Probl. Inf. Transm. 23, 95, 1987; in the form of
/// Kraskov, Stoegbauer and Grassberger 2004, eq. 20).
/// </summary>
/// <remarks>
/// <para>h = psi(N) - psi(k) + ln V_d + (d/N) sum_i ln r_i, with r_i the distance from sample i to its k-th
/// neighbour and V_d the volume of the unit ball of the norm: 2^d for the maximum norm,
/// pi^(d/2) / Gamma(d/2 + 1) for the Euclidean norm. Asymptotically unbiased and consistent for densities
/// with finite entropy; the bias at finite N grows with d and with density curvature; the variance is O(1/N)
/// (the standard deviation about sqrt(Var[ln f(X)] / N)). The data are not standardised (entropy depends on scale);
/// differential entropy may be negative. O(N log N) time, O(N) memory.</para>
/// </remarks>
public sealed class KozachenkoLeonenkoEntropyEstimator
{
    /// <summary>An estimator with <see cref="KozachenkoLeonenkoOptions.Default"/>.</summary>
    public KozachenkoLeonenkoEntropyEstimator()
        : this(KozachenkoLeonenkoOptions.Default)
    {
    }

    /// <summary>An estimator with the given options, checked here once.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, an unknown norm, negative jitter or a bad thread count.</exception>
    public KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContinuousInput.CheckK(options.K);
        ContinuousInput.CheckNorm(options.Norm);
        ContinuousInput.CheckJitter(options.Jitter);
        ContinuousInput.CheckParallelism(options.MaxDegreeOfParallelism);
        Options = options;
    }

    /// <summary>The options.</summary>
    public KozachenkoLeonenkoOptions Options { get; }

    /// <summary>The differential entropy estimate of a scalar sample.</summary>
    /// <param name="x">The N values.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> x, InformationUnit unit) => Estimate(Samples.Create(x, nameof(x)), unit);

    /// <summary>The differential entropy estimate of a multivariate sample.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    /// <exception cref="ArgumentException">A constant column, k >= N, or more than k samples at one point (a zero
    /// neighbour distance makes the estimate minus infinity; add jitter).</exception>
    public ContinuousEstimate Estimate(Samples x, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        Preconditions.Unit(unit, nameof(unit));
        int n = x.Count, d = x.Dimension, k = Options.K;
        ContinuousInput.CheckKBelowCount(k, n);
        ContinuousInput.CheckNotConstant(x, nameof(x));
        var random = Options.Jitter > 0 ? new Random(Options.Seed) : null;
        double[][] xs = ContinuousInput.Prepare(x, standardize: false, Options.Jitter, random);
        var tree = new KdTree(xs, Options.Norm, 8, validate: false);
        var logs = new double[n];
        int zeros = 0;
        int chunks = (n + ContinuousInput.ChunkSize - 1) / ContinuousInput.ChunkSize;
        Parallel.For(0, chunks, ContinuousInput.Parallelism(Options.MaxDegreeOfParallelism), chunk =>
        {
            Span<int> rows = k <= 64 ? stackalloc int[k] : new int[k];
            Span<double> distances = k <= 64 ? stackalloc double[k] : new double[k];
            int end = Math.Min(n, (chunk + 1) * ContinuousInput.ChunkSize);
            for (int p = chunk * ContinuousInput.ChunkSize; p < end; p++)
            {
                int i = tree.RowAt(p);
                tree.NearestNeighboursUnchecked(i, k, rows, distances);
                if (distances[k - 1] == 0)
                {
                    Interlocked.Increment(ref zeros);
                }

                logs[i] = Math.Log(distances[k - 1]);
            }
        });

        int ties = ContinuousInput.CountTies(x);
        if (zeros > 0)
        {
            throw Preconditions.Error(nameof(x), $"free of points with k = {ContinuousInput.Text(k)} exact duplicates",
                $"{ContinuousInput.Text(zeros)} samples whose k-th neighbour is at distance 0 ({ContinuousInput.Text(ties)} tied values)",
                "The entropy estimate would be minus infinity: the data look discrete or rounded. Set Jitter (e.g. 1e-10) or use a discrete estimator.");
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += logs[i];
        }

        double logVolume = Options.Norm == DistanceNorm.Maximum
            ? d * Math.Log(2.0)
            : 0.5 * d * Math.Log(Math.PI) - MathNet.Numerics.SpecialFunctions.GammaLn(0.5 * d + 1);
        double nats = Digamma.OfInteger(n) - Digamma.OfInteger(k) + logVolume + d * sum / n;
        var warnings = new List<string>();
        ContinuousInput.WarnTies(warnings, ties, Options.Jitter);
        ContinuousInput.WarnScales(warnings, standardized: false, x);
        return ContinuousInput.Result(nats, unit, n, "kozachenko-leonenko", k, ties, null, warnings);
    }
}
