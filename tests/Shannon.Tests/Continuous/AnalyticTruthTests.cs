using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Tests.Continuous;

/// <summary>
/// k-NN estimates against closed-form truth. Each test averages the estimator over R_cs = 10 data sets drawn here
/// (System.Random with fixed seeds, Box-Muller normals) and accepts
///     |mean - truth| &lt;= |bias| + 4 SD / sqrt(10) + 4 SD / sqrt(40),
/// where SD (the standard deviation of one estimate) and bias (mean - truth) were measured over 40 independent data
/// sets by tools/reference/continuous_spread.py with brute-force numpy estimators (numpy.random.RandomState(1000 +
/// seed)); the last term allows for the uncertainty of that measured bias. A 4-sigma band: a false failure has
/// probability about 6e-5 per case.
/// </summary>
public class AnalyticTruthTests
{
    private const int Seeds = 10;

    private static double Tolerance(double bias, double sd) => Math.Abs(bias) + 4 * sd / Math.Sqrt(Seeds) + 4 * sd / Math.Sqrt(40);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static (double[] X, double[] Y) Bivariate(double rho, int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        double s = Math.Sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++)
        {
            x[i] = Normal(random);
            y[i] = rho * x[i] + s * Normal(random);
        }

        return (x, y);
    }

    [Theory]
    // rho, algorithm, measured bias and SD at N = 2000, k = 3 (continuous_spread.py, 40 seeds).
    [InlineData(0.0, KsgAlgorithm.Algorithm1, -0.0016409470678087068, 0.019372606813360164)]
    [InlineData(0.3, KsgAlgorithm.Algorithm1, -0.0007411109482644285, 0.01956593076093807)]
    [InlineData(0.6, KsgAlgorithm.Algorithm1, -0.0005125026064483895, 0.020997832090398467)]
    [InlineData(0.9, KsgAlgorithm.Algorithm1, 0.005026002339157509, 0.02272193973045787)]
    [InlineData(0.99, KsgAlgorithm.Algorithm1, 0.018669487064057355, 0.0270045024880909)]
    [InlineData(0.0, KsgAlgorithm.Algorithm2, -0.0014347441287438922, 0.0233739683625079)]
    [InlineData(0.3, KsgAlgorithm.Algorithm2, -0.000795772089183508, 0.02275055021776655)]
    [InlineData(0.6, KsgAlgorithm.Algorithm2, -0.0008518624007509412, 0.02315124118449663)]
    [InlineData(0.9, KsgAlgorithm.Algorithm2, 0.0045239086315755905, 0.026376685407467407)]
    [InlineData(0.99, KsgAlgorithm.Algorithm2, 0.016956293691705815, 0.027532996101346883)]
    public void BivariateGaussianMutualInformation(double rho, KsgAlgorithm algorithm, double bias, double sd)
    {
        double truth = -0.5 * Math.Log(1 - rho * rho); // I = -1/2 ln(1 - rho^2) nats
        var estimator = new KsgMutualInformationEstimator(KsgOptions.Default with { Algorithm = algorithm });
        double mean = Enumerable.Range(0, Seeds).Average(seed =>
        {
            var (x, y) = Bivariate(rho, 2000, 7000 + seed);
            return estimator.Estimate(x, y, InformationUnit.Nats).Value;
        });
        Assert.InRange(mean, truth - Tolerance(bias, sd), truth + Tolerance(bias, sd));
    }

    [Fact]
    public void TrivariateGaussianConditionalMutualInformation()
    {
        // Z ~ N(0,1), X = Z + e1, Y = Z + 0.5 X + e2: the residuals given Z are e1 and 0.5 e1 + e2, partial correlation
        // 0.5 / sqrt(1.25), so I(X;Y|Z) = -1/2 ln(1 - 0.2) = 0.11157 nats. N = 1500, k = 3: bias 0.00270, SD 0.02104.
        double truth = -0.5 * Math.Log(1 - 0.25 / 1.25);
        var estimator = new KsgConditionalMutualInformationEstimator();
        double mean = Enumerable.Range(0, Seeds).Average(seed =>
        {
            var random = new Random(8000 + seed);
            var z = new double[1500];
            var x = new double[1500];
            var y = new double[1500];
            for (int i = 0; i < z.Length; i++)
            {
                z[i] = Normal(random);
                x[i] = z[i] + Normal(random);
                y[i] = z[i] + 0.5 * x[i] + Normal(random);
            }

            return estimator.Estimate(x, y, z, InformationUnit.Nats).Value;
        });
        Assert.InRange(mean, truth - Tolerance(0.0027029568935262177, 0.0210447795826392), truth + Tolerance(0.0027029568935262177, 0.0210447795826392));
    }

    [Theory]
    // case, norm, truth (nats), measured bias and SD at N = 1000, k = 3.
    [InlineData("uniform", DistanceNorm.Maximum, 0.0, 0.010414973596750476, 0.024716882740280305)]
    [InlineData("gaussian", DistanceNorm.Maximum, 1.4189385332046727, -0.005084206356178678, 0.03031222999016642)]
    [InlineData("gaussian2d", DistanceNorm.Maximum, 2.8378770664093453, -0.018263114450098428, 0.044498261800550123)]
    [InlineData("gaussian2d", DistanceNorm.Euclidean, 2.8378770664093453, -0.01884025766799402, 0.04406174404928834)]
    public void KozachenkoLeonenkoEntropy(string distribution, DistanceNorm norm, double truth, double bias, double sd)
    {
        // h(U[0,1]) = 0; h(N(0,1)) = 1/2 ln(2 pi e); h(N(0, I_2)) = ln(2 pi e).
        var estimator = new KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions.Default with { Norm = norm });
        double mean = Enumerable.Range(0, Seeds).Average(seed =>
        {
            var random = new Random(9000 + seed);
            Samples sample = distribution switch
            {
                "uniform" => Samples.FromColumn(Enumerable.Range(0, 1000).Select(_ => random.NextDouble()).ToArray()),
                "gaussian" => Samples.FromColumn(Enumerable.Range(0, 1000).Select(_ => Normal(random)).ToArray()),
                _ => Samples.FromColumns(
                    Enumerable.Range(0, 1000).Select(_ => Normal(random)).ToArray(),
                    Enumerable.Range(0, 1000).Select(_ => Normal(random)).ToArray()),
            };
            return estimator.Estimate(sample, InformationUnit.Nats).Value;
        });
        Assert.InRange(mean, truth - Tolerance(bias, sd), truth + Tolerance(bias, sd));
    }

    [Fact]
    public void KullbackLeiblerOfShiftedGaussians()
    {
        // D(N(0,1) || N(1,1)) = 1/2 nats. No reference spread was simulated for this case: the tolerance is 4 standard
        // errors of the mean of 10 estimates with the per-estimate SD taken as sqrt(Var[ln p/q] / n) = sqrt(1 / 1000) (the
        // variance of the log-likelihood ratio (x - 1/2) is 1), inflated by 2 for the k-NN noise: 4 * 2 * 0.0316 / sqrt(10).
        var estimator = new KnnKullbackLeiblerEstimator();
        double mean = Enumerable.Range(0, Seeds).Average(seed =>
        {
            var random = new Random(9500 + seed);
            double[] p = Enumerable.Range(0, 1000).Select(_ => Normal(random)).ToArray();
            double[] q = Enumerable.Range(0, 1000).Select(_ => 1 + Normal(random)).ToArray();
            return estimator.Estimate(p, q, InformationUnit.Nats).Value;
        });
        Assert.InRange(mean, 0.5 - 0.08, 0.5 + 0.08);
    }
}
