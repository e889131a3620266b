namespace Shannon.Estimators.Continuous;

/// <summary>
/// The parametric Gaussian estimate of I(X;Y): the mutual information of the multivariate normal with the
/// sample covariance, 1/2 ln(det S_xx det S_yy / det S), S the sample covariance of (X,Y) (Cover and Thomas,
/// Elements of Information Theory, 2nd ed., eq. 8.56 and exercise 8.9).
/// </summary>
/// <remarks>
/// Consistent for Gaussian data; biased upwards by about d_x d_y / (2N) nats; for one pair with correlation rho its
/// standard deviation is about |rho| / sqrt(N) nats (delta method: dI/drho = rho / (1 - rho^2), SD(r) = (1 - rho^2) / sqrt(N)); for non-Gaussian data
/// it is a lower bound on the MI of the Gaussian with the same covariance, i.e. it measures linear dependence only.
/// O(N (d_x + d_y)^2) time. For a bias-corrected, rank-based version see
/// <see cref="GaussianCopulaMutualInformationEstimator"/>.
/// </remarks>
public sealed class GaussianMutualInformationEstimator
{
    /// <summary>The estimate of I(X;Y) from paired scalar samples.</summary>
    /// <param name="x">The N values of X.</param>
    /// <param name="y">The N values of Y.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    public ContinuousEstimate Estimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, InformationUnit unit) =>
        Estimate(Samples.Create(x, nameof(x)), Samples.Create(y, nameof(y)), unit);

    /// <summary>The estimate of I(X;Y) from paired multivariate samples.</summary>
    /// <param name="x">N samples of X.</param>
    /// <param name="y">N samples of Y.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentException">Unequal counts, a constant column, N &lt;= d_x + d_y, or a singular covariance.</exception>
    public ContinuousEstimate Estimate(Samples x, Samples y, InformationUnit unit)
    {
        Preconditions.NonConstantPair(x, y, unit);
        CheckEnoughSamples(x.Count, x.Dimension + y.Dimension);
        double nats = GaussianCore.MutualInformation(x.Columns, y.Columns, biasCorrected: false);
        var warnings = new List<string>();
        int ties = ColumnStatistics.CountTies(x) + ColumnStatistics.CountTies(y);
        return ContinuousInput.Result(nats, unit, x.Count, "gaussian", null, ties, null, warnings);
    }

    /// <summary>
    /// The estimate from sufficient statistics instead of samples: the sample count N and the co-moment matrix
    /// M_ab = sum_i (v_ai - mean_a)(v_bi - mean_b) of X's columns followed by Y's, e.g. of a table split over machines,
    /// merged part by part with the pairwise update of Chan, Golub &amp; LeVeque (1979), M = M1 + M2 + d d^T N1 N2 / N for
    /// the difference d of the parts' means. The covariance M / (N - 1) and the log-determinants are those of
    /// <see cref="Estimate(Samples, Samples, InformationUnit)"/>, so the two agree up to the rounding of sums taken in
    /// another order (relative differences of about 1e-15 in the covariances). Ties cannot be seen in moments: the
    /// result's <see cref="ContinuousEstimate.TiedValueCount"/> is 0 and says nothing about ties.
    /// </summary>
    /// <param name="count">N, the number of samples (more than the joint dimension).</param>
    /// <param name="comoments">The symmetric d x d co-moment matrix (finite, positive diagonal).</param>
    /// <param name="dimensionX">How many of the d columns belong to X (1 .. d - 1); the rest are Y.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate (its SampleCount is N, held at most at int.MaxValue, the result type's range).</returns>
    /// <exception cref="ArgumentException">Too few samples, a bad split, a non-finite, asymmetric or singular matrix, or a zero variance (a constant column).</exception>
    public static ContinuousEstimate FromMoments(long count, double[,] comoments, int dimensionX, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(comoments);
        Preconditions.Unit(unit, nameof(unit));
        int d = comoments.GetLength(0);
        if (comoments.GetLength(1) != d || d < 2)
        {
            throw Preconditions.Error(nameof(comoments), "a square matrix of at least 2 x 2", $"{ContinuousInput.Text(comoments.GetLength(0))} x {ContinuousInput.Text(comoments.GetLength(1))}");
        }

        if (dimensionX < 1 || dimensionX >= d)
        {
            throw Preconditions.OutOfRange(nameof(dimensionX), $"in 1 .. {ContinuousInput.Text(d - 1)}", ContinuousInput.Text(dimensionX));
        }

        if (count <= d)
        {
            throw Preconditions.Error(nameof(count), $"more samples than the joint dimension {ContinuousInput.Text(d)}", count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "The sample covariance is singular otherwise.");
        }

        var covariance = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            if (!(comoments[a, a] > 0) || !double.IsFinite(comoments[a, a]))
            {
                throw Preconditions.Error(nameof(comoments), "a finite, positive variance for every column", $"{ContinuousInput.Text(comoments[a, a])} for column {ContinuousInput.Text(a)}",
                    "A constant column has no Gaussian density; drop it.");
            }

            for (int b = 0; b < d; b++)
            {
                if (!double.IsFinite(comoments[a, b]) || comoments[a, b] != comoments[b, a])
                {
                    throw Preconditions.Error(nameof(comoments), "finite and symmetric", $"{ContinuousInput.Text(comoments[a, b])} at ({ContinuousInput.Text(a)}, {ContinuousInput.Text(b)}) and {ContinuousInput.Text(comoments[b, a])} at ({ContinuousInput.Text(b)}, {ContinuousInput.Text(a)})");
                }

                covariance[a, b] = comoments[a, b] / (count - 1);
            }
        }

        double nats = GaussianCore.FromCovariance(covariance, dimensionX, count, biasCorrected: false);
        return ContinuousInput.Result(nats, unit, (int)Math.Min(count, int.MaxValue), "gaussian", null, 0, null, []);
    }

    internal static void CheckEnoughSamples(int count, int dimension)
    {
        if (count <= dimension)
        {
            throw Preconditions.Error("x", $"more samples than the joint dimension {ContinuousInput.Text(dimension)}", $"{ContinuousInput.Text(count)} samples",
                "The sample covariance is singular otherwise.");
        }
    }
}
