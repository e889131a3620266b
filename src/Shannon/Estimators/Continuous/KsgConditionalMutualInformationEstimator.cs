using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Frenzel-Pompe k-nearest-neighbour estimator of the conditional mutual information I(X;Y|Z), the KSG
/// algorithm 1 construction applied to conditioning (Frenzel and Pompe, "Partial mutual information for coupling
/// analysis of multivariate time series", Phys. Rev. Lett. 99, 204101, 2007, doi:10.1103/PhysRevLett.99.204101).
/// </summary>
/// <remarks>
/// <para>With eps_i the max-norm distance from sample i to its k-th neighbour in (X,Y,Z), the estimate is
/// psi(k) - &lt;psi(n_xz + 1) + psi(n_yz + 1) - psi(n_z + 1)&gt;, each n counting the other samples strictly within
/// eps_i in that subspace. Bias and variance behave as for KSG (<see cref="KsgMutualInformationEstimator"/>): near
/// zero for conditionally independent data, below the truth for strong dependence; raw values (possibly negative)
/// are returned. Columns are z-scored first unless <see cref="KsgOptions.Standardize"/> is false. Only
/// <see cref="KsgAlgorithm.Algorithm1"/> is defined here. O(N log N) time, O(N) memory, all cores, deterministic.</para>
/// </remarks>
public sealed class KsgConditionalMutualInformationEstimator
{
    /// <summary>An estimator with <see cref="KsgOptions.Default"/>.</summary>
    public KsgConditionalMutualInformationEstimator()
        : this(KsgOptions.Default)
    {
    }

    /// <summary>An estimator with the given options, checked here once.</summary>
    /// <param name="options">The options; <see cref="KsgOptions.Algorithm"/> must be Algorithm 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, Algorithm 2, negative jitter or a bad thread count.</exception>
    public KsgConditionalMutualInformationEstimator(KsgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContinuousInput.CheckK(options.K);
        if (options.Algorithm != KsgAlgorithm.Algorithm1)
        {
            throw Preconditions.OutOfRange("algorithm", "Algorithm1 (the Frenzel-Pompe form)", options.Algorithm.ToString());
        }

        ContinuousInput.CheckJitter(options.Jitter);
        ContinuousInput.CheckParallelism(options.MaxDegreeOfParallelism);
        Options = options;
    }

    /// <summary>The options.</summary>
    public KsgOptions Options { get; }

    /// <summary>The estimate of I(X;Y|Z) from paired scalar samples.</summary>
    /// <param name="x">The N values of X.</param>
    /// <param name="y">The N values of Y.</param>
    /// <param name="z">The N values of the conditioning variable Z.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, InformationUnit unit) =>
        Estimate(Samples.Create(x, nameof(x)), Samples.Create(y, nameof(y)), Samples.Create(z, nameof(z)), unit);

    /// <summary>The estimate of I(X;Y|Z) from paired multivariate samples.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="y">N samples of Y.</param>
    /// <param name="z">N samples of Z.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    /// <exception cref="ArgumentException">Unequal sample counts, a constant column, or k >= N.</exception>
    public ContinuousEstimate Estimate(Samples x, Samples y, Samples z, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        Preconditions.Unit(unit, nameof(unit));
        ContinuousInput.CheckSameCount(y, x, nameof(y), nameof(x));
        ContinuousInput.CheckSameCount(z, x, nameof(z), nameof(x));
        int n = x.Count;
        int k = Options.K;
        ContinuousInput.CheckKBelowCount(k, n);
        ContinuousInput.CheckNotConstant(x, nameof(x));
        ContinuousInput.CheckNotConstant(y, nameof(y));
        ContinuousInput.CheckNotConstant(z, nameof(z));

        var random = Options.Jitter > 0 ? new Random(Options.Seed) : null;
        double[][] xs = ContinuousInput.Prepare(x, Options.Standardize, Options.Jitter, random);
        double[][] ys = ContinuousInput.Prepare(y, Options.Standardize, Options.Jitter, random);
        double[][] zs = ContinuousInput.Prepare(z, Options.Standardize, Options.Jitter, random);

        double[][] xz = ContinuousInput.Join(xs, zs);
        double[][] yz = ContinuousInput.Join(ys, zs);
        KdTree tree = null!;
        ContinuousInput.MarginalCounter countXz = null!, countYz = null!, countZ = null!;
        var parallel = ContinuousInput.Parallelism(Options.MaxDegreeOfParallelism);
        Parallel.Invoke(
            parallel,
            () => tree = new KdTree(ContinuousInput.Join(xs, ys, zs), DistanceNorm.Maximum, 8, validate: false),
            () => countXz = new ContinuousInput.MarginalCounter(xz),
            () => countYz = new ContinuousInput.MarginalCounter(yz),
            () => countZ = new ContinuousInput.MarginalCounter(zs));

        var terms = new double[n];
        int chunks = (n + ContinuousInput.ChunkSize - 1) / ContinuousInput.ChunkSize;
        Parallel.For(0, chunks, parallel, chunk =>
        {
            Span<int> rows = k <= 64 ? stackalloc int[k] : new int[k];
            Span<double> distances = k <= 64 ? stackalloc double[k] : new double[k];
            var hintXz = ContinuousInput.Hint.None;
            var hintYz = ContinuousInput.Hint.None;
            var hintZ = ContinuousInput.Hint.None;
            int end = Math.Min(n, (chunk + 1) * ContinuousInput.ChunkSize);
            for (int p = chunk * ContinuousInput.ChunkSize; p < end; p++)
            {
                int i = tree.RowAt(p);
                tree.NearestNeighboursUnchecked(i, k, rows, distances);
                double eps = distances[k - 1];
                int nxz = countXz.CountWithin(i, eps, false, ref hintXz);
                int nyz = countYz.CountWithin(i, eps, false, ref hintYz);
                int nz = countZ.CountWithin(i, eps, false, ref hintZ);
                terms[i] = Digamma.OfInteger(nxz + 1) + Digamma.OfInteger(nyz + 1) - Digamma.OfInteger(nz + 1);
            }
        });

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += terms[i];
        }

        double nats = Digamma.OfInteger(k) - sum / n;
        var warnings = new List<string>();
        int ties = ContinuousInput.CountTies(x) + ContinuousInput.CountTies(y) + ContinuousInput.CountTies(z);
        ContinuousInput.WarnTies(warnings, ties, Options.Jitter);
        ContinuousInput.WarnScales(warnings, Options.Standardize, x, y, z);
        KsgMutualInformationEstimator.WarnCeiling(warnings, nats, n, k);
        return ContinuousInput.Result(nats, unit, n, "ksg1", k, ties, null, warnings);
    }
}
