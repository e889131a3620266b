using Shannon.Spatial;

namespace Shannon.Estimators.Continuous;

/// <summary>Options of <see cref="LncMutualInformationEstimator"/>.</summary>
public sealed record LncOptions
{
    /// <summary>k = 5, calibrated alpha, all cores.</summary>
    public static LncOptions Default { get; } = new();

    /// <summary>The number of nearest neighbours (default 5, the authors' code's default; it must be at least
    /// d_x + d_y so the local PCA sees a full-rank neighbourhood).</summary>
    public int K { get; init; } = 5;

    /// <summary>The threshold on the volume ratio below which a point is corrected, in (0, 1]; null (default): calibrated
    /// for k and d as the 5% quantile of the ratio when the k neighbours are uniform in the max-norm ball (Gao et al.
    /// 2015, section 4: alpha_{k,d} is chosen so that locally uniform neighbourhoods are rarely corrected). A fixed 0.25
    /// (the authors' code's default for k = 5 in two dimensions) over-corrects in more dimensions.</summary>
    public double? Alpha { get; init; }

    /// <summary>The most threads, or -1 for all cores (default).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>
/// KSG with the local non-uniformity correction (LNC) of Gao, Ver Steeg and Galstyan, "Efficient estimation of mutual
/// information for strongly dependent variables", AISTATS 2015 (PMLR 38:277-286), eq. 9: for strongly dependent
/// variables the k nearest neighbours of a point lie on a thin, tilted set, the max-norm box around them overstates the
/// local volume, and KSG is biased low (it cannot exceed about ln N; their Theorem 1).
/// </summary>
/// <remarks>
/// <para>For each point i, the k joint nearest neighbours (max-norm, z-scored columns) are centred on x_i; V(i) is the
/// volume of the axis-aligned box that just holds them, V-bar(i) that of the box aligned with their principal axes (the
/// eigenvectors of (1/k) sum_l p_l p_l^T) that just holds them. Where V-bar(i) / V(i) &lt; alpha, the neighbourhood is
/// non-uniform and ln V(i) - ln V-bar(i) is added: I_LNC = I_KSG1 + (1/N) sum_i [ln V(i) - ln V-bar(i)] 1{V-bar(i) / V(i)
/// &lt; alpha}. The correction applies to the joint-entropy term, so vector X and Y take it unchanged.</para>
/// <para>Bias and variance: on near-deterministic relations (y = f(x) + small noise) it removes most of KSG's
/// downward bias; in 1 + 1 on weak dependence the threshold rarely trips and it stays near KSG1 with the same k. Its variance is
/// KSG's plus that of the corrections. Cost: KSG1 plus one k-NN query and one d x d symmetric eigen-decomposition per
/// point. k = 5 is the authors' released code's default (NPEET_LNC, function MI_LNC); alpha is calibrated per k and d
/// (see <see cref="LncOptions.Alpha"/>). Measured on the Beyond-Normal tasks at N = 5000: within 0.05 nats of KSG1 in
/// 1 + 1, but it over-corrects Gaussian-like neighbourhoods from 2 + 2 up (normal 2 x 2: 0.41 against a truth of 0.29),
/// so the auto estimator does not use it; it is for near-deterministic relations in few dimensions.</para>
/// </remarks>
public sealed class LncMutualInformationEstimator
{
    /// <summary>An estimator with <see cref="LncOptions.Default"/>.</summary>
    public LncMutualInformationEstimator()
        : this(LncOptions.Default)
    {
    }

    /// <summary>An estimator with the given options, checked here.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentOutOfRangeException">k &lt; 1, alpha outside (0, 1] or a bad thread count.</exception>
    public LncMutualInformationEstimator(LncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Preconditions.NeighbourCount(options.K);
        if (options.Alpha is { } alpha && !(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException("alpha", alpha,
                $"`alpha` must be in (0, 1]; got {Preconditions.Format(alpha)}. It is the volume ratio below which a neighbourhood is corrected; leave it unset for the calibrated value.");
        }

        Preconditions.DegreeOfParallelism(options.MaxDegreeOfParallelism);
        Options = options;
    }

    /// <summary>The options.</summary>
    public LncOptions Options { get; }

    /// <summary>The estimate of I(X;Y); the result's warnings say how many points were corrected.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="y">N samples of Y, paired row by row.</param>
    /// <param name="unit">The unit.</param>
    /// <returns>The estimate, named "lnc".</returns>
    /// <exception cref="ArgumentException">Unequal counts, a constant column, k >= N, or k &lt; d_x + d_y.</exception>
    public ContinuousEstimate Estimate(Samples x, Samples y, InformationUnit unit)
    {
        Preconditions.NonConstantPair(x, y, unit);
        int n = x.Count, k = Options.K, d = x.Dimension + y.Dimension;
        Preconditions.NeighbourCountBelow(k, n);
        if (k < d)
        {
            throw Preconditions.Error("k", $"at least d_x + d_y = {d} for LNC's local PCA", k.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"Pass k >= {d}, or use ksg1, whose k has no such floor.");
        }

        double[][] sx = KnnMutualInformationEstimator.Prepare(x, MarginalPreprocessing.Standardize);
        double[][] sy = KnnMutualInformationEstimator.Prepare(y, MarginalPreprocessing.Standardize);
        KsgCounts counts = KsgNeighbourCounts.Compute(sx, sy, k, KsgAlgorithm.Algorithm1, NeighbourSearch.Automatic, Options.MaxDegreeOfParallelism);
        double ksg = KnnMutualInformationEstimator.Combine(counts, k, KsgAlgorithm.Algorithm1).Nats;

        double[][] joint = ContinuousInput.Join(sx, sy);
        var tree = new KdTree(joint, DistanceNorm.Maximum);
        double alpha = Options.Alpha ?? CalibratedAlpha(k, d);
        double logAlpha = Math.Log(alpha);
        var corrections = new double[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism };
        Parallel.For(0, n, parallel, () => new Workspace(k, d), (i, _, w) =>
        {
            tree.NearestNeighbours(i, k, w.Rows, w.Distances);
            for (int l = 0; l < k; l++)
            {
                for (int j = 0; j < d; j++)
                {
                    w.Points[l, j] = joint[j][w.Rows[l]] - joint[j][i];
                }
            }

            corrections[i] = Correction(w, k, d, logAlpha);
            return w;
        }, _ => { });

        int corrected = 0;
        var sum = new CompensatedSum();
        for (int i = 0; i < n; i++)
        {
            sum.Add(corrections[i]);
            corrected += corrections[i] > 0 ? 1 : 0;
        }

        double nats = ksg + sum.Value / n;
        var warnings = new List<string>();
        int ties = ColumnStatistics.CountTies(x) + ColumnStatistics.CountTies(y);
        if (ties > 0)
        {
            warnings.Add($"{ContinuousInput.Text(ties)} tied values: zero-width neighbourhoods make the volume ratio undefined; jitter or use a discrete or mixed estimator.");
        }

        warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"LNC corrected {corrected} of {n} points (volume ratio below alpha = {alpha:G4}), adding {sum.Value / n:F4} nats to KSG1's {ksg:F4}."));
        return ContinuousInput.Result(nats, unit, n, "lnc", k, ties, null, warnings);
    }

    /// <summary>The 5% quantile of V-bar / V over 4000 draws (seed 0) of k points uniform in [-1, 1]^d.</summary>
    internal static double CalibratedAlpha(int k, int d)
    {
        const int draws = 4000;
        var random = new Random(0);
        var w = new Workspace(k, d);
        var ratios = new double[draws];
        for (int t = 0; t < draws; t++)
        {
            for (int l = 0; l < k; l++)
            {
                for (int j = 0; j < d; j++)
                {
                    w.Points[l, j] = 2 * random.NextDouble() - 1;
                }
            }

            ratios[t] = Math.Exp(-Correction(w, k, d, 0));
        }

        Array.Sort(ratios);
        return ratios[draws / 20];
    }

    /// <summary>ln V(i) - ln V-bar(i) when V-bar(i) / V(i) &lt; alpha, else 0.</summary>
    private static double Correction(Workspace w, int k, int d, double logAlpha)
    {
        double logBox = 0;
        for (int j = 0; j < d; j++)
        {
            double m = 0;
            for (int l = 0; l < k; l++)
            {
                m = Math.Max(m, Math.Abs(w.Points[l, j]));
            }

            logBox += Math.Log(m);
        }

        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double s = 0;
                for (int l = 0; l < k; l++)
                {
                    s += w.Points[l, a] * w.Points[l, b];
                }

                w.Covariance[a, b] = w.Covariance[b, a] = s / k;
            }
        }

        var axes = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(w.Covariance)
            .Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric).EigenVectors;
        double logRectangle = 0;
        for (int c = 0; c < d; c++)
        {
            double m = 0;
            for (int l = 0; l < k; l++)
            {
                double p = 0;
                for (int j = 0; j < d; j++)
                {
                    p += w.Points[l, j] * axes[j, c];
                }

                m = Math.Max(m, Math.Abs(p));
            }

            logRectangle += Math.Log(m);
        }

        double logRatio = logRectangle - logBox;
        return logRatio < logAlpha && double.IsFinite(logRatio) ? -logRatio : 0;
    }

    private sealed class Workspace(int k, int d)
    {
        public int[] Rows { get; } = new int[k];

        public double[] Distances { get; } = new double[k];

        public double[,] Points { get; } = new double[k, d];

        public double[,] Covariance { get; } = new double[d, d];
    }
}
