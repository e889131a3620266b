using Shannon.Distributions;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// A Student-t copula fitted to rank-transformed data by pseudo-maximum likelihood (Genest, Ghoudi and Rivest 1995,
/// Biometrika 82(3), "A semiparametric estimation procedure of dependence parameters in multivariate families of
/// distributions"): the degrees of freedom nu on a grid, the dispersion for each nu by the EM fixed point of the
/// multivariate t with known nu (Kotz and Nadarajah, "Multivariate t Distributions and Their Applications", 2004,
/// section 11.2: Sigma = mean of w_i z_i z_i^T with w_i = (nu + d) / (nu + z_i^T Sigma^-1 z_i)).
/// </summary>
/// <remarks>
/// Its MI is closed-form: I = I_Gauss(Sigma) + c(nu, d_x) + c(nu, d_y) - c(nu, d_x + d_y) (Arellano-Valle, Contreras-Reyes
/// and Genton 2013; <see cref="MutualInformationTask.StudentTCorrection"/>), since MI is a property of the copula. The grid
/// is the integers {1, 2, 3, 4, 6, 10, 20, 40} and infinity (the Gaussian copula); the pseudo-log-likelihood of each is
/// sum_i [ln t_d(z_i; Sigma, nu) - sum_j ln t_1(z_ij; nu)] with z_ij = t_nu^-1(r_ij / (N + 1)).
/// </remarks>
internal sealed class StudentCopula
{
    private static readonly int[] Grid = [1, 2, 3, 4, 6, 10, 20, 40];
    private const int Iterations = 12;

    private StudentCopula(int degreesOfFreedom, double[,] correlation, double gaussianPart, double logLikelihoodGain)
    {
        DegreesOfFreedom = degreesOfFreedom;
        Correlation = correlation;
        GaussianPart = gaussianPart;
        LogLikelihoodGain = logLikelihoodGain;
    }

    /// <summary>The fitted nu (an integer of the grid).</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>The fitted dispersion scaled to a correlation matrix (X's coordinates first).</summary>
    public double[,] Correlation { get; }

    /// <summary>1/2 ln det R_XX + 1/2 ln det R_YY - 1/2 ln det R, in nats (no small-sample correction).</summary>
    public double GaussianPart { get; }

    /// <summary>The pseudo-log-likelihood of the fitted t copula minus that of the Gaussian copula, per sample.</summary>
    public double LogLikelihoodGain { get; }

    /// <summary>The copula's MI in nats for d_x and d_y.</summary>
    public double MutualInformation(int dx, int dy) =>
        GaussianPart + MutualInformationTask.StudentTCorrection(DegreesOfFreedom, dx, dy);

    /// <summary>Fits the t copula to normal-scored columns (X's first), or returns null when the Gaussian copula
    /// (nu = infinity) has the larger pseudo-likelihood.</summary>
    public static StudentCopula? Fit(double[][] normalScores, int dx)
    {
        int d = normalScores.Length, n = normalScores[0].Length;
        var ranks = new int[d][];
        for (int j = 0; j < d; j++)
        {
            var order = Enumerable.Range(0, n).ToArray();
            double[] c = normalScores[j];
            Array.Sort(order, (a, b) => c[a].CompareTo(c[b]));
            ranks[j] = new int[n];
            for (int r = 0; r < n; r++)
            {
                ranks[j][order[r]] = r;
            }
        }

        double gaussian = GaussianCopulaLogLikelihood(normalScores);
        StudentCopula? best = null;
        double bestLogLikelihood = gaussian;
        var quantiles = new double[n];
        var z = new double[d][];
        for (int j = 0; j < d; j++)
        {
            z[j] = new double[n];
        }

        foreach (int nu in Grid)
        {
            for (int r = 0; r < (n + 1) / 2; r++)
            {
                double q = Quantile((r + 1.0) / (n + 1.0), nu);
                quantiles[r] = q;
                quantiles[n - 1 - r] = -q;
            }

            for (int j = 0; j < d; j++)
            {
                for (int i = 0; i < n; i++)
                {
                    z[j][i] = quantiles[ranks[j][i]];
                }
            }

            var (sigma, logLikelihood) = FitDispersion(z, nu);
            for (int j = 0; j < d; j++)
            {
                for (int i = 0; i < n; i++)
                {
                    logLikelihood -= LogStudentT1(z[j][i], nu);
                }
            }

            if (logLikelihood > bestLogLikelihood)
            {
                bestLogLikelihood = logLikelihood;
                var correlation = ToCorrelation(sigma);
                best = new StudentCopula(nu, correlation, GaussianInformation(correlation, dx), (logLikelihood - gaussian) / n);
            }
        }

        return best;
    }

    /// <summary>N draws of the copula with normal-scored margins (X's columns first), from the seed.</summary>
    public double[][] Sample(int n, int seed) =>
        Draw(Correlation, DegreesOfFreedom, n, seed).Select(GaussianCore.CopulaNormalise).ToArray();

    /// <summary>N draws, as columns, of the elliptical law with the given correlation matrix: the multivariate normal
    /// when <paramref name="degreesOfFreedom"/> is null, else the multivariate t (each normal row divided by
    /// sqrt(chi2_nu / nu), the chi-square drawn from nu further normals of the same stream).</summary>
    internal static double[][] Draw(double[,] correlation, int? degreesOfFreedom, int n, int seed)
    {
        int d = correlation.GetLength(0);
        var gaussian = MultivariateGaussian.WithCovariance(correlation);
        var random = new Random(seed);
        var columns = new double[d][];
        for (int j = 0; j < d; j++)
        {
            columns[j] = new double[n];
        }

        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            gaussian.Sample(random, row);
            double scale = 1;
            if (degreesOfFreedom is int nu)
            {
                double w = 0;
                for (int t = 0; t < nu; t++)
                {
                    double g = ColumnStatistics.StandardNormal(random);
                    w += g * g;
                }

                scale = 1.0 / Math.Sqrt(w / nu);
            }

            for (int j = 0; j < d; j++)
            {
                columns[j][i] = scale * row[j];
            }
        }

        return columns;
    }

    /// <summary>The standard t quantile: closed forms for nu = 1 (Cauchy, tan(pi (u - 1/2))) and nu = 2 ((2u - 1) /
    /// sqrt(2u(1 - u)), Shaw 2006, J. Comput. Finance 9(4), eq. 36), where MathNet's bracketed root search fails in
    /// the far tails; MathNet's inverse CDF otherwise.</summary>
    internal static double Quantile(double u, int nu) => nu switch
    {
        1 => Math.Tan(Math.PI * (u - 0.5)),
        2 => (2 * u - 1) / Math.Sqrt(2 * u * (1 - u)),
        _ => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, nu, u),
    };

    private static (double[,] Sigma, double LogLikelihood) FitDispersion(double[][] z, int nu)
    {
        int d = z.Length, n = z[0].Length;
        var sigma = new double[d, d];
        var weights = new double[n];
        Array.Fill(weights, 1.0);
        double logLikelihood = double.NegativeInfinity;
        var v = new double[d];
        for (int iteration = 0; iteration <= Iterations; iteration++)
        {
            // Sigma = mean of w_i z_i z_i^T.
            for (int a = 0; a < d; a++)
            {
                for (int b = 0; b <= a; b++)
                {
                    double s = 0;
                    double[] za = z[a], zb = z[b];
                    for (int i = 0; i < n; i++)
                    {
                        s += weights[i] * za[i] * zb[i];
                    }

                    sigma[a, b] = sigma[b, a] = s / n;
                }
            }

            var l = LinearAlgebra.Cholesky(sigma, "x");
            double logDet = LinearAlgebra.LogDeterminantFromCholesky(l);
            double constant = MathNet.Numerics.SpecialFunctions.GammaLn((nu + d) / 2.0) - MathNet.Numerics.SpecialFunctions.GammaLn(nu / 2.0)
                - d / 2.0 * Math.Log(nu * Math.PI) - logDet / 2;
            logLikelihood = 0;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    v[j] = z[j][i];
                }

                LinearAlgebra.ForwardSolve(l, v);
                double delta = 0;
                for (int j = 0; j < d; j++)
                {
                    delta += v[j] * v[j];
                }

                weights[i] = (nu + d) / (nu + delta);
                logLikelihood += constant - (nu + d) / 2.0 * Math.Log(1 + delta / nu);
            }
        }

        return (sigma, logLikelihood);
    }

    private static double LogStudentT1(double t, int nu) =>
        MathNet.Numerics.SpecialFunctions.GammaLn((nu + 1) / 2.0) - MathNet.Numerics.SpecialFunctions.GammaLn(nu / 2.0)
        - 0.5 * Math.Log(nu * Math.PI) - (nu + 1) / 2.0 * Math.Log(1 + t * t / nu);

    /// <summary>sum_i [ln N_d(s_i; R) - sum_j ln phi(s_ij)] = -N/2 ln det R - 1/2 sum_i s_i^T (R^-1 - I) s_i.</summary>
    private static double GaussianCopulaLogLikelihood(double[][] s)
    {
        int d = s.Length, n = s[0].Length;
        var r = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += s[a][i] * s[b][i];
                }

                r[a, b] = r[b, a] = sum / n;
            }
        }

        r = ToCorrelation(r);
        var l = LinearAlgebra.Cholesky(r, "x");
        double total = -n / 2.0 * LinearAlgebra.LogDeterminantFromCholesky(l);
        var v = new double[d];
        for (int i = 0; i < n; i++)
        {
            double plain = 0;
            for (int j = 0; j < d; j++)
            {
                v[j] = s[j][i];
                plain += v[j] * v[j];
            }

            LinearAlgebra.ForwardSolve(l, v);
            double quadratic = 0;
            for (int j = 0; j < d; j++)
            {
                quadratic += v[j] * v[j];
            }

            total -= 0.5 * (quadratic - plain);
        }

        return total;
    }

    private static double[,] ToCorrelation(double[,] sigma)
    {
        int d = sigma.GetLength(0);
        var r = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                r[a, b] = a == b ? 1 : sigma[a, b] / Math.Sqrt(sigma[a, a] * sigma[b, b]);
            }
        }

        return r;
    }

    private static double GaussianInformation(double[,] r, int dx)
    {
        int d = r.GetLength(0);
        int[] xIdx = Enumerable.Range(0, dx).ToArray();
        int[] yIdx = Enumerable.Range(dx, d - dx).ToArray();
        double hx = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(r, xIdx), "x"));
        double hy = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(r, yIdx), "y"));
        double hxy = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(r, "x"));
        return 0.5 * (hx + hy - hxy);
    }
}
