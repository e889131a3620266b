namespace Shannon.Estimators.Discrete;

/// <summary>
/// Estimates the Shannon entropy of a discrete distribution from the counts of its outcomes in N independent samples.
/// Implementations are sealed, stateless and thread-safe. Every one computes in nats and converts once on return.
/// </summary>
public interface IEntropyEstimator
{
    /// <summary>The estimator's name as the CLI spells it (e.g. "plugin", "miller-madow", "nsb").</summary>
    string Name { get; }

    /// <summary>Estimates H from counts; the alphabet is the counts' length (empty bins included, as R's <c>entropy</c> package does).</summary>
    /// <param name="counts">Non-negative counts, one per outcome, with a positive total.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit);

    /// <summary>
    /// Estimates H from counts of an alphabet larger than the span: the <paramref name="alphabetSize"/> minus
    /// <c>counts.Length</c> outcomes not listed have count 0. Lets sparse tables (e.g. 10^6 x 10^6 pairs) be estimated
    /// without a dense allocation. Estimators that ignore empty bins (plug-in, Miller-Madow, Chao-Shen, Grassberger)
    /// return the same value for any alphabet size.
    /// </summary>
    /// <param name="counts">Non-negative counts of some outcomes, with a positive total.</param>
    /// <param name="alphabetSize">The number of possible outcomes K, at least <c>counts.Length</c>.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The estimate with its diagnostics.</returns>
    InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit);
}
