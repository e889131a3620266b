namespace Shannon.Estimators.Discrete;

/// <summary>
/// The Chao-Shen estimator (Chao &amp; Shen 2003, Environ. Ecol. Stat. 10:429): a Horvitz-Thompson sum over the
/// occupied bins with Good-Turing coverage-adjusted probabilities p_a = C n_i/N, C = 1 - f1/N (f1 singletons),
/// H = -sum p_a ln p_a / (1 - (1 - p_a)^N). Follows R's <c>entropy.ChaoShen</c>, including its rule that f1 = N
/// (all singletons) is replaced by N - 1 so that C &gt; 0. Much smaller bias than plug-in when undersampled, at the
/// cost of larger variance; empty bins do not matter. O(K).
/// </summary>
public sealed class ChaoShenEntropyEstimator : IEntropyEstimator
{
    /// <summary>The single instance (the estimator has no options).</summary>
    public static ChaoShenEntropyEstimator Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "chao-shen";

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit) => Estimate(counts, counts.Length, unit);

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        var s = CountSummary.Validate(counts, alphabetSize, unit);
        double n = s.Total;
        double f1 = s.Singletons == s.Total ? s.Total - 1 : s.Singletons;
        double coverage = 1 - f1 / n;
        double h = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                double pa = coverage * counts[i] / n;

                double la = 1 - Math.Exp(n * SpecialFunctions.LogOnePlus(-pa)); // 1 - (1 - pa)^N
                h -= pa * Math.Log(pa) / la;
            }
        }

        var warnings = s.Singletons == s.Total && s.Total > 1
            ? new[] { "All samples are singletons: coverage estimated as 1/N (R's rule f1 = N - 1); the estimate is driven by that convention." }
            : null;
        return EstimateBuilder.Entropy(Name, h, unit, s,
            InformationEstimate.MakeDiagnostics(("coverage", coverage), ("singletons", s.Singletons), ("alphabet_size", s.AlphabetSize), ("occupied_bins", s.Occupied)),
            warnings);
    }
}
