namespace Shannon.Regularization;

/// <summary>
/// The three single-sample estimators of D(pi||ref) from Schulman (2020), "Approximating KL divergence"
/// (joschu.net/blog/kl-approx.html). Each is a function of r = ref(x) / pi(x) for x drawn from the policy pi.
/// </summary>
public enum KullbackLeiblerSampleEstimator
{
    /// <summary>k1 = -log r: unbiased (E_pi[-log r] = D(pi||ref)); high variance, negative on about half the samples.</summary>
    K1 = 1,

    /// <summary>
    /// k2 = (log r)^2 / 2: always &gt;= 0 and low variance, but biased: its mean is 1/2 E_pi[(log r)^2], which equals the
    /// KL only to second order in log r, and exceeds it by a bias that grows with the divergence (an f-divergence
    /// with f(r) = (log r)^2 / 2 that matches KL's second derivative at r = 1).
    /// </summary>
    K2 = 2,

    /// <summary>
    /// k3 = (r - 1) - log r: unbiased (E_pi[r] = 1 adds a zero-mean control variate to k1) and &gt;= 0 for every
    /// sample (log r &lt;= r - 1); usually the lowest variance of the three near pi = ref.
    /// </summary>
    K3 = 3,
}

/// <summary>
/// The mean, spread and bias of a sampled KL estimator, all in <see cref="Unit"/>.
/// </summary>
/// <param name="Estimator">Which estimator.</param>
/// <param name="Mean">The sample mean: the estimate of D(pi||ref).</param>
/// <param name="StandardDeviation">The sample standard deviation of the per-sample values (n - 1 in the denominator).</param>
/// <param name="StandardError">StandardDeviation / sqrt(n): the standard error of <see cref="Mean"/>.</param>
/// <param name="Bias">Mean - exact KL, for the exact value given; its expectation is the estimator's bias.</param>
/// <param name="SampleCount">n, the number of samples.</param>
/// <param name="Unit">The unit of every value.</param>
public readonly record struct SampledKullbackLeiblerSummary(
    KullbackLeiblerSampleEstimator Estimator, double Mean, double StandardDeviation, double StandardError, double Bias, int SampleCount, InformationUnit Unit);

/// <summary>
/// Monte Carlo estimates of D(pi||ref) from tokens x_1..x_n drawn from the policy pi, as used by RLHF trainers that
/// cannot afford the exact sum over the vocabulary (Schulman 2020). Inputs are log-ratios log r_i = log ref(x_i) -
/// log pi(x_i) in nats, or the two log-probabilities of each sampled token. log r = -infinity (the reference gives
/// the token zero probability) makes k1, k2 and k3 +infinity, a value, not an error.
/// </summary>
public static class SampledKullbackLeibler
{
    /// <summary>The per-sample value of an estimator at log r (nats).</summary>
    /// <param name="logRatio">log r = log ref(x) - log pi(x), in nats; not NaN, not +infinity.</param>
    /// <param name="estimator">k1, k2 or k3.</param>
    /// <returns>The estimator's value for this sample, in nats.</returns>
    public static double Pointwise(double logRatio, KullbackLeiblerSampleEstimator estimator)
    {
        if (double.IsNaN(logRatio) || double.IsPositiveInfinity(logRatio))
        {
            throw Preconditions.OutOfRange(nameof(logRatio), "a number < +infinity (not NaN)", Preconditions.Format(logRatio));
        }

        CheckEstimator(estimator);
        return Value(logRatio, estimator);
    }

    /// <summary>Per-sample values of an estimator for a batch of log-ratios.</summary>
    /// <param name="logRatios">log r_i in nats; none NaN or +infinity; non-empty.</param>
    /// <param name="estimator">k1, k2 or k3.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <param name="destination">Receives the values; the same length.</param>
    public static void PointwiseFromLogRatios(ReadOnlySpan<double> logRatios, KullbackLeiblerSampleEstimator estimator, InformationUnit unit, Span<double> destination)
    {
        Preconditions.Unit(unit, nameof(unit));
        CheckEstimator(estimator);
        CheckLogRatios(logRatios, nameof(logRatios));
        Preconditions.SameLength(destination.Length, logRatios.Length, nameof(destination), nameof(logRatios));
        for (int i = 0; i < logRatios.Length; i++)
        {
            destination[i] = InformationUnits.FromNats(Value(logRatios[i], estimator), unit);
        }
    }

    /// <summary>
    /// Mean, standard deviation, standard error and bias (against <paramref name="exactNats"/>) of an estimator over
    /// samples given as log-ratios. Two passes, no allocation.
    /// </summary>
    /// <param name="logRatios">log r_i = log ref(x_i) - log pi(x_i) in nats, x_i ~ pi; at least 2.</param>
    /// <param name="estimator">k1, k2 or k3.</param>
    /// <param name="exactNats">The exact D(pi||ref) in nats (for the bias); finite.</param>
    /// <param name="unit">The unit of the summary.</param>
    /// <returns>The summary.</returns>
    public static SampledKullbackLeiblerSummary Summarize(ReadOnlySpan<double> logRatios, KullbackLeiblerSampleEstimator estimator, double exactNats, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        CheckEstimator(estimator);
        CheckLogRatios(logRatios, nameof(logRatios));
        Preconditions.Finite(exactNats, nameof(exactNats));
        if (logRatios.Length < 2)
        {
            throw Preconditions.Error(nameof(logRatios), "at least 2 samples (for a standard deviation)", $"{logRatios.Length}");
        }

        int n = logRatios.Length;
        double sum = 0;
        foreach (double lr in logRatios)
        {
            sum += Value(lr, estimator);
        }

        double mean = sum / n;
        double squares = 0;
        foreach (double lr in logRatios)
        {
            double d = Value(lr, estimator) - mean;
            squares += d * d;
        }

        double sd = Math.Sqrt(squares / (n - 1));
        double u = InformationUnits.NatsPer(unit);
        return new SampledKullbackLeiblerSummary(estimator, mean / u, sd / u, sd / Math.Sqrt(n) / u, (mean - exactNats) / u, n, unit);
    }

    /// <summary>The same summary from the two log-probabilities of each sampled token.</summary>
    /// <param name="policyLogProbabilities">log pi(x_i) in nats: finite, &lt;= 0.</param>
    /// <param name="referenceLogProbabilities">log ref(x_i) in nats: &lt;= 0 (-infinity allowed); the same length.</param>
    /// <param name="estimator">k1, k2 or k3.</param>
    /// <param name="exactNats">The exact D(pi||ref) in nats.</param>
    /// <param name="unit">The unit of the summary.</param>
    /// <returns>The summary.</returns>
    public static SampledKullbackLeiblerSummary Summarize(
        ReadOnlySpan<double> policyLogProbabilities, ReadOnlySpan<double> referenceLogProbabilities, KullbackLeiblerSampleEstimator estimator, double exactNats, InformationUnit unit)
    {
        var logRatios = LogRatios(policyLogProbabilities, referenceLogProbabilities);
        return Summarize(logRatios, estimator, exactNats, unit);
    }

    /// <summary>log r_i = log ref(x_i) - log pi(x_i), validated.</summary>
    /// <param name="policyLogProbabilities">log pi(x_i): finite, &lt;= 0.</param>
    /// <param name="referenceLogProbabilities">log ref(x_i): &lt;= 0, -infinity allowed; the same length.</param>
    /// <returns>A new array of log-ratios.</returns>
    public static double[] LogRatios(ReadOnlySpan<double> policyLogProbabilities, ReadOnlySpan<double> referenceLogProbabilities)
    {
        Preconditions.NotEmpty(policyLogProbabilities, nameof(policyLogProbabilities));
        Preconditions.SameLength(referenceLogProbabilities.Length, policyLogProbabilities.Length, nameof(referenceLogProbabilities), nameof(policyLogProbabilities));
        var result = new double[policyLogProbabilities.Length];
        for (int i = 0; i < result.Length; i++)
        {
            double a = policyLogProbabilities[i], b = referenceLogProbabilities[i];
            if (!(a <= 0) || !double.IsFinite(a))
            {
                throw Preconditions.Error(nameof(policyLogProbabilities), "finite log-probabilities <= 0 (the sampled tokens have positive probability)", $"{Preconditions.Format(a)} at index {i}");
            }

            if (!(b <= 0))
            {
                throw Preconditions.Error(nameof(referenceLogProbabilities), "log-probabilities <= 0 (-infinity allowed)", $"{Preconditions.Format(b)} at index {i}");
            }

            result[i] = b - a;
        }

        return result;
    }

    /// <summary>
    /// exp(x) - 1 - x without cancellation: the fourth-order series below |x| = 1e-3 (truncation error below
    /// |x|^5 / 120 &lt; 1e-17 of a value of at least x^2 / 2 - |x|^3 / 6, so relative 2e-11 at worst) and exp(x) - 1 - x above,
    /// where the value is at least 4.99e-7 and the rounding error of order 1e-16. Never negative.
    /// </summary>
    internal static double ExpMinusOneMinus(double x)
    {
        if (Math.Abs(x) < 1e-3)
        {
            return x * x * (0.5 + (x * ((1.0 / 6.0) + (x * ((1.0 / 24.0) + (x / 120.0))))));
        }

        return double.IsNegativeInfinity(x) ? double.PositiveInfinity : Math.Exp(x) - 1.0 - x;
    }

    private static double Value(double logRatio, KullbackLeiblerSampleEstimator estimator) => estimator switch
    {
        KullbackLeiblerSampleEstimator.K1 => -logRatio,
        KullbackLeiblerSampleEstimator.K2 => 0.5 * logRatio * logRatio,
        _ => ExpMinusOneMinus(logRatio),
    };

    private static void CheckEstimator(KullbackLeiblerSampleEstimator estimator)
    {
        if (estimator is not (KullbackLeiblerSampleEstimator.K1 or KullbackLeiblerSampleEstimator.K2 or KullbackLeiblerSampleEstimator.K3))
        {
            throw Preconditions.OutOfRange(nameof(estimator), "K1, K2 or K3", ((int)estimator).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static void CheckLogRatios(ReadOnlySpan<double> logRatios, string name)
    {
        Preconditions.NotEmpty(logRatios, name);
        for (int i = 0; i < logRatios.Length; i++)
        {
            double x = logRatios[i];
            if (double.IsNaN(x) || double.IsPositiveInfinity(x))
            {
                throw Preconditions.Error(name, "numbers < +infinity (not NaN)", $"{Preconditions.Format(x)} at index {i}", "A log-ratio log ref(x) - log pi(x) is +infinity only if pi(x) = 0, and such x cannot be sampled from pi.");
            }
        }
    }
}
