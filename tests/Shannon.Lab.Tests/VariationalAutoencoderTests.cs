using Shannon.Lab.Models;

namespace Shannon.Lab.Tests;

/// <summary>The VAE of the lab (issue 18, item 4): its gradients, its KL term two ways, and the rate as beta grows.</summary>
public class VariationalAutoencoderTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    [InlineData(7.0)]
    public void GradientsAgreeWithCentralFiniteDifferences(double beta)
    {
        // The loss D + beta R with the noise held fixed is a smooth function of every weight (reparameterisation,
        // Kingma & Welling 2014, sec. 2.4), so the backward pass must match central differences on both networks.
        var vae = new VariationalAutoencoder(new VariationalAutoencoderOptions { HiddenSizes = [5, 4], LatentDimension = 2, Beta = beta, Seed = 3 });
        var random = new Random(17);
        const int batch = 7;
        var x = Enumerable.Range(0, 2 * batch).Select(_ => (4 * random.NextDouble()) - 2).ToArray();
        var noise = vae.DrawNoise(batch, random);
        vae.ComputeGradients(x, batch, noise);
        const double h = 1e-6;
        int checkedCount = 0;
        foreach (var net in new[] { vae.Encoder, vae.Decoder })
        {
            var analytic = Enumerable.Range(0, net.WeightLayerCount).Select(l => (W: net.WeightGradients(l).ToArray(), B: net.BiasGradients(l).ToArray())).ToArray();
            for (int l = 0; l < net.WeightLayerCount; l++)
            {
                for (int i = 0; i < analytic[l].W.Length; i++)
                {
                    Check(analytic[l].W[i], () => net.Weights(l)[i], v => net.Weights(l)[i] = v);
                }

                for (int j = 0; j < analytic[l].B.Length; j++)
                {
                    Check(analytic[l].B[j], () => net.Biases(l)[j], v => net.Biases(l)[j] = v);
                }
            }
        }

        Assert.True(checkedCount > 100, $"{checkedCount} parameters checked");

        void Check(double expected, Func<double> get, Action<double> set)
        {
            double w = get();
            set(w + h);
            double up = vae.Loss(x, batch, noise).Loss;
            set(w - h);
            double down = vae.Loss(x, batch, noise).Loss;
            set(w);
            double numeric = (up - down) / (2 * h);
            // Central differences: truncation O(h^2) ~ 1e-12 times the third derivative, rounding ~ 1e-16 * |loss| / h ~ 1e-9
            // (losses of order 10 nats); 1e-6 absolute leaves room for both and still catches any missing term.
            Assert.InRange(expected - numeric, -1e-6, 1e-6);
            checkedCount++;
        }
    }

    [Fact]
    public void TheClosedFormRateMatchesAnAnalyticValue()
    {
        // Zero weights make q(z|x) the same Gaussian for every x: mu = (1, -0.5), ln sigma^2 = (ln 4, 0). By hand
        // (Kingma & Welling 2014, appendix B): KL = 1/2 [(1 + 4 - 1 - ln 4) + (0.25 + 1 - 1 - 0)] = (4.25 - ln 4) / 2
        // = (4.25 - 1.3862943611198906) / 2 = 1.4318528194400547 nats.
        var vae = FixedPosterior([1, -0.5], [Math.Log(4), 0]);
        var (x, _) = RingMixture.Draw(50, 8, 1);
        var check = vae.CheckRate(x, 50, 1, new Random(1));
        Assert.Equal(1.4318528194400547, check.ClosedFormNats, 1e-14);
        Assert.Equal(1.4318528194400547, vae.Loss(x, 50, vae.DrawNoise(50, new Random(2))).Rate, 1e-14);
    }

    [Fact]
    public void TheMonteCarloRateConvergesToTheClosedForm()
    {
        // The k1 estimator is unbiased: its error is zero-mean with standard error sd / sqrt(n), so it lies within
        // 4 standard errors (a 6e-5 two-sided chance each under normality) and the error bar shrinks as 1/sqrt(n).
        var vae = FixedPosterior([1, -0.5], [Math.Log(4), 0]);
        var (x, _) = RingMixture.Draw(100, 8, 1);
        var random = new Random(5);
        double previous = double.PositiveInfinity;
        foreach (int perPoint in new[] { 10, 100, 1000 })
        {
            var check = vae.CheckRate(x, 100, perPoint, random);
            Assert.True(check.StandardErrors < 4, $"{perPoint} per point: MC {check.MonteCarlo.Mean} vs {check.ClosedFormNats}, {check.StandardErrors} SE");
            if (double.IsFinite(previous))
            {
                // Ten times the draws: the standard error falls by sqrt(10) (the sample sd itself varies by a few per cent).
                Assert.InRange(previous / check.MonteCarlo.StandardError, 0.8 * Math.Sqrt(10), 1.2 * Math.Sqrt(10));
            }

            previous = check.MonteCarlo.StandardError;
        }

        Assert.True(previous < 0.01, $"standard error {previous} with 1e5 draws");
    }

    private static VariationalAutoencoder FixedPosterior(double[] mu, double[] logVariance)
    {
        var vae = new VariationalAutoencoder(new VariationalAutoencoderOptions { HiddenSizes = [3], Seed = 1 });
        var enc = vae.Encoder;
        for (int l = 0; l < enc.WeightLayerCount; l++)
        {
            enc.Weights(l).Clear();
            enc.Biases(l).Clear();
        }

        var last = enc.Biases(enc.WeightLayerCount - 1);
        mu.CopyTo(last);
        logVariance.CopyTo(last[mu.Length..]);
        return vae;
    }
}

/// <summary>Training: the rate falls as beta grows, and collapses at a large beta.</summary>
public class VariationalAutoencoderTrainingTests
{
    [Fact]
    public void TheRateFallsAsBetaGrowsForEverySeed()
    {
        // Property (Alemi et al. 2018, sec. 3: the optimal rate is non-increasing in beta, the slope of the R-D curve
        // being -beta): for each of three seeds, the trained rate on held-out data falls strictly along beta = 0.5, 2, 8, 32.
        var (train, _) = RingMixture.Draw(512, 8, 2013);
        var (test, _) = RingMixture.Draw(512, 8, 2014);
        double[] betas = [0.5, 2, 8, 32];
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var rates = betas.Select(beta =>
            {
                var run = VariationalAutoencoderTraining.Train(VariationalAutoencoderOptions.Default with { Beta = beta, Seed = seed }, train, 512, 40, 64, 2, 100 + seed);
                return run.Model.Loss(test, 512, run.Model.DrawNoise(512, new Random(seed))).Rate;
            }).ToArray();
            for (int k = 1; k < betas.Length; k++)
            {
                Assert.True(rates[k] < rates[k - 1], $"seed {seed}: rate {rates[k]} at beta {betas[k]} not below {rates[k - 1]} at beta {betas[k - 1]}");
            }
        }
    }

    [Fact]
    public void ALargeBetaCollapsesThePosteriorOntoThePrior()
    {
        // At beta = 32, four times the linear-Gaussian collapse point max Var / sigma^2 = 2.02 / 0.25 ~ 8 (Lucas et al. 2019),
        // the rate is ~0 and no latent unit is active (Burda et al. 2016's Cov_x(mu(x)) > 0.01); at beta = 1 both units are.
        var (train, _) = RingMixture.Draw(512, 8, 2013);
        var collapsed = VariationalAutoencoderTraining.Train(VariationalAutoencoderOptions.Default with { Beta = 32, Seed = 4 }, train, 512, 60, 64, 2, 9);
        Assert.True(collapsed.Final.Terms.Rate < 0.01, $"rate {collapsed.Final.Terms.Rate} nats");
        Assert.Equal(0, Experiments.VariationalAutoencoderExperiment.ActiveUnits(collapsed.Model, train, 512));
        var elbo = VariationalAutoencoderTraining.Train(VariationalAutoencoderOptions.Default with { Beta = 1, Seed = 4 }, train, 512, 60, 64, 2, 9);
        Assert.True(elbo.Final.Terms.Rate > 1, $"rate {elbo.Final.Terms.Rate} nats at beta = 1");
        Assert.Equal(2, Experiments.VariationalAutoencoderExperiment.ActiveUnits(elbo.Model, train, 512));
    }

    [Fact]
    public void RejectsBadOptions()
    {
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalAutoencoder(new VariationalAutoencoderOptions { Beta = -1 })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => new VariationalAutoencoder(new VariationalAutoencoderOptions { DecoderStdDev = 0 })).ParamName);
        var vae = new VariationalAutoencoder();
        Assert.Equal("noise", Assert.Throws<ArgumentException>(() => vae.Loss(new double[4], 2, new double[3])).ParamName);
        Assert.Equal("samplesPerPoint", Assert.Throws<ArgumentOutOfRangeException>(() => vae.CheckRate(new double[4], 2, 0, new Random(1))).ParamName);
    }
}

/// <summary>The VAE section of the quick lab.</summary>
[Collection("quick lab")]
public class VariationalAutoencoderExperimentTests(QuickLabFixture lab)
{
    [Fact]
    public void TheClosedFormAndMonteCarloKlAgreeWithinTheirError()
    {
        // The final check uses 20 draws per test point (10 240 in all): an unbiased estimate lies within 3 standard errors
        // but for a 0.3 % chance. During training (one draw per point, 11 checkpoints) the k1 values are skewed, so the
        // bound there is 4.5 standard errors.
        Assert.True(lab.Number("vae", "kl_difference_standard_errors") < 3);
        Assert.True(lab.Number("vae", "kl_training_worst_standard_errors") < 4.5);
        Assert.True(lab.Number("vae", "kl_monte_carlo_standard_error_nats") < 0.02);
    }

    [Fact]
    public void TheRateFallsWithBetaAndCollapsesAtTheLargest()
    {
        var betas = Experiments.VariationalAutoencoderExperiment.QuickBetas;
        for (int k = 1; k < betas.Length; k++)
        {
            Assert.True(lab.Number("vae", $"rate_beta{betas[k]}_nats") < lab.Number("vae", $"rate_beta{betas[k - 1]}_nats"));
            Assert.True(lab.Number("vae", $"distortion_beta{betas[k]}_nats") > lab.Number("vae", $"distortion_beta{betas[k - 1]}_nats"));
        }

        Assert.Equal(32, lab.Number("vae", "collapse_beta"));
        Assert.True(lab.Number("vae", "collapse_rate_nats") < 0.01);
        // Collapsed, the decoder can do no better than the data mean: its distortion is that of a decoder that ignores z.
        Assert.InRange(lab.Number("vae", "distortion_beta32_nats") - lab.Number("vae", "collapsed_decoder_distortion_nats"), -0.05, 0.2);
    }
}
