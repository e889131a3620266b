namespace Shannon.Lab.Language;

/// <summary>
/// Entropy and mutual information of paired discrete labels from counts, with the Miller-Madow bias correction
/// H_MM = H_plugin + (m - 1) / (2 N) nats, m the number of occupied bins (Miller 1955). Used by the
/// language experiment on its sparse pair counts.
/// </summary>
public static class CountInformation
{
    /// <summary>The Miller-Madow entropy of counts, in nats.</summary>
    /// <param name="counts">Non-negative counts.</param>
    /// <returns>H in nats.</returns>
    public static double MillerMadowEntropyNats(IEnumerable<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        long n = 0;
        int occupied = 0;
        double sumClogC = 0;
        foreach (long c in counts)
        {
            if (c < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), $"`counts` must be >= 0; got {c}.");
            }

            if (c > 0)
            {
                n += c;
                occupied++;
                sumClogC += c * Math.Log(c);
            }
        }

        if (n == 0)
        {
            throw new ArgumentException("`counts` must hold at least one positive count; got none.", nameof(counts));
        }

        double plugin = Math.Log(n) - (sumClogC / n);
        return plugin + ((occupied - 1) / (2.0 * n));
    }

    /// <summary>
    /// I(A; B) = H(A) + H(B) - H(A, B) and H(B | A) = H(A, B) - H(A), each entropy Miller-Madow corrected, in nats,
    /// from the (a, b) pair counts.
    /// </summary>
    /// <param name="pairCounts">Counts keyed by (a, b).</param>
    /// <returns>(I, H(B), H(B | A)) in nats.</returns>
    public static (double MutualInformation, double EntropyB, double ConditionalEntropyBGivenA) MillerMadow(IReadOnlyDictionary<(int A, int B), long> pairCounts)
    {
        ArgumentNullException.ThrowIfNull(pairCounts);
        var a = new Dictionary<int, long>();
        var b = new Dictionary<int, long>();
        foreach (var ((x, y), c) in pairCounts)
        {
            a[x] = a.GetValueOrDefault(x) + c;
            b[y] = b.GetValueOrDefault(y) + c;
        }

        double ha = MillerMadowEntropyNats(a.Values), hb = MillerMadowEntropyNats(b.Values), hab = MillerMadowEntropyNats(pairCounts.Values);
        return (ha + hb - hab, hb, hab - ha);
    }
}
