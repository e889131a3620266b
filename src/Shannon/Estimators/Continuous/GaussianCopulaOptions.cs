namespace Shannon.Estimators.Continuous;

/// <summary>Options of the Gaussian-copula mutual information estimator.</summary>
public sealed record GaussianCopulaOptions
{
    /// <summary>With the bias correction (Ince et al. 2017's default).</summary>
    public static GaussianCopulaOptions Default { get; } = new();

    /// <summary>Whether to apply the analytic bias correction of the Gaussian entropies (default true).</summary>
    public bool BiasCorrection { get; init; } = true;
}
