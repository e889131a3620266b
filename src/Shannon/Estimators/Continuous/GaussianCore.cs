namespace Shannon.Estimators.Continuous;

/// <summary>Covariance log-determinants and the copula transform.</summary>
internal static class GaussianCore
{
    /// <summary>Phi^-1(r / (N + 1)) for the 1-based rank r of each value (ties by order of appearance).</summary>
    public static double[] CopulaNormalise(double[] column)
    {
        int n = column.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = (double[])column.Clone();
        Array.Sort(keys, order); // introsort is unstable: fix the order of equal values by index below
        for (int start = 0; start < n;)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(order, start, end - start);
            }

            start = end;
        }

        var result = new double[n];
        for (int r = 0; r < n; r++)
        {
            result[order[r]] = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (r + 1.0) / (n + 1.0));
        }

        return result;
    }

    /// <summary>The Gaussian MI in nats of (X,Y) from the sample covariance (divisor N - 1), optionally bias-corrected.</summary>
    public static double MutualInformation(double[][] xs, double[][] ys, bool biasCorrected)
    {
        // Each column in its own power-of-two scale (exact): the MI depends only on the correlations, and a column near
        // 1e-300 would otherwise give covariances that underflow to 0 (a "singular" matrix), one near 1e308 sums that overflow.
        double[][] all = ContinuousInput.Join(xs, ys).Select(c => ColumnStatistics.ScaleColumns([c], ColumnStatistics.ScaleExponent(c))[0]).ToArray();
        int dx = xs.Length, dy = ys.Length, d = dx + dy, n = all[0].Length;
        var means = all.Select(c => c.Average()).ToArray();
        var cov = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double s = 0;
                double[] ca = all[a], cb = all[b];
                for (int i = 0; i < n; i++)
                {
                    s += (ca[i] - means[a]) * (cb[i] - means[b]);
                }

                cov[a, b] = cov[b, a] = s / (n - 1);
            }
        }

        return FromCovariance(cov, dx, n, biasCorrected);
    }

    /// <summary>The Gaussian MI in nats from a covariance matrix of X's columns then Y's: 1/2 ln(det Cx det Cy / det C), with the bias terms when asked.</summary>
    public static double FromCovariance(double[,] cov, int dx, long n, bool biasCorrected)
    {
        int d = cov.GetLength(0), dy = d - dx;
        int[] xIdx = Enumerable.Range(0, dx).ToArray();
        int[] yIdx = Enumerable.Range(dx, dy).ToArray();
        double hx = 0.5 * LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(cov, xIdx), "x"));
        double hy = 0.5 * LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(cov, yIdx), "y"));
        double hxy = 0.5 * LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(cov, "x"));
        return hx + hy - hxy + (biasCorrected ? BiasCorrection(n, dx, dy) : 0);
    }

    /// <summary>What the bias correction adds to the plug-in Gaussian MI of N samples: the exact expectation of the
    /// log-determinant of a sample covariance (divisor N - 1) for d_x, d_y and d_x + d_y (the entropy correction of
    /// the estimator's remarks), combined as h(X) + h(Y) - h(X,Y).</summary>
    public static double BiasCorrection(long n, int dx, int dy)
    {
        double dterm = (Math.Log(2.0) - Math.Log(n - 1.0)) / 2.0;
        int d = dx + dy;
        return -(dx * dterm + PsiTerms(n, dx)) - (dy * dterm + PsiTerms(n, dy)) + (d * dterm + PsiTerms(n, d));
    }

    private static double PsiTerms(long n, int count)
    {
        double s = 0;
        for (int i = 1; i <= count; i++)
        {
            s += Digamma.Of((n - i) / 2.0) / 2.0;
        }

        return s;
    }
}
