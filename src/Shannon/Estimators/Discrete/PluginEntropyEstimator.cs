namespace Shannon.Estimators.Discrete;

/// <summary>
/// The plug-in (maximum-likelihood) estimator H_ML = -sum (n_i/N) ln(n_i/N), with 0 ln 0 = 0.
/// Bias: always downward, about -(m - 1)/(2N) for m occupied bins (Miller 1955), so it underestimates badly when N is
/// not much larger than the alphabet; variance about Var[ln p(X)]/N. Empty bins do not matter. O(K).
/// Matches R's <c>entropy.empirical</c> and scikit-learn's <c>entropy</c> of a labelling.
/// </summary>
public sealed class PluginEntropyEstimator : IEntropyEstimator
{
    /// <summary>The single instance (the estimator has no options).</summary>
    public static PluginEntropyEstimator Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "plugin";

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit) => Estimate(counts, counts.Length, unit);

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        var s = CountSummary.Validate(counts, alphabetSize, unit);
        return EstimateBuilder.Entropy(Name, CountSummary.PluginNats(counts, s.Total), unit, s);
    }
}
