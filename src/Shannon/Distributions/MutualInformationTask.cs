using System.Globalization;
using Shannon.Estimators.Continuous;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace Shannon.Distributions;

/// <summary>The task families of the "Beyond Normal" benchmark (Czyz, Grabowski, Vogt, Beerenwinkel and Marx,
/// "Beyond Normal: On the Evaluation of Mutual Information Estimators", NeurIPS 2023).</summary>
public enum MutualInformationTaskFamily
{
    /// <summary>A multivariate normal with every correlation equal (dense interactions).</summary>
    NormalDense = 1,

    /// <summary>A multivariate normal in which only a few pairs (X_i, Y_i) are correlated (sparse interactions).</summary>
    NormalSparse = 2,

    /// <summary>A multivariate Student-t with identity dispersion: dependent although uncorrelated.</summary>
    StudentT = 3,

    /// <summary>A base task with every coordinate mapped by x -> x sqrt(|x|) (MI unchanged).</summary>
    HalfCube = 4,

    /// <summary>A base task with every coordinate mapped by the standard normal CDF (uniform marginals; MI unchanged).</summary>
    NormalCdf = 5,

    /// <summary>A base task with every coordinate mapped by asinh (tails tamed; MI unchanged).</summary>
    Asinh = 6,

    /// <summary>A base task with X and Y each rotated by an angle growing with its squared norm (a non-marginal bijection; MI unchanged).</summary>
    Spiral = 7,

    /// <summary>X uniform on (0, 1), Y = X + N with N uniform on (-epsilon, epsilon).</summary>
    AdditiveUniform = 8,

    /// <summary>A correlated normal pair whose marginals are mapped onto two-component normal mixtures (MI unchanged).</summary>
    BimodalMarginals = 9,
}

/// <summary>
/// A distribution of (X, Y) whose mutual information is known in closed form, with a seeded sampler: the tasks of
/// the "Beyond Normal" benchmark (Czyz et al., NeurIPS 2023), written here from the paper's definitions.
/// </summary>
/// <remarks>
/// <para>Truths (nats):</para>
/// <list type="bullet">
/// <item>Gaussian with correlation matrix C: I = 1/2 ln det C_XX + 1/2 ln det C_YY - 1/2 ln det C (Cover and Thomas,
/// "Elements of Information Theory", 2nd ed., eq. 8.56 for the entropy of a normal; I = h(X) + h(Y) - h(X,Y)).</item>
/// <item>Student-t with nu degrees of freedom and dispersion C (Arellano-Valle, Contreras-Reyes and Genton, "Shannon
/// entropy and mutual information for multivariate skew-elliptical distributions", Scand. J. Stat. 40, 2013, p. 47):
/// I = I_Gauss(C) + c(nu, d_x) + c(nu, d_y) - c(nu, d_x + d_y), with c(nu, d) = ln Gamma(nu/2) - ln Gamma((nu + d)/2)
/// + (nu + d)/2 [psi((nu + d)/2) - psi(nu/2)], the entropy of the standard d-variate t without its d/2 ln(nu pi)
/// term, which cancels.</item>
/// <item>Transformed tasks: I(f(X); g(Y)) = I(X; Y) for bijections f, g (Cover and Thomas, section 8.6; Czyz et
/// al. section 2), so they inherit the base task's value.</item>
/// <item>Additive uniform noise: I = h(Y) - h(N); Y's trapezoidal density gives I = epsilon - ln(2 epsilon) for
/// epsilon &lt;= 1/2 and 1/(4 epsilon) above (Czyz et al., appendix).</item>
/// </list>
/// <para>Sampling uses <see cref="Random"/> with the given seed (normals by Box-Muller, chi-squared as a sum of squared
/// normals for integer nu), so a seed gives the same points on every machine.</para>
/// </remarks>
public sealed class MutualInformationTask
{
    private readonly Func<int, Random, (double[][] X, double[][] Y)> _sampler;

    private MutualInformationTask(string name, MutualInformationTaskFamily family, int dimensionX, int dimensionY, double nats,
        Func<int, Random, (double[][] X, double[][] Y)> sampler)
    {
        Name = name;
        Family = family;
        DimensionX = dimensionX;
        DimensionY = dimensionY;
        TrueMutualInformation = nats;
        _sampler = sampler;
    }

    /// <summary>A short name, e.g. "normal-sparse 5x5".</summary>
    public string Name { get; }

    /// <summary>The family (for transformed tasks: the outermost transform).</summary>
    public MutualInformationTaskFamily Family { get; }

    /// <summary>The dimension of X.</summary>
    public int DimensionX { get; }

    /// <summary>The dimension of Y.</summary>
    public int DimensionY { get; }

    /// <summary>The true I(X;Y) in nats, from the closed form of the class remarks.</summary>
    public double TrueMutualInformation { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} (I = {TrueMutualInformation:G6} nats)");

    /// <summary>Draws <paramref name="count"/> independent pairs.</summary>
    /// <param name="count">N >= 1.</param>
    /// <param name="seed">The seed; the same seed gives the same samples.</param>
    /// <returns>X and Y as <see cref="Samples"/>, paired row by row.</returns>
    public (Samples X, Samples Y) Sample(int count, int seed)
    {
        Preconditions.Positive(count, nameof(count));
        var (x, y) = _sampler(count, new Random(seed));
        return (Samples.FromColumns(Columns(x)), Samples.FromColumns(Columns(y)));
    }

    private static double[][] Columns(double[][] rows)
    {
        int d = rows[0].Length;
        var c = new double[d][];
        for (int j = 0; j < d; j++)
        {
            c[j] = new double[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                c[j][i] = rows[i][j];
            }
        }

        return c;
    }

    /// <summary>A normal with unit variances and every correlation (within and across X and Y) equal to
    /// <paramref name="correlation"/> (bmi's "multinormal-dense"; default 0.5).</summary>
    /// <param name="dimensionX">d_x >= 1.</param>
    /// <param name="dimensionY">d_y >= 1.</param>
    /// <param name="correlation">The common correlation, in (-1/(d_x + d_y - 1), 1).</param>
    /// <returns>The task.</returns>
    public static MutualInformationTask NormalDense(int dimensionX, int dimensionY, double correlation = 0.5)
    {
        CheckDimensions(dimensionX, dimensionY);
        int d = dimensionX + dimensionY;
        if (!(correlation < 1 && correlation > -1.0 / (d - 1)))
        {
            throw Preconditions.OutOfRange(nameof(correlation), $"in (-1/{d - 1}, 1) for a positive-definite matrix", Preconditions.Format(correlation));
        }

        var c = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                c[a, b] = a == b ? 1 : correlation;
            }
        }

        return Gaussian($"normal-dense {dimensionX}x{dimensionY}", MutualInformationTaskFamily.NormalDense, dimensionX, dimensionY, c);
    }

    /// <summary>A normal in which (X_i, Y_i) for i &lt; <paramref name="interacting"/> have correlation
    /// <paramref name="correlation"/> and all other pairs are independent (bmi's "multinormal-sparse" with strength 2
    /// has correlation 4/5 = 0.8, the default here).</summary>
    /// <param name="dimensionX">d_x >= 1.</param>
    /// <param name="dimensionY">d_y >= 1.</param>
    /// <param name="interacting">The number of coupled pairs, 1..min(d_x, d_y) (default 2).</param>
    /// <param name="correlation">Their correlation, in (-1, 1) (default 0.8).</param>
    /// <returns>The task.</returns>
    public static MutualInformationTask NormalSparse(int dimensionX, int dimensionY, int interacting = 2, double correlation = 0.8)
    {
        CheckDimensions(dimensionX, dimensionY);
        CheckInteracting(interacting, dimensionX, dimensionY);
        CheckCorrelation(correlation);
        return Gaussian($"normal-sparse {dimensionX}x{dimensionY}", MutualInformationTaskFamily.NormalSparse, dimensionX, dimensionY,
            Sparse(dimensionX, dimensionY, interacting, correlation));
    }

    /// <summary>A multivariate Student-t with <paramref name="degreesOfFreedom"/> degrees of freedom and identity
    /// dispersion (bmi's "student-identity"): uncorrelated coordinates that are dependent through the common scale.</summary>
    /// <param name="dimensionX">d_x >= 1.</param>
    /// <param name="dimensionY">d_y >= 1.</param>
    /// <param name="degreesOfFreedom">nu, an integer >= 1.</param>
    /// <returns>The task.</returns>
    public static MutualInformationTask StudentT(int dimensionX, int dimensionY, int degreesOfFreedom)
    {
        CheckDimensions(dimensionX, dimensionY);
        Preconditions.Positive(degreesOfFreedom, nameof(degreesOfFreedom));
        int d = dimensionX + dimensionY;
        double truth = StudentTCorrection(degreesOfFreedom, dimensionX, dimensionY);
        return new MutualInformationTask($"student-t {dimensionX}x{dimensionY} (nu = {degreesOfFreedom})", MutualInformationTaskFamily.StudentT,
            dimensionX, dimensionY, truth, (n, random) =>
            {
                var x = new double[n][];
                var y = new double[n][];
                for (int i = 0; i < n; i++)
                {
                    double w = 0;
                    for (int t = 0; t < degreesOfFreedom; t++)
                    {
                        double g = ColumnStatistics.StandardNormal(random);
                        w += g * g;
                    }

                    double scale = 1.0 / Math.Sqrt(w / degreesOfFreedom);
                    x[i] = new double[dimensionX];
                    y[i] = new double[dimensionY];
                    for (int j = 0; j < dimensionX; j++)
                    {
                        x[i][j] = scale * ColumnStatistics.StandardNormal(random);
                    }

                    for (int j = 0; j < dimensionY; j++)
                    {
                        y[i][j] = scale * ColumnStatistics.StandardNormal(random);
                    }
                }

                return (x, y);
            });
    }

    /// <summary>The Student-t term c(nu, d_x) + c(nu, d_y) - c(nu, d_x + d_y) of the class remarks, in nats: the MI of
    /// a t distribution with identity dispersion.</summary>
    /// <param name="degreesOfFreedom">nu > 0.</param>
    /// <param name="dimensionX">d_x >= 1.</param>
    /// <param name="dimensionY">d_y >= 1.</param>
    /// <returns>The value in nats (positive).</returns>
    public static double StudentTCorrection(double degreesOfFreedom, int dimensionX, int dimensionY)
    {
        Preconditions.PositiveFinite(degreesOfFreedom, nameof(degreesOfFreedom));
        CheckDimensions(dimensionX, dimensionY);
        return C(degreesOfFreedom, dimensionX) + C(degreesOfFreedom, dimensionY) - C(degreesOfFreedom, dimensionX + dimensionY);

        static double C(double nu, int d) =>
            MathNet.Numerics.SpecialFunctions.GammaLn(nu / 2) - MathNet.Numerics.SpecialFunctions.GammaLn((nu + d) / 2)
            + (nu + d) / 2 * (Digamma.Of((nu + d) / 2) - Digamma.Of(nu / 2));
    }

    /// <summary>X ~ U(0, 1), Y = X + N, N ~ U(-epsilon, epsilon) (bmi's "additive noise"; 1 x 1).</summary>
    /// <param name="epsilon">The half-width of the noise, > 0.</param>
    /// <returns>The task.</returns>
    public static MutualInformationTask AdditiveUniform(double epsilon)
    {
        Preconditions.PositiveFinite(epsilon, nameof(epsilon));
        double truth = epsilon <= 0.5 ? epsilon - Math.Log(2 * epsilon) : 0.25 / epsilon;
        return new MutualInformationTask(string.Create(CultureInfo.InvariantCulture, $"additive-uniform 1x1 (eps = {epsilon:G3})"),
            MutualInformationTaskFamily.AdditiveUniform, 1, 1, truth, (n, random) =>
            {
                var x = new double[n][];
                var y = new double[n][];
                for (int i = 0; i < n; i++)
                {
                    double u = random.NextDouble();
                    x[i] = [u];
                    y[i] = [u + epsilon * (2 * random.NextDouble() - 1)];
                }

                return (x, y);
            });
    }

    /// <summary>A normal pair with correlation <paramref name="correlation"/> (default 0.75) whose X is mapped onto the
    /// mixture 0.3 N(0, 1) + 0.7 N(5, 1) and Y onto 0.5 N(-1, 1) + 0.5 N(3, 1) by F^-1(Phi(.)) (bmi's "bimodal"; 1 x 1).</summary>
    /// <param name="correlation">The correlation of the underlying normal pair, in (-1, 1).</param>
    /// <returns>The task.</returns>
    public static MutualInformationTask BimodalMarginals(double correlation = 0.75)
    {
        CheckCorrelation(correlation);
        var c = new double[,] { { 1, correlation }, { correlation, 1 } };
        var baseTask = Gaussian("normal 1x1", MutualInformationTaskFamily.NormalDense, 1, 1, c);
        Func<double, double> fx = v => InverseMixtureCdf(Normal.CDF(0, 1, v), [0.3, 0.7], [0.0, 5.0]);
        Func<double, double> fy = v => InverseMixtureCdf(Normal.CDF(0, 1, v), [0.5, 0.5], [-1.0, 3.0]);
        return new MutualInformationTask("bimodal 1x1", MutualInformationTaskFamily.BimodalMarginals, 1, 1, baseTask.TrueMutualInformation, (n, random) =>
        {
            var (x, y) = baseTask._sampler(n, random);
            for (int i = 0; i < n; i++)
            {
                x[i][0] = fx(x[i][0]);
                y[i][0] = fy(y[i][0]);
            }

            return (x, y);
        });
    }

    /// <summary>The base task with every coordinate mapped by x -> x sqrt(|x|), a bijection of the line.</summary>
    /// <param name="baseTask">The task to transform.</param>
    /// <returns>The task (same truth).</returns>
    public static MutualInformationTask HalfCube(MutualInformationTask baseTask) =>
        Marginal(baseTask, "half-cube", MutualInformationTaskFamily.HalfCube, v => v * Math.Sqrt(Math.Abs(v)));

    /// <summary>The base task with every coordinate mapped by the standard normal CDF Phi, a bijection onto (0, 1).</summary>
    /// <param name="baseTask">The task to transform.</param>
    /// <returns>The task (same truth).</returns>
    public static MutualInformationTask NormalCdf(MutualInformationTask baseTask) =>
        Marginal(baseTask, "normal-cdf", MutualInformationTaskFamily.NormalCdf, v => Normal.CDF(0, 1, v));

    /// <summary>The base task with every coordinate mapped by asinh, a bijection of the line.</summary>
    /// <param name="baseTask">The task to transform.</param>
    /// <returns>The task (same truth).</returns>
    public static MutualInformationTask Asinh(MutualInformationTask baseTask) =>
        Marginal(baseTask, "asinh", MutualInformationTaskFamily.Asinh, Math.Asinh);

    /// <summary>
    /// The spiral of Czyz et al.: x -> exp(s ||x||^2 A) x with A the generator of rotations in one coordinate plane
    /// (X: plane (0, 1); Y: plane (1, 2)) and s = <paramref name="speed"/> / d, a rotation by the angle s ||x||^2
    /// that keeps the norm, so it is a bijection and the MI is unchanged. Needs d_x >= 2 and d_y >= 3.
    /// </summary>
    /// <param name="baseTask">The task to transform.</param>
    /// <param name="speed">The winding speed (default 1, divided by each variable's dimension as bmi does).</param>
    /// <returns>The task (same truth).</returns>
    public static MutualInformationTask Spiral(MutualInformationTask baseTask, double speed = 1.0)
    {
        ArgumentNullException.ThrowIfNull(baseTask);
        Preconditions.Finite(speed, nameof(speed));
        if (baseTask.DimensionX < 2 || baseTask.DimensionY < 3)
        {
            throw Preconditions.Error(nameof(baseTask), "of dimension at least 2 x 3 for the spiral's rotations",
                $"{baseTask.DimensionX}x{baseTask.DimensionY}");
        }

        double sx = speed / baseTask.DimensionX, sy = speed / baseTask.DimensionY;
        return new MutualInformationTask($"spiral @ {baseTask.Name}", MutualInformationTaskFamily.Spiral, baseTask.DimensionX, baseTask.DimensionY,
            baseTask.TrueMutualInformation, (n, random) =>
            {
                var (x, y) = baseTask._sampler(n, random);
                for (int i = 0; i < n; i++)
                {
                    Rotate(x[i], 0, 1, sx);
                    Rotate(y[i], 1, 2, sy);
                }

                return (x, y);
            });

        static void Rotate(double[] v, int a, int b, double s)
        {
            double r2 = 0;
            foreach (double t in v)
            {
                r2 += t * t;
            }

            double angle = s * r2, cos = Math.Cos(angle), sin = Math.Sin(angle);
            double va = v[a], vb = v[b];
            v[a] = cos * va - sin * vb;
            v[b] = sin * va + cos * vb;
        }
    }

    /// <summary>
    /// The benchmark table used by the lab and the benchmarks: the families of Czyz et al. at dimensions up to
    /// <paramref name="maximumDimension"/> x <paramref name="maximumDimension"/> (normal dense and sparse at 1..25,
    /// Student-t 1x1 (nu = 1) to 5x5 (nu = 2), half-cube, normal-CDF and spiral on sparse normals, asinh on Student-t,
    /// additive uniform noise with epsilon 0.1 and 0.75, bimodal marginals).
    /// </summary>
    /// <param name="maximumDimension">The largest d_x = d_y included (>= 1; 25 gives the full table).</param>
    /// <returns>The tasks, smallest dimension first within each family.</returns>
    public static IReadOnlyList<MutualInformationTask> Standard(int maximumDimension = 25)
    {
        Preconditions.Positive(maximumDimension, nameof(maximumDimension));
        var tasks = new List<MutualInformationTask>();
        foreach (int d in new[] { 1, 2, 5, 25 })
        {
            if (d <= maximumDimension)
            {
                tasks.Add(d == 1 ? NormalDense(1, 1, 0.75) : NormalDense(d, d));
            }
        }

        foreach (int d in new[] { 3, 5, 25 })
        {
            if (d <= maximumDimension)
            {
                tasks.Add(NormalSparse(d, d));
            }
        }

        foreach (var (d, nu) in new[] { (1, 1), (2, 2), (3, 2), (5, 2) })
        {
            if (d <= maximumDimension)
            {
                tasks.Add(StudentT(d, d, nu));
            }
        }

        foreach (int d in new[] { 3, 5, 25 })
        {
            if (d <= maximumDimension)
            {
                tasks.Add(HalfCube(NormalSparse(d, d)));
                tasks.Add(NormalCdf(NormalSparse(d, d)));
                tasks.Add(Spiral(NormalSparse(d, d)));
            }
        }

        foreach (var (d, nu) in new[] { (1, 1), (2, 2), (3, 2), (5, 2) })
        {
            if (d <= maximumDimension)
            {
                tasks.Add(Asinh(StudentT(d, d, nu)));
            }
        }

        tasks.Add(AdditiveUniform(0.1));
        tasks.Add(AdditiveUniform(0.75));
        tasks.Add(BimodalMarginals());
        return tasks;
    }

    private static MutualInformationTask Marginal(MutualInformationTask baseTask, string prefix, MutualInformationTaskFamily family, Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(baseTask);
        return new MutualInformationTask($"{prefix} @ {baseTask.Name}", family, baseTask.DimensionX, baseTask.DimensionY, baseTask.TrueMutualInformation,
            (n, random) =>
            {
                var (x, y) = baseTask._sampler(n, random);
                foreach (double[][] rows in new[] { x, y })
                {
                    foreach (double[] row in rows)
                    {
                        for (int j = 0; j < row.Length; j++)
                        {
                            row[j] = f(row[j]);
                        }
                    }
                }

                return (x, y);
            });
    }

    private static MutualInformationTask Gaussian(string name, MutualInformationTaskFamily family, int dx, int dy, double[,] correlation)
    {
        var joint = MultivariateGaussian.WithCovariance(correlation);
        double truth = GaussianTruth(correlation, dx, dy);
        return new MutualInformationTask(name, family, dx, dy, truth, (n, random) =>
        {
            var x = new double[n][];
            var y = new double[n][];
            var row = new double[dx + dy];
            for (int i = 0; i < n; i++)
            {
                joint.Sample(random, row);
                x[i] = row[..dx];
                y[i] = row[dx..];
            }

            return (x, y);
        });
    }

    /// <summary>1/2 ln det C_XX + 1/2 ln det C_YY - 1/2 ln det C in nats.</summary>
    internal static double GaussianTruth(double[,] c, int dx, int dy)
    {
        int[] xi = Enumerable.Range(0, dx).ToArray();
        int[] yi = Enumerable.Range(dx, dy).ToArray();
        double lx = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(c, xi), "x"));
        double ly = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(LinearAlgebra.SubMatrix(c, yi), "y"));
        double l = LinearAlgebra.LogDeterminantFromCholesky(LinearAlgebra.Cholesky(c, "correlation"));
        return 0.5 * (lx + ly - l);
    }

    private static double[,] Sparse(int dx, int dy, int interacting, double correlation)
    {
        int d = dx + dy;
        var c = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            c[a, a] = 1;
        }

        for (int i = 0; i < interacting; i++)
        {
            c[i, dx + i] = c[dx + i, i] = correlation;
        }

        return c;
    }

    /// <summary>F^-1(u) for the mixture sum_c w_c N(mu_c, 1), by bisection to machine precision.</summary>
    internal static double InverseMixtureCdf(double u, double[] weights, double[] means)
    {
        double lo = means.Min() - 40, hi = means.Max() + 40;
        for (int it = 0; it < 200 && hi - lo > 1e-13 * Math.Max(1, Math.Abs(lo)); it++)
        {
            double mid = 0.5 * (lo + hi);
            double f = 0;
            for (int c = 0; c < weights.Length; c++)
            {
                f += weights[c] * Normal.CDF(means[c], 1, mid);
            }

            if (f < u)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    private static void CheckDimensions(int dimensionX, int dimensionY)
    {
        Preconditions.Positive(dimensionX, nameof(dimensionX));
        Preconditions.Positive(dimensionY, nameof(dimensionY));
    }

    private static void CheckInteracting(int interacting, int dx, int dy)
    {
        if (interacting < 1 || interacting > Math.Min(dx, dy))
        {
            throw Preconditions.OutOfRange(nameof(interacting), $"in [1, {Math.Min(dx, dy)}]", interacting.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void CheckCorrelation(double correlation)
    {
        if (!(correlation > -1 && correlation < 1))
        {
            throw Preconditions.OutOfRange(nameof(correlation), "in (-1, 1)", Preconditions.Format(correlation));
        }
    }
}
