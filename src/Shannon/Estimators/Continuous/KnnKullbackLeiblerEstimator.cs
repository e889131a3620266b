using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The k-nearest-neighbour estimator of the Kullback-Leibler divergence D(P||Q) between two continuous
/// distributions from a sample of each (Wang, Kulkarni and Verdu, "Divergence estimation for multidimensional
/// densities via k-nearest-neighbor distances", IEEE Trans. Inf. Theory 55(5), 2392, 2009, eq. 5,
/// doi:10.1109/TIT.2009.2016060).
/// </summary>
/// <remarks>
/// <para>D = (d/n) sum_i ln(nu_i / rho_i) + ln(m / (n - 1)), with n samples x_i from P, m from Q, rho_i the distance
/// from x_i to its k-th neighbour among the other x, nu_i its distance to the k-th nearest sample of Q. Asymptotically
/// unbiased and mean-square consistent; at finite n the estimate can be negative (it is returned as is). The samples are
/// not standardised: both must be in the same units; both are computed in a common power-of-two scale, so the estimate
/// is invariant (up to rounding) when both samples are multiplied by any c != 0 across the double range. O((n + m) log m) time.</para>
/// <para>Ties (rule "atom-mass-ratio"): where x_i is an atom (its k-th neighbour in P or its k-th nearest sample of Q is at
/// distance 0), the ratio of ball volumes is 1 and the log density ratio becomes the log ratio of the masses at the atom,
/// in the form of Wang, Kulkarni and Verdu's estimator with point-dependent k_i and l_i (their eq. 17):
/// psi(a_i) - psi(b_i) + ln(m / n), a_i the samples of P equal to x_i (itself included), b_i the samples of Q equal to
/// it, the mass-ratio analogue of Gao, Kannan, Oh and Viswanath's 2017 rule for MI. When b_i = 0 (an atom of P
/// that Q never shows) the term, and D, is +infinity, the value KL takes when Q gives probability 0 where P does not.</para>
/// </remarks>
public sealed class KnnKullbackLeiblerEstimator
{
    /// <summary>An estimator with <see cref="KnnKullbackLeiblerOptions.Default"/>.</summary>
    public KnnKullbackLeiblerEstimator()
        : this(KnnKullbackLeiblerOptions.Default)
    {
    }

    /// <summary>An estimator with the given options, checked here once.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, an unknown norm, or a bad thread count.</exception>
    public KnnKullbackLeiblerEstimator(KnnKullbackLeiblerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.NeighbourCount(options.K);
        Preconditions.Norm(options.Norm);
        Preconditions.DegreeOfParallelism(options.MaxDegreeOfParallelism);
        Options = options;
    }

    /// <summary>The options.</summary>
    public KnnKullbackLeiblerOptions Options { get; }

    /// <summary>The estimate of D(P||Q) from scalar samples.</summary>
    /// <param name="p">n samples of P.</param>
    /// <param name="q">m samples of Q.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics (SampleCount is n).</returns>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> p, ReadOnlySpan<double> q, InformationUnit unit) =>
        Estimate(Samples.Create(p, nameof(p)), Samples.Create(q, nameof(q)), unit);

    /// <summary>The estimate of D(P||Q) from multivariate samples of the same dimension.</summary>
    /// <param name="p">n samples of P.</param>
    /// <param name="q">m samples of Q (m may differ from n).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics (SampleCount is n).</returns>
    /// <exception cref="ArgumentException">Different dimensions, or k >= n or k > m.</exception>
    public ContinuousEstimate Estimate(Samples p, Samples q, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Preconditions.Unit(unit, nameof(unit));
        if (q.Dimension != p.Dimension)
        {
            throw Preconditions.Error(nameof(q), $"of the same dimension as `p` ({ContinuousInput.Text(p.Dimension)})", $"dimension {ContinuousInput.Text(q.Dimension)}");
        }

        int n = p.Count, m = q.Count, d = p.Dimension, k = Options.K;
        Preconditions.NeighbourCountBelow(k, n);
        if (k > m)
        {
            throw Preconditions.OutOfRange("k", $"at most the size of `q` ({ContinuousInput.Text(m)})", ContinuousInput.Text(k));
        }

        int e = ColumnStatistics.CommonScaleExponent([.. p.Columns, .. q.Columns]);
        double[][] ps = ColumnStatistics.ScaleColumns(p.Columns, e);
        double[][] qs = ColumnStatistics.ScaleColumns(q.Columns, e);
        var treeP = new KdTree(ps, Options.Norm, 8, validate: false);
        var treeQ = new KdTree(qs, Options.Norm, 8, validate: false);
        var logRatio = new double[n];
        var atom = new bool[n];
        int zeros = 0;
        int chunks = (n + ContinuousInput.ChunkSize - 1) / ContinuousInput.ChunkSize;
        double offset = Math.Log(m / (n - 1.0));
        Parallel.For(0, chunks, ContinuousInput.Parallelism(Options.MaxDegreeOfParallelism), chunk =>
        {
            Span<int> rows = k <= 64 ? stackalloc int[k] : new int[k];
            Span<double> distances = k <= 64 ? stackalloc double[k] : new double[k];
            Span<double> point = stackalloc double[d];
            int end = Math.Min(n, (chunk + 1) * ContinuousInput.ChunkSize);
            for (int t = chunk * ContinuousInput.ChunkSize; t < end; t++)
            {
                int i = treeP.RowAt(t);
                treeP.NearestNeighboursUnchecked(i, k, rows, distances);
                double rho = distances[k - 1];
                for (int j = 0; j < d; j++)
                {
                    point[j] = ps[j][i];
                }

                treeQ.NearestNeighboursUnchecked(point, -1, k, rows, distances);
                double nu = distances[k - 1];
                if (rho == 0 || nu == 0)
                {
                    Interlocked.Increment(ref zeros);
                    atom[i] = true;
                    continue;
                }

                logRatio[i] = d * (Math.Log(nu) - Math.Log(rho)) + offset;
            }
        });

        if (zeros > 0)
        {
            // Atoms: counts of equal points in P and in Q by one sort of the union (the tag column tells the samples apart).
            var union = new double[d][];
            for (int j = 0; j < d; j++)
            {
                union[j] = [.. ps[j], .. qs[j]];
            }

            int[] together = ColumnStatistics.CoincidentCounts(union);
            int[] inP = ColumnStatistics.CoincidentCounts(ps);
            for (int i = 0; i < n; i++)
            {
                if (atom[i])
                {
                    int a = inP[i] + 1;
                    int b = together[i] - inP[i];
                    logRatio[i] = b == 0 ? double.PositiveInfinity : Digamma.OfInteger(a) - Digamma.OfInteger(b) + Math.Log((double)m / n);
                }
            }
        }

        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += logRatio[i];
        }

        double nats = sum / n;
        int ties = ColumnStatistics.CountTies(p) + ColumnStatistics.CountTies(q);
        var warnings = new List<string>();
        ContinuousInput.WarnTies(warnings, ties, 0, "atom-mass-ratio", zeros);
        return ContinuousInput.Result(nats, unit, n, "knn-kl", k, ties, warnings, "atom-mass-ratio", 0, zeros);
    }
}
