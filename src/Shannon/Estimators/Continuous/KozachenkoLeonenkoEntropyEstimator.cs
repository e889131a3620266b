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
/// <para>Scale: the estimate is computed on the data times a power of two that brings its largest magnitude near 1 and
/// shifted back by d ln 2^e, so multiplying every column by c changes it by exactly d ln |c| (up to rounding) over the
/// whole double range: values near 1e-300 or 1e308 neither underflow nor overflow.</para>
/// <para>Ties: a distribution with atoms has no density, and a point with k others at distance 0 would give ln 0. By
/// default (rule "cell-fraction") such a point's ball is widened to r_i, the distance to its nearest point that is not
/// equal to it (and a point whose k-th distance r_i is shared by further points, as on a grid, keeps that r_i), and k is
/// replaced by the mass inside that ball: the other points strictly inside it plus each point at exactly r_i
/// weighted by the fraction of its cell the ball covers, 2^-m for a point at distance r_i in m coordinates of the
/// maximum norm (1/2 for the Euclidean norm), the mid-point convention for counts on a boundary ("exactly" meaning
/// within 1e-9 relative, so that decimal grids, whose equal steps differ in the last bits, count both sides). For data rounded to a
/// grid of step r this makes the term ln of the local histogram density (h = H(rounded) + d ln r for a fine grid, the
/// classical relation of Cover and Thomas, Theorem 8.3.1), where the plain estimator gives minus infinity; k_i is
/// then real, with psi of a real argument. The result names the rule and the number of points it applied to; seeded
/// jitter stays an option.</para>
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
        Preconditions.NeighbourCount(options.K);
        Preconditions.Norm(options.Norm);
        Preconditions.NonNegativeFinite(options.Jitter, "jitter");
        Preconditions.DegreeOfParallelism(options.MaxDegreeOfParallelism);
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
    /// <exception cref="ArgumentException">A constant column or k >= N.</exception>
    public ContinuousEstimate Estimate(Samples x, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(x);
        Preconditions.Unit(unit, nameof(unit));
        int n = x.Count, d = x.Dimension, k = Options.K;
        Preconditions.NeighbourCountBelow(k, n);
        Preconditions.NotConstant(x, nameof(x));
        var random = Options.Jitter > 0 || Options.Dequantize ? new Random(Options.Seed) : null;
        int dequantized = 0;
        double[][] prepared = ContinuousInput.Prepare(Options.Dequantize ? Lattice.Dequantize(x, random!, ref dequantized) : x, standardize: false, Options.Jitter, random);
        int e = ColumnStatistics.CommonScaleExponent(prepared);
        double[][] xs = ColumnStatistics.ScaleColumns(prepared, e);
        var tree = new KdTree(xs, Options.Norm, 8, validate: false);
        var logs = new double[n];
        var psiK = new double[n];
        var zeroAt = new bool[n];
        var boundaryAt = new bool[n];
        int zeros = 0, boundary = 0;
        int ties = ColumnStatistics.CountTies(x);
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
                    zeroAt[i] = true;
                    continue;
                }

                // Several points exactly at the k-th distance (a grid): the same rule, with r_i that distance.
                if (ties > 0 && tree.CountWithinUnchecked(i, distances[k - 1] * (1 + BoundaryTolerance), inclusive: true) > k)
                {
                    Interlocked.Increment(ref boundary);
                    boundaryAt[i] = true;
                    continue;
                }

                logs[i] = Math.Log(distances[k - 1]);
                psiK[i] = Digamma.OfInteger(k);
            }
        });

        if (zeros + boundary > 0)
        {
            CellFraction(xs, tree, Options.Norm, k, zeroAt, boundaryAt, logs, psiK);
        }

        double sum = 0, psiSum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += logs[i];
            psiSum += psiK[i];
        }

        sum += n * (e * Math.Log(2.0));
        double logVolume = Options.Norm == DistanceNorm.Maximum
            ? d * Math.Log(2.0)
            : 0.5 * d * Math.Log(Math.PI) - MathNet.Numerics.SpecialFunctions.GammaLn(0.5 * d + 1);
        double nats = Digamma.OfInteger(n) - psiSum / n + logVolume + d * sum / n;
        var warnings = new List<string>();
        ContinuousInput.WarnTies(warnings, ties, Options.Jitter, "cell-fraction", zeros + boundary);
        if (zeros > 0 && Options.Jitter == 0)
        {
            warnings.Add("The data have atoms (points repeated more than k times): a distribution with atoms has no differential entropy; "
                + "the estimate is that of the data spread over their own resolution (rule cell-fraction), comparable only between data of the same resolution.");
        }

        ContinuousInput.WarnScales(warnings, standardized: false, x);
        return ContinuousInput.Result(nats, unit, n, "kozachenko-leonenko", k, ties, warnings, ContinuousInput.TieRule("cell-fraction", dequantized, warnings), Options.Jitter, zeros + boundary);
    }

    /// <summary>
    /// The cell-fraction rule for the points whose k-th neighbour is at distance 0 (see the remarks): fills their ln r_i
    /// and psi(k_i), once per group of coincident points (all members share both).
    /// </summary>
    /// <summary>Distances within this relative amount of r_i count as on the sphere: on a decimal grid (0.1 steps) the two
    /// neighbours one step away differ in the last bits (|0.3 - 0.2| != |0.2 - 0.1| in doubles).</summary>
    private const double BoundaryTolerance = 1e-9;

    private static void CellFraction(double[][] xs, KdTree tree, DistanceNorm norm, int k, bool[] zeroAt, bool[] boundaryAt, double[] logs, double[] psiK)
    {
        int n = xs[0].Length;
        int[] coincident = ColumnStatistics.CoincidentCounts(xs, out int[] representative);
        var done = new Dictionary<int, (double Log, double Psi)>();
        for (int i = 0; i < n; i++)
        {
            if (!zeroAt[i] && !boundaryAt[i])
            {
                continue;
            }

            int g = representative[i];
            if (!done.TryGetValue(g, out var value))
            {
                int t = coincident[g];

                // r: the k-th distance when it is positive, else the distance to the nearest point not equal to g (the
                // (t+1)-th neighbour; one exists, no column being constant). Coincident points share it.
                int reach = zeroAt[i] ? t + 1 : k;
                var rows = new int[reach];
                var distances = new double[reach];
                tree.NearestNeighboursUnchecked(g, reach, rows, distances);
                double r = distances[reach - 1];
                int closed = tree.CountWithinUnchecked(g, r * (1 + BoundaryTolerance), inclusive: true);
                rows = new int[closed];
                distances = new double[closed];
                tree.NearestNeighboursUnchecked(g, closed, rows, distances);

                // The mass inside the ball: every other point strictly inside, and each one on the sphere by the fraction
                // of its cell the ball covers.
                double mass = 0;
                for (int m = 0; m < closed; m++)
                {
                    if (distances[m] < r * (1 - BoundaryTolerance))
                    {
                        mass += 1;
                        continue;
                    }

                    if (norm == DistanceNorm.Euclidean)
                    {
                        mass += 0.5;
                        continue;
                    }

                    double w = 1;
                    foreach (double[] c in xs)
                    {
                        if (Math.Abs(Math.Abs(c[rows[m]] - c[g]) - r) <= r * BoundaryTolerance)
                        {
                            w *= 0.5;
                        }
                    }

                    mass += w;
                }

                value = (Math.Log(r), Digamma.Of(mass));
                done[g] = value;
            }

            logs[i] = value.Log;
            psiK[i] = value.Psi;
        }
    }
}
