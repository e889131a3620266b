using Shannon.Regularization;

namespace Shannon.Lab.Models;

/// <summary>Options of <see cref="VariationalAutoencoder"/>: architecture, the beta of the loss, the decoder's noise and Adam.</summary>
public sealed record VariationalAutoencoderOptions
{
    /// <summary>The defaults: 2-D data, a 2-D latent, two tanh layers of 32 units each way, beta = 1 (the ELBO).</summary>
    public static VariationalAutoencoderOptions Default { get; } = new();

    /// <summary>The data's dimension. Default 2 (<see cref="RingMixture"/>).</summary>
    public int InputDimension { get; init; } = 2;

    /// <summary>The latent dimension d of z. Default 2, so the latent space can be drawn.</summary>
    public int LatentDimension { get; init; } = 2;

    /// <summary>Hidden layer sizes of the encoder and (the same) of the decoder. Default [32, 32].</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [32, 32];

    /// <summary>
    /// The weight of the rate in the loss D + beta R (Higgins et al. 2017, eq. 4). Default 1: the negative ELBO of
    /// Kingma &amp; Welling (2014).
    /// </summary>
    public double Beta { get; init; } = 1;

    /// <summary>
    /// sigma of the Gaussian decoder p(x|z) = N(g(z), sigma^2 I), fixed, not learned. Default 0.5. It sets the exchange rate
    /// between squared error and nats: the distortion is ||x - g(z)||^2 / (2 sigma^2) + (D/2) ln(2 pi sigma^2).
    /// </summary>
    public double DecoderStdDev { get; init; } = 0.5;

    /// <summary>Adam's step size for both networks. Default 3e-3 (larger than Kingma &amp; Ba's 1e-3: the networks are small).</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>The seed of both networks' initial weights (the encoder gets Seed, the decoder Seed + 1).</summary>
    public int Seed { get; init; }
}

/// <summary>The rate and distortion of a batch, in nats per sample.</summary>
/// <param name="Distortion">D = E[-ln p(x | z)], z ~ q(z | x): the reconstruction term.</param>
/// <param name="Rate">R = E_x KL(q(z | x) || N(0, I)), closed form (Kingma &amp; Welling 2014, appendix B).</param>
/// <param name="Beta">The beta of the loss.</param>
public readonly record struct RateDistortion(double Distortion, double Rate, double Beta)
{
    /// <summary>The loss D + beta R; at beta = 1 the negative ELBO.</summary>
    public double Loss => Distortion + (Beta * Rate);
}

/// <summary>The closed-form rate of a data set next to its Monte Carlo estimate.</summary>
/// <param name="ClosedFormNats">mean_x KL(q(z|x) || N(0, I)) in nats, from <see cref="VariationalKullbackLeibler"/>.</param>
/// <param name="MonteCarlo">The plain estimator k1 = ln q(z|x) - ln p(z) over z ~ q(z|x), its standard error and its difference from the closed form (in nats).</param>
public readonly record struct KullbackLeiblerCheck(double ClosedFormNats, SampledKullbackLeiblerSummary MonteCarlo)
{
    /// <summary>|Monte Carlo - closed form| in standard errors.</summary>
    public double StandardErrors => Math.Abs(MonteCarlo.Bias) / MonteCarlo.StandardError;
}

/// <summary>
/// A variational autoencoder (Kingma &amp; Welling 2014) built from two <see cref="Mlp"/>s with identity outputs: the encoder
/// maps x to the mean and log-variance of a diagonal Gaussian q(z|x) = N(mu(x), diag exp(v(x))), the decoder maps z to the
/// mean g(z) of a Gaussian p(x|z) with fixed sigma. It is trained on D + beta R (the beta-VAE of Higgins et al. 2017), the
/// rate R being the closed-form KL to the prior N(0, I) and the distortion D the expected negative log-likelihood, by the
/// reparameterisation z = mu + exp(v/2) eps, eps ~ N(0, I). Rate and distortion are Alemi et al.'s (2018, "Fixing a
/// broken ELBO", sec. 2) names. Batches are feature-major, as in <see cref="Mlp"/>. Deterministic for a seed.
/// </summary>
public sealed class VariationalAutoencoder
{
    private readonly VariationalAutoencoderOptions _options;
    private readonly int _d;
    private readonly int _latent;
    private double[] _z = [];
    private double[] _decoderGradient = [];
    private double[] _latentGradient = [];
    private double[] _encoderGradient = [];

    /// <summary>Creates a VAE with seeded initial weights.</summary>
    /// <param name="options">Options (null: defaults).</param>
    public VariationalAutoencoder(VariationalAutoencoderOptions? options = null)
    {
        _options = options ?? VariationalAutoencoderOptions.Default;
        ArgumentNullException.ThrowIfNull(_options.HiddenSizes);
        if (_options.InputDimension < 1 || _options.LatentDimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`InputDimension` and `LatentDimension` must be >= 1; got {_options.InputDimension} and {_options.LatentDimension}.");
        }

        if (!(_options.Beta >= 0) || !double.IsFinite(_options.Beta))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`Beta` must be a finite number >= 0; got {_options.Beta}.");
        }

        if (!(_options.DecoderStdDev > 0) || !double.IsFinite(_options.DecoderStdDev))
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"`DecoderStdDev` must be a finite number > 0; got {_options.DecoderStdDev}.");
        }

        _d = _options.InputDimension;
        _latent = _options.LatentDimension;
        Encoder = new Mlp(new MlpOptions
        {
            LayerSizes = [_d, .. _options.HiddenSizes, 2 * _latent], Output = OutputActivation.Identity, LearningRate = _options.LearningRate, Seed = _options.Seed,
        });
        Decoder = new Mlp(new MlpOptions
        {
            LayerSizes = [_latent, .. _options.HiddenSizes, _d], Output = OutputActivation.Identity, LearningRate = _options.LearningRate, Seed = _options.Seed + 1,
        });
    }

    /// <summary>The options.</summary>
    public VariationalAutoencoderOptions Options => _options;

    /// <summary>The encoder x -> (mu, v): outputs 0..d-1 are mu, d..2d-1 are v = ln sigma^2.</summary>
    public Mlp Encoder { get; }

    /// <summary>The decoder z -> g(z), the mean of p(x|z).</summary>
    public Mlp Decoder { get; }

    /// <summary>
    /// Forward and backward pass of D + beta R on a batch with the given noise eps (so the loss is a deterministic
    /// function of the weights, and a gradient check can compare it with finite differences); fills both networks'
    /// gradients of the batch mean.
    /// </summary>
    /// <param name="inputs">Feature-major data, InputDimension * batch values.</param>
    /// <param name="batch">The number of samples.</param>
    /// <param name="noise">eps ~ N(0, I), feature-major, LatentDimension * batch values.</param>
    /// <returns>The batch's mean distortion and rate (nats).</returns>
    public RateDistortion ComputeGradients(ReadOnlySpan<double> inputs, int batch, ReadOnlySpan<double> noise)
    {
        var rd = Loss(inputs, batch, noise);
        double inv = 1.0 / batch, s2 = _options.DecoderStdDev * _options.DecoderStdDev;
        var xHat = Decoder.Activations(Decoder.LayerSizes.Count - 1);

        // dL/dg = (g - x) / sigma^2, per sample, then back through the decoder to dL/dz.
        for (int i = 0; i < _d * batch; i++)
        {
            _decoderGradient[i] = (xHat[i] - inputs[i]) / s2 * inv;
        }

        Decoder.Backward(_decoderGradient.AsSpan(0, _d * batch), _latentGradient.AsSpan(0, _latent * batch));

        // z = mu + exp(v/2) eps: dz/dmu = 1, dz/dv = exp(v/2) eps / 2; the rate adds beta (mu, (exp(v) - 1)/2) (Kingma & Welling, app. B).
        var code = Encoder.Activations(Encoder.LayerSizes.Count - 1);
        Span<double> mu = stackalloc double[_latent], v = stackalloc double[_latent], gMu = stackalloc double[_latent], gV = stackalloc double[_latent];
        for (int b = 0; b < batch; b++)
        {
            Gather(code, batch, b, mu, v);
            VariationalKullbackLeibler.ToStandardNormalWithGradient(mu, v, gMu, gV);
            for (int j = 0; j < _latent; j++)
            {
                double dz = _latentGradient[(j * batch) + b];
                double e = noise[(j * batch) + b];
                _encoderGradient[(j * batch) + b] = dz + (_options.Beta * gMu[j] * inv);
                _encoderGradient[((_latent + j) * batch) + b] = (dz * 0.5 * Math.Exp(0.5 * v[j]) * e) + (_options.Beta * gV[j] * inv);
            }
        }

        Encoder.Backward(_encoderGradient.AsSpan(0, 2 * _latent * batch), default);
        return rd;
    }

    /// <summary>The batch's mean distortion and rate with the given noise, without touching the gradients.</summary>
    /// <param name="inputs">Feature-major data.</param>
    /// <param name="batch">The number of samples.</param>
    /// <param name="noise">eps, feature-major, LatentDimension * batch values.</param>
    /// <returns>Mean distortion and rate (nats).</returns>
    public RateDistortion Loss(ReadOnlySpan<double> inputs, int batch, ReadOnlySpan<double> noise)
    {
        if (batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), $"`batch` must be >= 1; got {batch}.");
        }

        if (inputs.Length != _d * batch)
        {
            throw new ArgumentException($"`inputs` must hold {_d} x {batch} values; got {inputs.Length}.", nameof(inputs));
        }

        if (noise.Length != _latent * batch)
        {
            throw new ArgumentException($"`noise` must hold {_latent} x {batch} values; got {noise.Length}.", nameof(noise));
        }

        EnsureBuffers(batch);
        Encoder.Forward(inputs, batch);
        var code = Encoder.Activations(Encoder.LayerSizes.Count - 1);
        double rate = 0;
        Span<double> mu = stackalloc double[_latent], v = stackalloc double[_latent];
        for (int b = 0; b < batch; b++)
        {
            Gather(code, batch, b, mu, v);
            rate += VariationalKullbackLeibler.ToStandardNormal(mu, v, InformationUnit.Nats).Value;
            for (int j = 0; j < _latent; j++)
            {
                _z[(j * batch) + b] = mu[j] + (Math.Exp(0.5 * v[j]) * noise[(j * batch) + b]);
            }
        }

        Decoder.Forward(_z.AsSpan(0, _latent * batch), batch);
        var xHat = Decoder.Activations(Decoder.LayerSizes.Count - 1);
        double s2 = _options.DecoderStdDev * _options.DecoderStdDev, squares = 0;
        for (int i = 0; i < _d * batch; i++)
        {
            double r = inputs[i] - xHat[i];
            squares += r * r;
        }

        double distortion = (squares / (2 * s2) / batch) + (0.5 * _d * Math.Log(2 * Math.PI * s2));
        return new RateDistortion(distortion, rate / batch, _options.Beta);
    }

    /// <summary>One Adam step of both networks with the gradients of the last <see cref="ComputeGradients"/>.</summary>
    public void AdamStep()
    {
        Encoder.AdamStep();
        Decoder.AdamStep();
    }

    /// <summary>The encoder's mu and v = ln sigma^2 for a batch, feature-major (LatentDimension * batch values each).</summary>
    /// <param name="inputs">Feature-major data.</param>
    /// <param name="batch">The number of samples.</param>
    /// <returns>Copies of the means and log-variances.</returns>
    public (double[] Means, double[] LogVariances) Encode(ReadOnlySpan<double> inputs, int batch)
    {
        Encoder.Forward(inputs, batch);
        var code = Encoder.Activations(Encoder.LayerSizes.Count - 1);
        return (code[..(_latent * batch)].ToArray(), code[(_latent * batch)..].ToArray());
    }

    /// <summary>
    /// The rate of a data set two ways: the closed form mean_x KL(q(z|x) || N(0, I)), and its Monte Carlo estimate from
    /// <paramref name="samplesPerPoint"/> draws z ~ q(z|x) per point of ln q(z|x) - ln N(z; 0, I) (Schulman's k1, unbiased),
    /// with its standard error. The two must agree within the Monte Carlo error.
    /// </summary>
    /// <param name="inputs">Feature-major data.</param>
    /// <param name="batch">The number of points.</param>
    /// <param name="samplesPerPoint">Draws per point, &gt;= 1 (batch * samplesPerPoint &gt;= 2).</param>
    /// <param name="random">The source of the draws.</param>
    /// <returns>The two values (nats).</returns>
    public KullbackLeiblerCheck CheckRate(ReadOnlySpan<double> inputs, int batch, int samplesPerPoint, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (samplesPerPoint < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samplesPerPoint), $"`samplesPerPoint` must be >= 1; got {samplesPerPoint}.");
        }

        var (means, logVariances) = Encode(inputs, batch);
        var standard = Distributions.Gaussian.WithMeanStdDev(0, 1);
        var logRatios = new double[batch * samplesPerPoint];
        Span<double> mu = stackalloc double[_latent], v = stackalloc double[_latent];
        double closed = 0;
        for (int b = 0; b < batch; b++)
        {
            for (int j = 0; j < _latent; j++)
            {
                mu[j] = means[(j * batch) + b];
                v[j] = logVariances[(j * batch) + b];
            }

            closed += VariationalKullbackLeibler.ToStandardNormal(mu, v, InformationUnit.Nats).Value;
            for (int s = 0; s < samplesPerPoint; s++)
            {
                // ln p(z) - ln q(z|x) with z = mu + sigma eps: sum_j [-z_j^2 / 2 + eps_j^2 / 2 + v_j / 2] (the 2 pi terms cancel).
                double logRatio = 0;
                for (int j = 0; j < _latent; j++)
                {
                    double e = standard.Sample(random);
                    double z = mu[j] + (Math.Exp(0.5 * v[j]) * e);
                    logRatio += 0.5 * ((e * e) - (z * z) + v[j]);
                }

                logRatios[(b * samplesPerPoint) + s] = logRatio;
            }
        }

        closed /= batch;
        return new KullbackLeiblerCheck(closed, SampledKullbackLeibler.Summarize(logRatios, KullbackLeiblerSampleEstimator.K1, closed, InformationUnit.Nats));
    }

    /// <summary>Draws eps ~ N(0, I) for a batch, feature-major.</summary>
    /// <param name="batch">The number of samples.</param>
    /// <param name="random">The source.</param>
    /// <returns>LatentDimension * batch standard normals.</returns>
    public double[] DrawNoise(int batch, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var standard = Distributions.Gaussian.WithMeanStdDev(0, 1);
        var noise = new double[_latent * batch];
        for (int i = 0; i < noise.Length; i++)
        {
            noise[i] = standard.Sample(random);
        }

        return noise;
    }

    private void Gather(ReadOnlySpan<double> code, int batch, int b, Span<double> mu, Span<double> v)
    {
        for (int j = 0; j < _latent; j++)
        {
            mu[j] = code[(j * batch) + b];
            v[j] = code[((_latent + j) * batch) + b];
        }
    }

    private void EnsureBuffers(int batch)
    {
        if (_z.Length >= _latent * batch)
        {
            return;
        }

        _z = new double[_latent * batch];
        _latentGradient = new double[_latent * batch];
        _decoderGradient = new double[_d * batch];
        _encoderGradient = new double[2 * _latent * batch];
    }
}
