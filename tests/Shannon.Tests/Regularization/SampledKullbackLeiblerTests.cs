using CsCheck;
using Shannon.Regularization;
using Shannon.Distributions;

namespace Shannon.Tests.Regularization;

/// <summary>
/// Schulman's (2020) estimators on Gaussian pairs with closed forms. P = N(0, 1) is the policy, Q = N(mu, 1) the
/// reference, x ~ P, r = q(x) / p(x). Derivation used for every expected value and standard error below:
///   log r = [x^2 - (x - mu)^2] / 2 = mu x - mu^2 / 2, so L = log r ~ N(m, s^2) with m = -mu^2/2, s^2 = mu^2.
///   KL(P||Q) = mu^2 / 2.
///   k1 = -L:        E = mu^2/2 (unbiased),           Var = mu^2.
///   k2 = L^2 / 2:   E = (s^2 + m^2)/2 = mu^2/2 + mu^4/8 (bias mu^4/8 = KL^2/2, growing with the KL);
///                   Var(L^2) = 2 s^4 + 4 m^2 s^2 (normal moments), so Var(k2) = (2 mu^4 + mu^6) / 4.
///   k3 = e^L - 1 - L: E[e^L] = e^{m + s^2/2} = 1, so E = mu^2/2 (unbiased);
///                   Var(e^L) = e^{2m + 2s^2} - 1 = e^{mu^2} - 1, Cov(e^L, L) = E[L e^L] - E[L] = (m + s^2) - m = mu^2
///                   (Stein: E[L e^L] = e^{m + s^2/2}(m + s^2)), so Var(k3) = e^{mu^2} - 1 + mu^2 - 2 mu^2 = e^{mu^2} - 1 - mu^2.
/// Tolerance: 3 standard errors sqrt(Var / n) with the analytic variances, n = 10^6, fixed seeds.
/// </summary>
public class SampledKullbackLeiblerTests
{
    private const int N = 1_000_000;

    private static double[] GaussianLogRatios(double mu, int seed)
    {
        var random = new Random(seed);
        var p = Gaussian.WithMeanStdDev(0, 1);
        var q = Gaussian.WithMeanStdDev(mu, 1);
        var logRatios = new double[N];
        for (int i = 0; i < N; i++)
        {
            double x = p.Sample(random);
            logRatios[i] = q.LogDensity(x) - p.LogDensity(x);
        }

        return logRatios;
    }

    [Theory]
    [InlineData(0.1, 11)]
    [InlineData(0.5, 12)]
    [InlineData(1.0, 13)]
    [InlineData(2.0, 14)]
    public void EstimatorsMatchTheirClosedFormMeansWithinThreeStandardErrors(double mu, int seed)
    {
        var logRatios = GaussianLogRatios(mu, seed);
        double kl = mu * mu / 2;
        var k1 = SampledKullbackLeibler.Summarize(logRatios, KullbackLeiblerSampleEstimator.K1, kl, InformationUnit.Nats);
        var k2 = SampledKullbackLeibler.Summarize(logRatios, KullbackLeiblerSampleEstimator.K2, kl, InformationUnit.Nats);
        var k3 = SampledKullbackLeibler.Summarize(logRatios, KullbackLeiblerSampleEstimator.K3, kl, InformationUnit.Nats);
        double m2 = mu * mu, m4 = m2 * m2, m6 = m4 * m2;
        double se1 = Math.Sqrt(m2 / N), se2 = Math.Sqrt(((2 * m4) + m6) / 4 / N), se3 = Math.Sqrt((Math.Exp(m2) - 1 - m2) / N);
        Assert.InRange(k1.Mean, kl - (3 * se1), kl + (3 * se1));
        Assert.InRange(k3.Mean, kl - (3 * se3), kl + (3 * se3));
        double k2Expected = kl + (m4 / 8);
        Assert.InRange(k2.Mean, k2Expected - (3 * se2), k2Expected + (3 * se2));

        // The reported standard errors estimate the analytic ones. k1's sample SD has relative SE about
        // 1/sqrt(2n) = 0.07%. For k3 the sample variance's relative SE is about sqrt(E[k3^4] / Var^2 / n), and E[r^4] =
        // e^{6 mu^2}: 1.4% for the SD at mu = 1, but of order 100% at mu = 2, where the sample SD cannot be checked.
        Assert.InRange(k1.StandardError / se1, 0.99, 1.01);
        if (mu <= 1)
        {
            Assert.InRange(k3.StandardError / se3, 0.9, 1.1);
        }
        Assert.Equal(k1.Mean - kl, k1.Bias, 1e-15);
        Assert.Equal(N, k3.SampleCount);
    }

    [Fact]
    public void K2BiasIsPositiveAndGrowsWithTheDivergence()
    {
        double previous = 0;
        foreach (var (mu, seed) in new[] { (0.5, 22), (1.0, 23), (2.0, 24) })
        {
            var k2 = SampledKullbackLeibler.Summarize(GaussianLogRatios(mu, seed), KullbackLeiblerSampleEstimator.K2, mu * mu / 2, InformationUnit.Nats);

            // Significantly above the exact KL (the analytic bias mu^4/8 is 7.8, 125 and 2000 of these SEs at n = 10^6).
            Assert.True(k2.Bias > 3 * k2.StandardError, $"mu = {mu}: bias {k2.Bias}, SE {k2.StandardError}");
            Assert.True(k2.Bias > previous);
            previous = k2.Bias;
        }
    }

    [Fact]
    public void K3IsNonNegativeForEverySample()
    {
        var values = new double[N];
        SampledKullbackLeibler.PointwiseFromLogRatios(GaussianLogRatios(2.0, 31), KullbackLeiblerSampleEstimator.K3, InformationUnit.Nats, values);
        Assert.All(values, v => Assert.True(v >= 0));
        Gen.Double[-745, 709].Sample(x => SampledKullbackLeibler.Pointwise(x, KullbackLeiblerSampleEstimator.K3) >= 0);
        Gen.Double[-1e-3, 1e-3].Sample(x => SampledKullbackLeibler.Pointwise(x, KullbackLeiblerSampleEstimator.K3) >= 0);
    }

    [Fact]
    public void PointwiseValuesAtLogTwo()
    {
        // Analytic: log r = ln 2, so k1 = -ln 2, k2 = (ln 2)^2 / 2, k3 = (2 - 1) - ln 2.
        double ln2 = Math.Log(2);
        Assert.Equal(-0.69314718055994531, SampledKullbackLeibler.Pointwise(ln2, KullbackLeiblerSampleEstimator.K1), 1e-16);
        Assert.Equal(0.24022650695910071, SampledKullbackLeibler.Pointwise(ln2, KullbackLeiblerSampleEstimator.K2), 1e-16);
        Assert.Equal(0.30685281944005469, SampledKullbackLeibler.Pointwise(ln2, KullbackLeiblerSampleEstimator.K3), 1e-16);

        // Near 0 the series branch: k3(1e-4) = e^1e-4 - 1 - 1e-4 = 5.0001666708334166680556e-9 (mpmath 40 digits);
        // tolerance 1e-22 = 2e-14 relative (series truncation x^6/720 = 1.4e-27, rounding a few ulp).
        Assert.Equal(5.0001666708334166680556e-9, SampledKullbackLeibler.Pointwise(1e-4, KullbackLeiblerSampleEstimator.K3), 1e-22);
        Assert.Equal(double.PositiveInfinity, SampledKullbackLeibler.Pointwise(double.NegativeInfinity, KullbackLeiblerSampleEstimator.K3));
    }

    [Fact]
    public void UnbiasedEstimatorsOnASoftmaxVocabulary()
    {
        // An LM-like pair over 64 tokens: exact KL from the logits, k1 and k3 from 10^5 samples of the policy,
        // within 3 (sample) standard errors.
        const int v = 64, n = 100_000;
        var random = new Random(5);
        var policyLogits = new double[v];
        var referenceLogits = new double[v];
        for (int i = 0; i < v; i++)
        {
            referenceLogits[i] = 2 * Gaussian.StandardNormal(random);
            policyLogits[i] = referenceLogits[i] + (0.7 * Gaussian.StandardNormal(random));
        }

        double exact = TokenKullbackLeibler.FromLogits(policyLogits, referenceLogits, InformationUnit.Nats).Value;
        var logPolicy = new double[v];
        var logReference = new double[v];
        Measures.LogSoftmax(policyLogits, 1.0, logPolicy);
        Measures.LogSoftmax(referenceLogits, 1.0, logReference);
        var cumulative = new double[v];
        double c = 0;
        for (int i = 0; i < v; i++)
        {
            c += Math.Exp(logPolicy[i]);
            cumulative[i] = c;
        }

        var a = new double[n];
        var b = new double[n];
        for (int s = 0; s < n; s++)
        {
            double u = random.NextDouble() * c;
            int x = Array.BinarySearch(cumulative, u);
            x = x < 0 ? Math.Min(~x, v - 1) : x;
            a[s] = logPolicy[x];
            b[s] = logReference[x];
        }

        foreach (var estimator in new[] { KullbackLeiblerSampleEstimator.K1, KullbackLeiblerSampleEstimator.K3 })
        {
            var summary = SampledKullbackLeibler.Summarize(a, b, estimator, exact, InformationUnit.Nats);
            Assert.True(Math.Abs(summary.Bias) < 3 * summary.StandardError, $"{estimator}: bias {summary.Bias}, SE {summary.StandardError}, KL {exact}");
        }
    }

    [Fact]
    public void BadInputNamesParameterAndValue()
    {
        var e1 = Assert.Throws<ArgumentException>(() => SampledKullbackLeibler.Summarize([0.1, double.NaN], KullbackLeiblerSampleEstimator.K1, 0, InformationUnit.Nats));
        Assert.Equal("logRatios", e1.ParamName);
        Assert.Contains("NaN at index 1", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ArgumentException>(() => SampledKullbackLeibler.LogRatios([-0.1, 0.2], [-1.0, -1.0]));
        Assert.Equal("policyLogProbabilities", e2.ParamName);
        Assert.Contains("0.2 at index 1", e2.Message, StringComparison.Ordinal);
        var e3 = Assert.Throws<ArgumentOutOfRangeException>(() => SampledKullbackLeibler.Pointwise(0.1, (KullbackLeiblerSampleEstimator)7));
        Assert.Equal("estimator", e3.ParamName);
        var e4 = Assert.Throws<ArgumentException>(() => SampledKullbackLeibler.Summarize([0.1], KullbackLeiblerSampleEstimator.K1, 0, InformationUnit.Nats));
        Assert.Equal("logRatios", e4.ParamName);
    }
}
