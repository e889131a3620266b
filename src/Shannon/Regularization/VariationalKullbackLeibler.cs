namespace Shannon.Regularization;

/// <summary>
/// The KL term of a variational autoencoder's loss (Kingma &amp; Welling 2014, "Auto-encoding variational Bayes",
/// appendix B): D(N(mu, diag sigma^2) || N(0, I)) = 1/2 sum_j (mu_j^2 + sigma_j^2 - 1 - ln sigma_j^2), in closed form,
/// parameterised by the log-variances v_j = ln sigma_j^2 that encoders output. Gradients:
/// dD/dmu_j = mu_j and dD/dv_j = (exp(v_j) - 1) / 2.
/// </summary>
public static class VariationalKullbackLeibler
{
    /// <summary>D(N(mu, diag exp(v)) || N(0, I)). Range [0, +infinity); 0 iff mu = 0 and v = 0. O(d).</summary>
    /// <param name="means">mu, finite, non-empty.</param>
    /// <param name="logVariances">v = ln sigma^2, finite, the same length.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The divergence.</returns>
    public static Information ToStandardNormal(ReadOnlySpan<double> means, ReadOnlySpan<double> logVariances, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Check(means, logVariances);
        return Information.FromNats(Nats(means, logVariances), unit);
    }

    /// <summary>The divergence in nats and its gradient with respect to mu and v = ln sigma^2.</summary>
    /// <param name="means">mu, finite, non-empty.</param>
    /// <param name="logVariances">v = ln sigma^2, finite, the same length.</param>
    /// <param name="meanGradient">Receives dD/dmu_j = mu_j (nats); the same length.</param>
    /// <param name="logVarianceGradient">Receives dD/dv_j = (exp(v_j) - 1) / 2 (nats); the same length.</param>
    /// <returns>D in nats.</returns>
    public static double ToStandardNormalWithGradient(ReadOnlySpan<double> means, ReadOnlySpan<double> logVariances, Span<double> meanGradient, Span<double> logVarianceGradient)
    {
        Check(means, logVariances);
        Preconditions.SameLength(meanGradient.Length, means.Length, nameof(meanGradient), nameof(means));
        Preconditions.SameLength(logVarianceGradient.Length, means.Length, nameof(logVarianceGradient), nameof(means));
        for (int j = 0; j < means.Length; j++)
        {
            meanGradient[j] = means[j];
            // exp(v) - 1 = (exp(v) - 1 - v) + v, accurate near v = 0.
            logVarianceGradient[j] = 0.5 * (SampledKullbackLeibler.ExpMinusOneMinus(logVariances[j]) + logVariances[j]);
        }

        return Nats(means, logVariances);
    }

    private static double Nats(ReadOnlySpan<double> means, ReadOnlySpan<double> logVariances)
    {
        double d = 0;
        for (int j = 0; j < means.Length; j++)
        {
            // sigma^2 - 1 - ln sigma^2 = exp(v) - 1 - v, computed without cancellation near v = 0.
            d += (means[j] * means[j]) + SampledKullbackLeibler.ExpMinusOneMinus(logVariances[j]);
        }

        return 0.5 * d;
    }

    private static void Check(ReadOnlySpan<double> means, ReadOnlySpan<double> logVariances)
    {
        Preconditions.AllFinite(means, nameof(means));
        Preconditions.SameLength(logVariances.Length, means.Length, nameof(logVariances), nameof(means));
        Preconditions.AllFinite(logVariances, nameof(logVariances));
    }
}
