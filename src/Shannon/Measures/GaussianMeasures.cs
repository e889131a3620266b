using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Differential entropy of N(mu, sigma^2): h = 1/2 ln(2 pi e sigma^2). Any real value (negative for
    /// sigma &lt; 1/sqrt(2 pi e)). Cover &amp; Thomas (2006), eq. 8.9.
    /// </summary>
    /// <param name="distribution">The Gaussian.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>h(X).</returns>
    public static Information DifferentialEntropy(Gaussian distribution, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Preconditions.Unit(unit, nameof(unit));
        return Information.FromNats(0.5 * Math.Log(2 * Math.PI * Math.E * distribution.Variance), unit);
    }

    /// <summary>
    /// Differential entropy of a d-dimensional Gaussian: h = 1/2 ln((2 pi e)^d det Sigma), the log-determinant
    /// by Cholesky. Cover &amp; Thomas (2006), theorem 8.4.1. O(d^3).
    /// </summary>
    /// <param name="distribution">The Gaussian.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>h(X).</returns>
    public static Information DifferentialEntropy(MultivariateGaussian distribution, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Preconditions.Unit(unit, nameof(unit));
        double d = distribution.Dimension;
        return Information.FromNats(0.5 * ((d * Math.Log(2 * Math.PI * Math.E)) + distribution.LogDeterminant), unit);
    }

    /// <summary>
    /// D(P||Q) between univariate Gaussians: ln(sigma_q / sigma_p) + (sigma_p^2 + (mu_p - mu_q)^2) / (2 sigma_q^2) - 1/2.
    /// </summary>
    /// <param name="p">P.</param>
    /// <param name="q">Q.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>D(P||Q).</returns>
    public static Information KullbackLeibler(Gaussian p, Gaussian q, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Preconditions.Unit(unit, nameof(unit));
        double dm = p.Mean - q.Mean;
        double nats = Math.Log(q.StdDev / p.StdDev) + (((p.Variance) + (dm * dm)) / (2 * q.Variance)) - 0.5;
        return Information.FromNats(nats, unit);
    }

    /// <summary>
    /// D(P||Q) between d-dimensional Gaussians: 1/2 [tr(Sq^-1 Sp) + (mq - mp)^T Sq^-1 (mq - mp) - d + ln det Sq - ln det Sp],
    /// by Cholesky solves. O(d^3). (Duchi, "Derivations for linear algebra and optimization", sec. 9.)
    /// </summary>
    /// <param name="p">P.</param>
    /// <param name="q">Q, of the same dimension.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>D(P||Q).</returns>
    public static Information KullbackLeibler(MultivariateGaussian p, MultivariateGaussian q, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.SameLength(q.Dimension, p.Dimension, nameof(q), nameof(p));
        int d = p.Dimension;

        // tr(Sq^-1 Sp) = ||Lq^-1 Lp||_F^2, one forward solve per column of Lp.
        double trace = 0;
        var column = new double[d];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < d; i++)
            {
                column[i] = p.Cholesky[i, j];
            }

            LinearAlgebra.ForwardSolve(q.Cholesky, column);
            foreach (double v in column)
            {
                trace += v * v;
            }
        }

        for (int i = 0; i < d; i++)
        {
            column[i] = q.Mean[i] - p.Mean[i];
        }

        LinearAlgebra.ForwardSolve(q.Cholesky, column);
        double mahalanobis = 0;
        foreach (double v in column)
        {
            mahalanobis += v * v;
        }

        double nats = 0.5 * (trace + mahalanobis - d + q.LogDeterminant - p.LogDeterminant);
        return Information.FromNats(nats, unit);
    }

    /// <summary>
    /// Mutual information between blocks X and Y of a jointly Gaussian vector, from its covariance:
    /// I = 1/2 ln(det S_XX det S_YY / det S), by Cholesky. Cover &amp; Thomas (2006), eq. 8.56 (generalised).
    /// </summary>
    /// <param name="covariance">The covariance of the whole vector (symmetric positive definite).</param>
    /// <param name="xIndices">The indices of X (non-empty).</param>
    /// <param name="yIndices">The indices of Y (non-empty, disjoint from X).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>I(X; Y).</returns>
    public static Information GaussianMutualInformation(double[,] covariance, int[] xIndices, int[] yIndices, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(xIndices);
        ArgumentNullException.ThrowIfNull(yIndices);
        Preconditions.Unit(unit, nameof(unit));
        var s = LinearAlgebra.CheckedCovariance(covariance, nameof(covariance));
        int n = s.GetLength(0);
        var seen = new bool[n];
        foreach (var (indices, name) in new[] { (xIndices, nameof(xIndices)), (yIndices, nameof(yIndices)) })
        {
            if (indices.Length == 0)
            {
                throw Preconditions.Error(name, "non-empty", "no indices");
            }

            foreach (int i in indices)
            {
                if (i < 0 || i >= n || seen[i])
                {
                    throw Preconditions.OutOfRange(name, $"distinct indices in 0..{n - 1}, disjoint from the other block", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                seen[i] = true;
            }
        }

        int[] both = [.. xIndices, .. yIndices];
        double ldx = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(s, xIndices), nameof(covariance)));
        double ldy = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(s, yIndices), nameof(covariance)));
        double ldxy = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(s, both), nameof(covariance)));
        return Information.FromNats(0.5 * (ldx + ldy - ldxy), unit);
    }

    /// <summary>
    /// Mutual information of a bivariate Gaussian with correlation rho: I = -1/2 ln(1 - rho^2), computed with
    /// log1p for accuracy near 0. Range [0, +infinity); +infinity at |rho| = 1. Cover &amp; Thomas (2006), example 8.5.1.
    /// </summary>
    /// <param name="correlation">rho in [-1, 1].</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>I(X; Y).</returns>
    public static Information GaussianMutualInformation(double correlation, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.InRange(correlation, -1, 1, nameof(correlation));
        double r2 = correlation * correlation;
        return Information.FromNats(r2 == 1 ? double.PositiveInfinity : -0.5 * SpecialFunctions.LogOnePlus(-r2), unit);
    }
}
