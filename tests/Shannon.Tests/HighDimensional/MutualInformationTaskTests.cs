using Shannon.Distributions;
using Shannon.Estimators.Continuous;

namespace Shannon.Tests.HighDimensional;

/// <summary>The Beyond-Normal task generator: closed-form truths against tools/reference/beyond_normal_truths.py
/// (Debian python3, numpy slogdet / scipy.special / scipy.integrate.quad), and the invariances the transformed tasks rely on.</summary>
public class MutualInformationTaskTests
{
    [Theory]
    // numpy.linalg.slogdet of the correlation blocks: 1/2 (ln det C_XX + ln det C_YY - ln det C).
    [InlineData(1, 0.75, 0.41333928659223396)]
    [InlineData(2, 0.5, 0.29389333245105964)]
    [InlineData(5, 0.5, 0.5928118328288694)]
    [InlineData(25, 0.5, 1.292183721659315)]
    public void Dense_normal_truth_is_the_log_determinant_formula(int d, double r, double expected) =>
        Assert.Equal(expected, MutualInformationTask.NormalDense(d, d, r).TrueMutualInformation, 1e-10);

    [Theory]
    [InlineData(3)]
    [InlineData(25)]
    // Two pairs with correlation 0.8: 2 * (-1/2 ln(1 - 0.64)) = -ln 0.36 = 1.0216512475319817.
    public void Sparse_normal_truth_is_two_coupled_pairs(int d) =>
        Assert.Equal(1.0216512475319817, MutualInformationTask.NormalSparse(d, d).TrueMutualInformation, 1e-10);

    [Theory]
    // Closed form of Arellano-Valle et al. 2013 via scipy.special; the script's Monte Carlo check
    // (4e5 draws of scipy.stats.multivariate_t) agrees within 2 standard errors: 0.2228(11), 0.1911(10), 0.2912(12), 0.4466(13).
    [InlineData(1, 1, 0.22417142752923613)]
    [InlineData(2, 2, 0.1931471805599454)]
    [InlineData(3, 2, 0.29092192268276484)]
    [InlineData(5, 2, 0.44815067691532917)]
    public void Student_t_truth_matches_the_entropy_formula(int d, int nu, double expected) =>
        Assert.Equal(expected, MutualInformationTask.StudentT(d, d, nu).TrueMutualInformation, 1e-10);

    [Theory]
    // h(Y) by scipy.integrate.quad over the trapezoidal density, minus ln(2 eps).
    [InlineData(0.1, 1.7094379124341004)]
    [InlineData(0.75, 0.3333333333333335)]
    public void Additive_uniform_truth_matches_numerical_integration(double eps, double expected) =>
        Assert.Equal(expected, MutualInformationTask.AdditiveUniform(eps).TrueMutualInformation, 1e-9);

    public static TheoryData<string> MarginalTransforms => new() { "half-cube", "normal-cdf", "asinh", "bimodal" };

    [Theory]
    [MemberData(nameof(MarginalTransforms))]
    public void Marginal_transforms_keep_every_rank_so_the_mi_is_unchanged(string transform)
    {
        MutualInformationTask baseTask = transform == "bimodal" ? MutualInformationTask.NormalDense(1, 1, 0.75) : MutualInformationTask.NormalSparse(3, 3);
        MutualInformationTask task = transform switch
        {
            "half-cube" => MutualInformationTask.HalfCube(baseTask),
            "normal-cdf" => MutualInformationTask.NormalCdf(baseTask),
            "asinh" => MutualInformationTask.Asinh(baseTask),
            _ => MutualInformationTask.BimodalMarginals(0.75),
        };
        Assert.Equal(baseTask.TrueMutualInformation, task.TrueMutualInformation);
        var (bx, by) = baseTask.Sample(500, 7);
        var (tx, ty) = task.Sample(500, 7);
        foreach (var (b, t) in new[] { (bx, tx), (by, ty) })
        {
            for (int j = 0; j < b.Dimension; j++)
            {
                Assert.Equal(Ranks(b.Column(j)), Ranks(t.Column(j)));
                Assert.NotEqual(b.Column(j).ToArray(), t.Column(j).ToArray());
            }
        }
    }

    [Fact]
    public void Spiral_keeps_each_norm_and_changes_the_points()
    {
        var baseTask = MutualInformationTask.NormalSparse(3, 3);
        var task = MutualInformationTask.Spiral(baseTask);
        var (bx, by) = baseTask.Sample(300, 3);
        var (tx, ty) = task.Sample(300, 3);
        int moved = 0;
        for (int i = 0; i < 300; i++)
        {
            Assert.Equal(Norm(bx, i), Norm(tx, i), 1e-12);
            Assert.Equal(Norm(by, i), Norm(ty, i), 1e-12);
            moved += Math.Abs(bx[i, 0] - tx[i, 0]) > 1e-3 ? 1 : 0;
        }

        Assert.True(moved > 250, $"moved {moved}");
        Assert.Throws<ArgumentException>(() => MutualInformationTask.Spiral(MutualInformationTask.NormalSparse(2, 2)));
    }

    [Fact]
    public void Samples_have_the_stated_correlation_and_are_reproducible()
    {
        var task = MutualInformationTask.NormalSparse(5, 5);
        var (x, y) = task.Sample(20000, 11);
        // The sample correlation of n = 2e4 pairs has standard error (1 - rho^2)/sqrt(n) = 0.0025; 4 SE = 0.01.
        Assert.Equal(0.8, Correlation(x.Column(1), y.Column(1)), 0.01);
        Assert.Equal(0.0, Correlation(x.Column(2), y.Column(2)), 0.03);
        var (x2, _) = task.Sample(20000, 11);
        Assert.Equal(x.Column(4).ToArray(), x2.Column(4).ToArray());
    }

    [Fact]
    public void Student_t_is_uncorrelated_and_additive_noise_stays_in_its_band()
    {
        var (x, y) = MutualInformationTask.StudentT(2, 2, 2).Sample(4000, 5);
        // nu = 2 has infinite variance: the rank correlation, with SE 1/sqrt(n) = 0.016, is the check (4 SE).
        Assert.Equal(0.0, Correlation(Ranks(x.Column(0)).Select(r => (double)r).ToArray(), Ranks(y.Column(0)).Select(r => (double)r).ToArray()), 0.064);
        var (u, v) = MutualInformationTask.AdditiveUniform(0.1).Sample(1000, 5);
        for (int i = 0; i < 1000; i++)
        {
            Assert.InRange(v[i, 0] - u[i, 0], -0.1, 0.1);
            Assert.InRange(u[i, 0], 0, 1);
        }
    }

    [Fact]
    public void Standard_table_covers_every_family_up_to_25_dimensions()
    {
        var tasks = MutualInformationTask.Standard(25);
        Assert.Equal(Enum.GetValues<MutualInformationTaskFamily>().Order(), tasks.Select(t => t.Family).Distinct().Order());
        Assert.Equal(25, tasks.Max(t => t.DimensionX));
        Assert.All(MutualInformationTask.Standard(5), t => Assert.True(t.DimensionX <= 5));
    }

    private static int[] Ranks(ReadOnlySpan<double> c)
    {
        var order = Enumerable.Range(0, c.Length).ToArray();
        var keys = c.ToArray();
        Array.Sort(keys, order);
        var rank = new int[c.Length];
        for (int r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        return rank;
    }

    private static double Norm(Samples s, int row)
    {
        double t = 0;
        for (int j = 0; j < s.Dimension; j++)
        {
            t += s[row, j] * s[row, j];
        }

        return Math.Sqrt(t);
    }

    private static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ma = 0, mb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= a.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }
}
