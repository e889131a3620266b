using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Frenzel-Pompe k-nearest-neighbour estimator of the conditional mutual information I(X;Y|Z), the KSG
/// algorithm 1 construction applied to conditioning (Frenzel and Pompe, "Partial mutual information for coupling
/// analysis of multivariate time series", Phys. Rev. Lett. 99, 204101, 2007, doi:10.1103/PhysRevLett.99.204101).
/// </summary>
/// <remarks>
/// <para>Algorithm 1: with eps_i the max-norm distance from sample i to its k-th neighbour in (X,Y,Z), the estimate is
/// psi(k) - &lt;psi(n_xz + 1) + psi(n_yz + 1) - psi(n_z + 1)&gt;, each n counting the other samples strictly within
/// eps_i in that subspace. Algorithm 2 (the form of JIDT's <c>ConditionalMutualInfoCalculatorMultiVariateKraskov2</c>,
/// Lizier 2014, doi:10.3389/frobt.2014.00011): with eps_x, eps_y, eps_z the largest X, Y and Z distances among the k
/// neighbours, psi(k) - 2/k + &lt;psi(n_z) - psi(n_xz) + 1/n_xz - psi(n_yz) + 1/n_yz&gt;, n_xz counting the other samples
/// within (&lt;=) eps_x in X and eps_z in Z (a box), n_yz likewise, n_z those within eps_z in Z.
/// Bias and variance behave as for KSG (<see cref="KsgMutualInformationEstimator"/>): near
/// zero for conditionally independent data, below the truth for strong dependence; raw values (possibly negative)
/// are returned. Columns are z-scored first unless <see cref="KsgOptions.Standardize"/> is false.
/// O(N log N) time, O(N) memory, all cores, deterministic.</para>
/// <para>Ties: a point whose k-th neighbour in (X,Y,Z) is at distance 0 contributes, under either algorithm,
/// psi(k~) - psi(n_xz + 1) - psi(n_yz + 1) + psi(n_z + 1) with k~ the points equal to it in (X,Y,Z) (itself included)
/// and the n the other points at distance &lt;= 0 in each subspace: the rule of Gao, Kannan, Oh and Viswanath (NeurIPS
/// 2017) carried to the Frenzel-Pompe form, as Mesner and Shalizi ("Conditional mutual information estimation for mixed,
/// discrete and continuous data", IEEE Trans. Inf. Theory 67(1), 464, 2021, doi:10.1109/TIT.2020.3024886) do. The
/// result names it ("gao-2017") with the number of such points.</para>
/// </remarks>
public sealed class KsgConditionalMutualInformationEstimator
{
    /// <summary>An estimator with <see cref="KsgOptions.Default"/>.</summary>
    public KsgConditionalMutualInformationEstimator()
        : this(KsgOptions.Default)
    {
    }

    /// <summary>An estimator with the given options, checked here once.</summary>
    /// <param name="options">The options (Algorithm 1 or 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, an unknown algorithm, negative jitter or a bad thread count.</exception>
    public KsgConditionalMutualInformationEstimator(KsgOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.NeighbourCount(options.K);
        Preconditions.Algorithm(options.Algorithm);

        Preconditions.NonNegativeFinite(options.Jitter, "jitter");
        Preconditions.DegreeOfParallelism(options.MaxDegreeOfParallelism);
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
        Preconditions.SameSampleCount(y, x, nameof(y), nameof(x));
        Preconditions.SameSampleCount(z, x, nameof(z), nameof(x));
        int n = x.Count;
        int k = Options.K;
        Preconditions.NeighbourCountBelow(k, n);
        Preconditions.NotConstant(x, nameof(x));
        Preconditions.NotConstant(y, nameof(y));
        Preconditions.NotConstant(z, nameof(z));

        var random = Options.Jitter > 0 || Options.Dequantize ? new Random(Options.Seed) : null;
        int dequantized = 0;
        double[][] xs = ContinuousInput.Prepare(Options.Dequantize ? Lattice.Dequantize(x, random!, ref dequantized) : x, Options.Standardize, Options.Jitter, random);
        double[][] ys = ContinuousInput.Prepare(Options.Dequantize ? Lattice.Dequantize(y, random!, ref dequantized) : y, Options.Standardize, Options.Jitter, random);
        double[][] zs = ContinuousInput.Prepare(Options.Dequantize ? Lattice.Dequantize(z, random!, ref dequantized) : z, Options.Standardize, Options.Jitter, random);

        double nats = Compute(xs, ys, zs, k, Options.Algorithm, Options.MaxDegreeOfParallelism, out int tiedPoints);
        var warnings = new List<string>();
        int ties = ColumnStatistics.CountTies(x) + ColumnStatistics.CountTies(y) + ColumnStatistics.CountTies(z);
        ContinuousInput.WarnTies(warnings, ties, Options.Jitter, "gao-2017", tiedPoints);
        ContinuousInput.WarnScales(warnings, Options.Standardize, x, y, z);
        KsgMutualInformationEstimator.WarnCeiling(warnings, nats, n, k);
        string name = Options.Algorithm == KsgAlgorithm.Algorithm1 ? "ksg1" : "ksg2";
        return ContinuousInput.Result(nats, unit, n, name, k, ties, warnings, ContinuousInput.TieRule("gao-2017", dequantized, warnings), Options.Jitter, tiedPoints);
    }

    /// <summary>The estimate in nats on prepared columns (see the class remarks for both algorithms and the tie rule).</summary>
    internal static double Compute(double[][] xs, double[][] ys, double[][] zs, int k, KsgAlgorithm algorithm, int maxDegreeOfParallelism, out int tiedPoints)
    {
        int n = xs[0].Length;
        double[][] xz = ContinuousInput.Join(xs, zs);
        double[][] yz = ContinuousInput.Join(ys, zs);
        double[][] joint = ContinuousInput.Join(xs, ys, zs);
        KdTree tree = null!;
        MarginalCounter countXz = null!, countYz = null!, countZ = null!;
        var parallel = ContinuousInput.Parallelism(maxDegreeOfParallelism);
        Parallel.Invoke(
            parallel,
            () => tree = new KdTree(joint, DistanceNorm.Maximum, 8, validate: false),
            () => countXz = new MarginalCounter(xz),
            () => countYz = new MarginalCounter(yz),
            () => countZ = new MarginalCounter(zs));

        int[]? coincident = null;
        object gate = new();
        int zeroRadius = 0;
        bool second = algorithm == KsgAlgorithm.Algorithm2;
        double psiK = Digamma.OfInteger(k);
        int dx = xs.Length, dy = ys.Length, dz = zs.Length;
        var terms = new double[n];
        int chunks = (n + ContinuousInput.ChunkSize - 1) / ContinuousInput.ChunkSize;
        Parallel.For(0, chunks, parallel, chunk =>
        {
            Span<int> rows = k <= 64 ? stackalloc int[k] : new int[k];
            Span<double> distances = k <= 64 ? stackalloc double[k] : new double[k];
            Span<double> boxXz = stackalloc double[dx + dz];
            Span<double> boxYz = stackalloc double[dy + dz];
            var hintXz = MarginalCounter.Hint.None;
            var hintYz = MarginalCounter.Hint.None;
            var hintZ = MarginalCounter.Hint.None;
            int end = Math.Min(n, (chunk + 1) * ContinuousInput.ChunkSize);
            for (int p = chunk * ContinuousInput.ChunkSize; p < end; p++)
            {
                int i = tree.RowAt(p);
                tree.NearestNeighboursUnchecked(i, k, rows, distances);
                double eps = distances[k - 1];
                if (eps == 0)
                {
                    if (Volatile.Read(ref coincident) is null)
                    {
                        lock (gate)
                        {
                            coincident ??= ColumnStatistics.CoincidentCounts(joint);
                        }
                    }

                    Interlocked.Increment(ref zeroRadius);
                    int nxz0 = countXz.CountWithin(i, 0, true, ref hintXz);
                    int nyz0 = countYz.CountWithin(i, 0, true, ref hintYz);
                    int nz0 = countZ.CountWithin(i, 0, true, ref hintZ);
                    terms[i] = Digamma.OfInteger(coincident![i] + 1) - Digamma.OfInteger(nxz0 + 1) - Digamma.OfInteger(nyz0 + 1) + Digamma.OfInteger(nz0 + 1);
                }
                else if (!second)
                {
                    int nxz = countXz.CountWithin(i, eps, false, ref hintXz);
                    int nyz = countYz.CountWithin(i, eps, false, ref hintYz);
                    int nz = countZ.CountWithin(i, eps, false, ref hintZ);
                    terms[i] = psiK - (Digamma.OfInteger(nxz + 1) + Digamma.OfInteger(nyz + 1) - Digamma.OfInteger(nz + 1));
                }
                else
                {
                    double epsX = 0, epsY = 0, epsZ = 0;
                    for (int m = 0; m < k; m++)
                    {
                        epsX = Math.Max(epsX, MarginalCounter.MaxDistance(xs, i, rows[m]));
                        epsY = Math.Max(epsY, MarginalCounter.MaxDistance(ys, i, rows[m]));
                        epsZ = Math.Max(epsZ, MarginalCounter.MaxDistance(zs, i, rows[m]));
                    }

                    boxXz[..dx].Fill(epsX);
                    boxXz[dx..].Fill(epsZ);
                    boxYz[..dy].Fill(epsY);
                    boxYz[dy..].Fill(epsZ);
                    int nxz = countXz.CountInBox(i, boxXz);
                    int nyz = countYz.CountInBox(i, boxYz);
                    int nz = countZ.CountWithin(i, epsZ, true, ref hintZ);
                    terms[i] = psiK - 2.0 / k + Digamma.OfInteger(nz) - Digamma.OfInteger(nxz) + 1.0 / nxz - Digamma.OfInteger(nyz) + 1.0 / nyz;
                }
            }
        });

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += terms[i];
        }

        tiedPoints = zeroRadius;
        return sum / n;
    }
}
