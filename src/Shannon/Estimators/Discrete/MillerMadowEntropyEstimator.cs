namespace Shannon.Estimators.Discrete;

/// <summary>
/// The Miller-Madow estimator H_MM = H_ML + (m - 1)/(2N), where m is the number of occupied bins (not the alphabet
/// size): the first-order correction of the plug-in bias (Miller 1955, "Note on the bias of information estimates").
/// Removes the O(1/N) bias when N is much larger than K; still biased downward when undersampled. Matches R's
/// <c>entropy.MillerMadow</c>. O(K).
/// </summary>
public sealed class MillerMadowEntropyEstimator : IEntropyEstimator
{
    /// <summary>The single instance (the estimator has no options).</summary>
    public static MillerMadowEntropyEstimator Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "miller-madow";

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit) => Estimate(counts, counts.Length, unit);

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        var s = CountSummary.Validate(counts, alphabetSize, unit);
        double h = CountSummary.PluginNats(counts, s.Total) + (s.Occupied - 1) / (2.0 * s.Total);
        return EstimateBuilder.Entropy(Name, h, unit, s);
    }
}
