using System.Globalization;

namespace Shannon.Estimators.Continuous;

/// <summary>
/// The result of a continuous estimator: the raw estimate (negative values included, never clipped) in its
/// unit, the sample count and the diagnostics a reader needs to trust it or not.
/// </summary>
/// <param name="Value">The estimate in <paramref name="Unit"/>. k-NN estimates of MI can be negative when the
/// true value is near zero; they are returned as they are.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>.</param>
/// <param name="SampleCount">N, the number of samples used.</param>
/// <param name="Estimator">The estimator's short name as the command line spells it (e.g. "ksg1").</param>
/// <param name="K">The number of neighbours k for k-NN estimators; null for the others.</param>
/// <param name="TiedValueCount">The number of values that repeat an earlier value of the same input column,
/// summed over the columns (0 when there are no ties). Ties make k-NN distances zero and counts ambiguous.</param>
/// <param name="BinCount">For binned estimators the number of bins per column (largest over the columns); null otherwise.</param>
/// <param name="Warnings">Plain-language warnings (ties, N too small for the size of the estimate, very
/// different column scales); empty when there is nothing to say.</param>
public sealed record ContinuousEstimate(
    double Value,
    InformationUnit Unit,
    int SampleCount,
    string Estimator,
    int? K,
    int TiedValueCount,
    int? BinCount,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The rule by which zero neighbour distances were treated, as the diagnostics name it: "gao-2017"
    /// (KSG and its conditional form: Gao, Kannan, Oh and Viswanath 2017), "gao-2017-ross" (Ross's mixed estimator
    /// with Gao's count at radius 0), "cell-fraction" (Kozachenko-Leonenko), "atom-mass-ratio" (k-NN KL divergence),
    /// "jitter" when seeded noise broke the ties first, "dequantize+..." when lattice columns were dequantised first
    /// (<see cref="KsgOptions.Dequantize"/>); null for estimators without neighbour distances.</summary>
    public string? TieRule { get; init; }

    /// <summary>The number of sample points whose k-th neighbour distance was 0, so that the tie rule (not the plain
    /// k-NN formula) gave their term; 0 on untied data.</summary>
    public int TiedPointCount { get; init; }

    /// <summary>The value with its unit, e.g. "0.2231 nats (ksg1, N = 1000, k = 3)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Value:G6} {InformationUnits.Name(Unit)} ({Estimator}, N = {SampleCount}{(K is int k ? $", k = {k}" : "")}{(BinCount is int b ? $", bins = {b}" : "")})");
}
