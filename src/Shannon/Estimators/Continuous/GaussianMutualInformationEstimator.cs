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

/// <summary>Options of the Gaussian-copula mutual information estimator.</summary>
public sealed record GaussianCopulaOptions
{
    /// <summary>With the bias correction (Ince et al. 2017's default).</summary>
    public static GaussianCopulaOptions Default { get; } = new();

    /// <summary>Whether to apply the analytic bias correction of the Gaussian entropies (default true).</summary>
    public bool BiasCorrection { get; init; } = true;
}

/// <summary>
/// The Gaussian-copula estimate of I(X;Y) (Ince, Giordano, Kayser, Rousselet, Gross and Schyns, "A statistical
/// framework for neuroimaging data analysis based on mutual information estimated via a Gaussian copula",
/// Human Brain Mapping 38, 1541, 2017, doi:10.1002/hbm.23471): each column is replaced by its copula-normalised
/// ranks Phi^-1(rank / (N + 1)), and the Gaussian MI of the result is computed with the bias correction of the
/// Gaussian entropies (their gcmi code, <c>mi_gg(..., biascorrect=True)</c>).
/// </summary>
/// <remarks>
/// <para>A lower bound on the true MI (exact when the dependence is a Gaussian copula), invariant under monotone
/// transformations of each column, robust to outliers, with low variance and O(N log N) cost. Ties are ranked in
/// order of appearance (as gcmi's double argsort does for distinct values) and reported.</para>
/// <para>The correction subtracts from each Gaussian entropy d/2 (ln 2 - ln(N - 1)) + sum_{i=1..d} psi((N - i)/2)/2, the
/// expected bias of the log-determinant of a sample covariance.</para>
/// </remarks>
public sealed class GaussianCopulaMutualInformationEstimator
{
    /// <summary>An estimator with the bias correction.</summary>
    public GaussianCopulaMutualInformationEstimator()
        : this(GaussianCopulaOptions.Default)
    {
    }

    /// <summary>An estimator with the given options.</summary>
    /// <param name="options">The options.</param>
    public GaussianCopulaMutualInformationEstimator(GaussianCopulaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The options.</summary>
    public GaussianCopulaOptions Options { get; }

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
    /// <exception cref="ArgumentException">Unequal counts, a constant column, or N &lt;= d_x + d_y.</exception>
    public ContinuousEstimate Estimate(Samples x, Samples y, InformationUnit unit)
    {
        Preconditions.NonConstantPair(x, y, unit);
        GaussianMutualInformationEstimator.CheckEnoughSamples(x.Count, x.Dimension + y.Dimension);
        double[][] cx = x.Columns.Select(GaussianCore.CopulaNormalise).ToArray();
        double[][] cy = y.Columns.Select(GaussianCore.CopulaNormalise).ToArray();
        double nats = GaussianCore.MutualInformation(cx, cy, Options.BiasCorrection);
        var warnings = new List<string>();
        int ties = ColumnStatistics.CountTies(x) + ColumnStatistics.CountTies(y);
        if (ties > 0)
        {
            warnings.Add($"{ContinuousInput.Text(ties)} tied values were given distinct ranks in order of appearance; the copula transform assumes continuous data.");
        }

        return ContinuousInput.Result(nats, unit, x.Count, "gaussian-copula", null, ties, null, warnings);
    }
}

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

        int[] xIdx = Enumerable.Range(0, dx).ToArray();
        int[] yIdx = Enumerable.Range(dx, dy).ToArray();
        double hx = 0.5 * LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(cov, xIdx), "x"));
        double hy = 0.5 * LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(cov, yIdx), "y"));
        double hxy = 0.5 * LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(cov, "x"));
        if (biasCorrected)
        {
            double dterm = (Math.Log(2.0) - Math.Log(n - 1.0)) / 2.0;
            hx -= dx * dterm + PsiTerms(n, dx);
            hy -= dy * dterm + PsiTerms(n, dy);
            hxy -= d * dterm + PsiTerms(n, d);
        }

        return hx + hy - hxy;
    }

    private static double PsiTerms(int n, int count)
    {
        double s = 0;
        for (int i = 1; i <= count; i++)
        {
            s += Digamma.Of((n - i) / 2.0) / 2.0;
        }

        return s;
    }
}
