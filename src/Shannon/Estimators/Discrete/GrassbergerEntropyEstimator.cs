namespace Shannon.Estimators.Discrete;

/// <summary>
/// Grassberger's (2003) estimator, "Entropy estimates from insufficient samplings", arXiv:physics/0307138, eq. 35:
/// H = ln N - (1/N) sum n_i G(n_i), G(n) = psi(n) + (1/2)(-1)^n [psi((n+1)/2) - psi(n/2)].
/// Much smaller bias than Miller-Madow for small counts (it corrects the bias of ln n exactly for Poisson counts to
/// high order), still downward when most bins are unseen; variance similar to plug-in. Empty bins do not matter. O(K).
/// </summary>
public sealed class GrassbergerEntropyEstimator : IEntropyEstimator
{
    /// <summary>The single instance (the estimator has no options).</summary>
    public static GrassbergerEntropyEstimator Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "grassberger";

    /// <summary>Grassberger's G(n) for n &gt;= 1.</summary>
    /// <param name="n">The count.</param>
    /// <returns>G(n).</returns>
    internal static double G(long n)
    {
        double sign = (n & 1) == 0 ? 1 : -1;
        return Digamma.Of(n) + 0.5 * sign * (Digamma.Of((n + 1) / 2.0) - Digamma.Of(n / 2.0));
    }

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, InformationUnit unit) => Estimate(counts, counts.Length, unit);

    /// <inheritdoc/>
    public InformationEstimate Estimate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        var s = CountSummary.Validate(counts, alphabetSize, unit);
        double sum = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                sum += counts[i] * G(counts[i]);
            }
        }

        return EstimateBuilder.Entropy(Name, Math.Log(s.Total) - sum / s.Total, unit, s);
    }
}
