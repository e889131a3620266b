namespace Shannon.Distributions;

/// <summary>
/// A multivariate normal distribution N(mean, covariance), immutable, with its covariance checked to be
/// symmetric and positive definite (by a successful Cholesky factorisation) when built.
/// </summary>
public sealed class MultivariateGaussian
{
    private readonly double[] _mean;
    private readonly double[,] _covariance;

    private MultivariateGaussian(double[] mean, double[,] covariance, double[,] cholesky)
    {
        _mean = mean;
        _covariance = covariance;
        Cholesky = cholesky;
        LogDeterminant = LinearAlgebra.LogDeterminantFromCholesky(cholesky);
    }

    /// <summary>The dimension d.</summary>
    public int Dimension => _mean.Length;

    /// <summary>The mean vector.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>ln det(covariance), from the Cholesky factor.</summary>
    public double LogDeterminant { get; }

    internal double[,] Cholesky { get; }

    internal double[,] CovarianceMatrix => _covariance;

    /// <summary>The covariance entry (i, j).</summary>
    /// <param name="i">Row.</param>
    /// <param name="j">Column.</param>
    /// <returns>Cov(X_i, X_j).</returns>
    public double Covariance(int i, int j) => _covariance[i, j];

    /// <summary>N(mean, covariance).</summary>
    /// <param name="mean">The mean vector, finite, length d &gt;= 1.</param>
    /// <param name="covariance">A d x d symmetric positive-definite matrix.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">Mismatched sizes, non-finite entries, asymmetry, or a matrix that is not positive definite.</exception>
    public static MultivariateGaussian WithMeanCovariance(ReadOnlySpan<double> mean, double[,] covariance)
    {
        Preconditions.AllFinite(mean, nameof(mean));
        var copy = LinearAlgebra.CheckedCovariance(covariance, nameof(covariance));
        Preconditions.SameLength(copy.GetLength(0), mean.Length, nameof(covariance), nameof(mean));
        var l = LinearAlgebra.Cholesky(copy, nameof(covariance));
        return new MultivariateGaussian(mean.ToArray(), copy, l);
    }

    /// <summary>N(0, covariance).</summary>
    /// <param name="covariance">A symmetric positive-definite matrix.</param>
    /// <returns>The distribution.</returns>
    public static MultivariateGaussian WithCovariance(double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        return WithMeanCovariance(new double[covariance.GetLength(0)], covariance);
    }

    /// <summary>Draws one vector: mean + L z with z standard normal and L the Cholesky factor.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <param name="destination">Receives the sample; length d.</param>
    public void Sample(Random random, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(random);
        Preconditions.SameLength(destination.Length, Dimension, nameof(destination), "the dimension");
        int d = Dimension;
        Span<double> z = d <= 64 ? stackalloc double[d] : new double[d];
        for (int i = 0; i < d; i++)
        {
            z[i] = Gaussian.StandardNormal(random);
        }

        for (int i = 0; i < d; i++)
        {
            double s = _mean[i];
            for (int j = 0; j <= i; j++)
            {
                s += Cholesky[i, j] * z[j];
            }

            destination[i] = s;
        }
    }
}
