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

    internal static void CheckEnoughSamples(int count, int dimension)
    {
        if (count <= dimension)
        {
            throw Preconditions.Error("x", $"more samples than the joint dimension {ContinuousInput.Text(dimension)}", $"{ContinuousInput.Text(count)} samples",
                "The sample covariance is singular otherwise.");
        }
    }
}
