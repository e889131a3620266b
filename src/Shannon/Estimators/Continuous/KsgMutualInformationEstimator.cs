using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The Kraskov-Stoegbauer-Grassberger k-nearest-neighbour estimator of the mutual information I(X;Y) between
/// two real, possibly multivariate variables (Kraskov, Stoegbauer and Grassberger, "Estimating mutual
/// information", Phys. Rev. E 69, 066138, 2004, doi:10.1103/PhysRevE.69.066138).
/// </summary>
/// <remarks>
/// <para>With eps_i the max-norm distance from sample i to its k-th neighbour in the joint space (X,Y):
/// Algorithm 1 (eq. 8) is psi(k) + psi(N) - &lt;psi(n_x + 1) + psi(n_y + 1)&gt;, n_x counting the other samples
/// strictly within eps_i in X; Algorithm 2 (eq. 9) is psi(k) - 1/k + psi(N) - &lt;psi(n_x) + psi(n_y)&gt;, n_x counting
/// the samples within (&lt;=) the X-extent of the k neighbours. psi is the exact digamma.</para>
/// <para>Bias: zero for independent variables and small for weak dependence; for strong dependence the estimate
/// falls below the truth, and Algorithm 2 can never exceed psi(N) - psi(k) - 1/k (Gao, Ver Steeg and Galstyan 2015,
/// "Efficient estimation of mutual information for strongly dependent variables"), so large MI needs N of order
/// exp(I). Variance: O(1/N) (the standard deviation falls as N^-1/2; Kraskov et al. fig. 4); larger k lowers the variance.
/// Raw estimates are returned: values below zero mean "no detectable dependence".</para>
/// <para>Ties (rounded or discrete data): a point whose k-th joint neighbour is at distance 0 has no radius to count
/// inside, and the plain formula (counts strictly inside radius 0 are 0) inflates every such term. By default such a
/// point contributes the term of Gao, Kannan, Oh and Viswanath, "Estimating mutual information for discrete-continuous
/// mixtures", NeurIPS 2017 (arXiv:1709.06212), Algorithm 1 ("Mixed-KSG", as in the authors' reference code):
/// psi(k~_i) - psi(n_x,i + 1) - psi(n_y,i + 1), with k~_i the number of points equal to point i in (X,Y), itself
/// included, and n_x,i, n_y,i the other points at marginal distance &lt;= 0 (equal X, equal Y). Both algorithms use it for
/// those points (algorithm 2's extents are 0 there). The only difference from the authors' code is psi(N) for their
/// log N, so that untied data give Kraskov's values exactly. On fully discrete data the estimate becomes the plug-in MI
/// with digammas for logarithms; on mixtures it is consistent (their Theorem 2). The result names the rule
/// (<see cref="ContinuousEstimate.TieRule"/> "gao-2017") and the points it applied to; seeded jitter
/// (<see cref="KsgOptions.Jitter"/>, in units of each column's standard deviation) stays an option.</para>
/// <para>Conventions: each column is z-scored first (MILCA/JIDT; scikit-learn's <c>mutual_info_regression</c>
/// scales without centring, which gives the same neighbours); no noise unless <see cref="KsgOptions.Jitter"/> is set.
/// Cost: O(N log N) time with a k-d tree for the joint space and sorted arrays (or k-d trees) for the marginals,
/// O(N) memory, all cores; the result does not depend on the thread count.</para>
/// </remarks>
public sealed class KsgMutualInformationEstimator
{
    /// <summary>An estimator with <see cref="KsgOptions.Default"/>.</summary>
    public KsgMutualInformationEstimator()
        : this(KsgOptions.Default)
    {
    }

    /// <summary>An estimator with the given options, checked here once.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, an unknown algorithm, negative jitter or a bad thread count (the message names it).</exception>
    public KsgMutualInformationEstimator(KsgOptions options)
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

    /// <summary>The estimate of I(X;Y) from paired scalar samples.</summary>
    /// <param name="x">The N values of X.</param>
    /// <param name="y">The N values of Y, paired with <paramref name="x"/>.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    /// <exception cref="ArgumentException">Empty, non-finite, constant or unequal-length inputs, or k >= N.</exception>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, InformationUnit unit) =>
        Estimate(Samples.Create(x, nameof(x)), Samples.Create(y, nameof(y)), unit);

    /// <summary>The estimate of I(X;Y) from paired multivariate samples.</summary>
    /// <param name="x">N samples of X (any dimension).</param>
    /// <param name="y">N samples of Y (any dimension), paired row by row with <paramref name="x"/>.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    /// <exception cref="ArgumentException">Unequal sample counts, a constant column, or k >= N.</exception>
    public ContinuousEstimate Estimate(Samples x, Samples y, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.SameSampleCount(y, x, nameof(y), nameof(x));
        int n = x.Count;
        int k = Options.K;
        Preconditions.NeighbourCountBelow(k, n);
        Preconditions.NotConstant(x, nameof(x));
        Preconditions.NotConstant(y, nameof(y));

        var random = Options.Jitter > 0 || Options.Dequantize ? new Random(Options.Seed) : null;
        int dequantized = 0;
        double[][] xs = ContinuousInput.Prepare(Options.Dequantize ? Lattice.Dequantize(x, random!, ref dequantized) : x, Options.Standardize, Options.Jitter, random);
        double[][] ys = ContinuousInput.Prepare(Options.Dequantize ? Lattice.Dequantize(y, random!, ref dequantized) : y, Options.Standardize, Options.Jitter, random);

        double nats = Compute(xs, ys, k, Options.Algorithm, Options.MaxDegreeOfParallelism, out int? searchTies, out int tiedPoints);

        var warnings = new List<string>();
        // Ties of the searched columns come free with their sort; with jitter (which removes them) or several
        // columns, the input columns are sorted to count them.
        int ties = Options.Jitter == 0 && searchTies is int t ? t : ColumnStatistics.CountTies(x) + ColumnStatistics.CountTies(y);
        ContinuousInput.WarnTies(warnings, ties, Options.Jitter, "gao-2017", tiedPoints);
        ContinuousInput.WarnScales(warnings, Options.Standardize, x, y);
        WarnCeiling(warnings, nats, n, k);
        string name = Options.Algorithm == KsgAlgorithm.Algorithm1 ? "ksg1" : "ksg2";
        return ContinuousInput.Result(nats, unit, n, name, k, ties, warnings, ContinuousInput.TieRule("gao-2017", dequantized, warnings), Options.Jitter, tiedPoints);
    }

    /// <summary>psi(N) - psi(k) - 1/k: the largest value KSG Algorithm 2 can return (Gao et al. 2015), in nats.</summary>
    /// <param name="sampleCount">N.</param>
    /// <param name="k">k.</param>
    /// <returns>The ceiling in nats.</returns>
    public static double Ceiling(int sampleCount, int k)
    {
        Preconditions.Positive(sampleCount, nameof(sampleCount));
        Preconditions.NeighbourCount(k);
        return Digamma.OfInteger(sampleCount) - Digamma.OfInteger(k) - 1.0 / k;
    }

    internal static void WarnCeiling(List<string> warnings, double nats, int n, int k)
    {
        double ceiling = Digamma.OfInteger(n) - Digamma.OfInteger(k) - 1.0 / k;
        if (nats > 0.5 * ceiling)
        {
            warnings.Add($"The estimate ({ContinuousInput.Text(nats)} nats) exceeds half of psi(N) - psi(k) - 1/k = {ContinuousInput.Text(ceiling)} nats, "
                + "the most KSG can report at this N (Gao et al. 2015): the true MI may be much larger; more samples are needed to resolve it.");
        }
    }

    /// <summary>The KSG estimate in nats on prepared columns.</summary>
    internal static double Compute(double[][] xs, double[][] ys, int k, KsgAlgorithm algorithm, int maxDegreeOfParallelism, out int? ties) =>
        Compute(xs, ys, k, algorithm, maxDegreeOfParallelism, out ties, out _);

    /// <summary>
    /// The KSG estimate in nats on prepared columns, with the tie rule of Gao, Kannan, Oh and Viswanath (2017): a point
    /// whose k-th joint neighbour is at distance 0 contributes psi(k~) - psi(n_x + 1) - psi(n_y + 1), k~ counting the
    /// points that coincide with it (itself included) and n_x, n_y the other points at marginal distance &lt;= 0;
    /// every other point the usual KSG term. <paramref name="tiedPoints"/> receives the number of points of the first kind.
    /// </summary>
    internal static double Compute(double[][] xs, double[][] ys, int k, KsgAlgorithm algorithm, int maxDegreeOfParallelism, out int? ties, out int tiedPoints)
    {
        int n = xs[0].Length;
        double[][] joint = ContinuousInput.Join(xs, ys);
        INeighbourIndex tree = null!;
        MarginalCounter countX = null!, countY = null!;
        Parallel.Invoke(
            ContinuousInput.Parallelism(maxDegreeOfParallelism),
            () => tree = NeighbourIndex.Create(joint, DistanceNorm.Maximum),
            () => countX = new MarginalCounter(xs),
            () => countY = new MarginalCounter(ys));

        // The coincidence counts are needed only when some point sits on k others; a sort finds them once.
        int[]? coincident = null;
        object gate = new();
        var terms = new double[n];
        int zeroRadius = 0;
        int chunks = (n + ContinuousInput.ChunkSize - 1) / ContinuousInput.ChunkSize;
        bool second = algorithm == KsgAlgorithm.Algorithm2;
        int yColumn = xs.Length; // Y's first column in the joint space
        double psiK = Digamma.OfInteger(k);
        Parallel.For(0, chunks, ContinuousInput.Parallelism(maxDegreeOfParallelism), chunk =>
        {
            Span<int> rows = k <= 64 ? stackalloc int[k] : new int[k];
            Span<double> distances = k <= 64 ? stackalloc double[k] : new double[k];
            int end = Math.Min(n, (chunk + 1) * ContinuousInput.ChunkSize);
            var hintX = MarginalCounter.Hint.None;
            var hintY = MarginalCounter.Hint.None;
            for (int p = chunk * ContinuousInput.ChunkSize; p < end; p++)
            {
                int i = tree.RowAt(p);
                tree.NearestNeighboursAtPosition(p, k, rows, distances);
                if (distances[k - 1] == 0)
                {
                    // Gao et al. 2017, Algorithm 1 (their "Mixed-KSG"): k~ = the points at distance 0, itself included.
                    if (Volatile.Read(ref coincident) is null)
                    {
                        lock (gate)
                        {
                            coincident ??= ColumnStatistics.CoincidentCounts(joint);
                        }
                    }

                    Interlocked.Increment(ref zeroRadius);
                    int nx0 = countX.CountAround(i, tree.Coordinate(p, 0), 0, inclusive: true, ref hintX);
                    int ny0 = countY.CountAround(i, tree.Coordinate(p, yColumn), 0, inclusive: true, ref hintY);
                    terms[i] = Digamma.OfInteger(coincident![i] + 1) - (Digamma.OfInteger(nx0 + 1) + Digamma.OfInteger(ny0 + 1));
                }
                else if (!second)
                {
                    double eps = distances[k - 1];
                    int nx = countX.CountAround(i, tree.Coordinate(p, 0), eps, inclusive: false, ref hintX);
                    int ny = countY.CountAround(i, tree.Coordinate(p, yColumn), eps, inclusive: false, ref hintY);
                    terms[i] = psiK - (Digamma.OfInteger(nx + 1) + Digamma.OfInteger(ny + 1));
                }
                else
                {
                    double epsX = 0, epsY = 0;
                    for (int m = 0; m < k; m++)
                    {
                        epsX = Math.Max(epsX, MarginalCounter.MaxDistance(xs, i, rows[m]));
                        epsY = Math.Max(epsY, MarginalCounter.MaxDistance(ys, i, rows[m]));
                    }

                    int nx = countX.CountAround(i, tree.Coordinate(p, 0), epsX, inclusive: true, ref hintX);
                    int ny = countY.CountAround(i, tree.Coordinate(p, yColumn), epsY, inclusive: true, ref hintY);
                    terms[i] = psiK - 1.0 / k - (Digamma.OfInteger(nx) + Digamma.OfInteger(ny));
                }
            }
        });

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += terms[i];
        }

        ties = countX.TiedValueCount + countY.TiedValueCount;
        tiedPoints = zeroRadius;
        return Digamma.OfInteger(n) + sum / n;
    }
}
