using Shannon.Regularization;
using Shannon.Distributions;

namespace Shannon.Tests.Regularization;

public class VariationalKullbackLeiblerTests
{
    private static readonly double[] Means = [0.5, -1.0, 0.0];
    private static readonly double[] LogVariances = [0.0, 1.3862943611198906, -1.0]; // ln 4 in the middle

    [Fact]
    public void ClosedFormMatchesNumpyReference()
    {
        // Source: tools/reference/alignment_kl.py, 0.5 * (mu^2 + exp(v) - 1 - v).sum() in numpy 1.24.2.
        Assert.Equal(1.6157925400257758, VariationalKullbackLeibler.ToStandardNormal(Means, LogVariances, InformationUnit.Nats).Value, 1e-14);
        Assert.Equal(0.0, VariationalKullbackLeibler.ToStandardNormal([0.0, 0.0], [0.0, 0.0], InformationUnit.Nats).Value);
    }

    [Fact]
    public void ClosedFormMatchesMonteCarloWithinThreeStandardErrors()
    {
        // E_q[log q(z) - log p(z)] with z ~ q = N(mu, diag e^v), p = N(0, I); 10^6 draws, fixed seed;
        // tolerance 3 sample standard errors.
        const int n = 1_000_000;
        var random = new Random(77);
        double sum = 0, squares = 0;
        for (int s = 0; s < n; s++)
        {
            double value = 0;
            for (int j = 0; j < Means.Length; j++)
            {
                double sd = Math.Exp(0.5 * LogVariances[j]);
                double e = Gaussian.StandardNormal(random);
                double z = Means[j] + (sd * e);
                value += (-0.5 * e * e) - (0.5 * LogVariances[j]) + (0.5 * z * z);
            }

            sum += value;
            squares += value * value;
        }

        double mean = sum / n;
        double se = Math.Sqrt(((squares / n) - (mean * mean)) / (n - 1));
        double exact = VariationalKullbackLeibler.ToStandardNormal(Means, LogVariances, InformationUnit.Nats).Value;
        Assert.InRange(mean, exact - (3 * se), exact + (3 * se));
    }

    [Fact]
    public void GradientMatchesCentralFiniteDifferences()
    {
        // Central differences with h = 1e-5: truncation h^2 f'''/6 <= 1e-10 * e^v / 6 here, rounding about
        // 1e-16 * 2 / h = 2e-11; tolerance 1e-8.
        var gm = new double[3];
        var gv = new double[3];
        VariationalKullbackLeibler.ToStandardNormalWithGradient(Means, LogVariances, gm, gv);
        const double h = 1e-5;
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(Difference(Means, j, h, mean: true), gm[j], 1e-8);
            Assert.Equal(Difference(LogVariances, j, h, mean: false), gv[j], 1e-8);
        }

        Assert.Equal(1.5, gv[1], 1e-15); // (e^{ln 4} - 1) / 2
    }

    [Fact]
    public void BadInputNamesParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => VariationalKullbackLeibler.ToStandardNormal([0.0], [0.0, 1.0], InformationUnit.Nats));
        Assert.Equal("logVariances", e.ParamName);
        var e2 = Assert.Throws<ArgumentException>(() => VariationalKullbackLeibler.ToStandardNormal([double.PositiveInfinity], [0.0], InformationUnit.Nats));
        Assert.Equal("means", e2.ParamName);
    }

    private static double Difference(double[] source, int j, double h, bool mean)
    {
        var plus = (double[])source.Clone();
        var minus = (double[])source.Clone();
        plus[j] += h;
        minus[j] -= h;
        double f(double[] x) => mean
            ? VariationalKullbackLeibler.ToStandardNormal(x, LogVariances, InformationUnit.Nats).Value
            : VariationalKullbackLeibler.ToStandardNormal(Means, x, InformationUnit.Nats).Value;
        return (f(plus) - f(minus)) / (2 * h);
    }
}
