using System.Globalization;

namespace Shannon.Estimators.Discrete;

/// <summary>The validated totals of a count vector: N, the alphabet size K and the occupied bins.</summary>
internal readonly record struct CountSummary(long Total, long AlphabetSize, long Occupied, long Singletons)
{
    /// <summary>Empty bins: K minus occupied bins.</summary>
    public long Empty => AlphabetSize - Occupied;

    /// <summary>Validates counts (non-empty, >= 0, positive total) and the alphabet size; returns the totals.</summary>
    public static CountSummary Validate(ReadOnlySpan<long> counts, long alphabetSize, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        if (counts.IsEmpty)
        {
            throw Preconditions.Error(nameof(counts), "non-empty", "an empty sequence");
        }

        if (alphabetSize < counts.Length)
        {
            throw Preconditions.OutOfRange(nameof(alphabetSize), $">= the number of counts ({counts.Length})",
                alphabetSize.ToString(CultureInfo.InvariantCulture));
        }

        long total = 0, occupied = 0, singletons = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            if (c < 0)
            {
                throw Preconditions.Error(nameof(counts), ">= 0 everywhere", $"{c.ToString(CultureInfo.InvariantCulture)} at index {i}");
            }

            if (c > 0)
            {
                occupied++;
                total = Preconditions.AddCount(total, c, nameof(counts));
                if (c == 1)
                {
                    singletons++;
                }
            }
        }

        if (total == 0)
        {
            throw Preconditions.Error(nameof(counts), "a vector with a positive total", "all zeros",
                "An entropy estimate needs at least one sample.");
        }

        return new CountSummary(total, alphabetSize, occupied, singletons);
    }

    /// <summary>
    /// The plug-in entropy H = sum (n/N) ln(N/n) in nats over the positive counts: the library's one plug-in entropy of
    /// counts (every estimator, score and experiment that needs H_ML of counts calls it). Each term is non-negative, so
    /// nothing cancels (the textbook form ln N - sum n ln n / N loses all digits when one bin holds nearly everything);
    /// ln(N / n) of a bin holding more than half is log1p((N - n) / n), and the terms are added with <see cref="CompensatedSum"/>: exact to a few units in the last place, and exactly 0
    /// for a single occupied bin. O(K).
    /// </summary>
    /// <param name="counts">Non-negative counts (zeros are skipped: 0 ln 0 = 0).</param>
    /// <param name="total">N, the sum of the counts (&gt; 0; not checked here).</param>
    /// <returns>H in nats.</returns>
    public static double PluginNats(ReadOnlySpan<long> counts, long total)
    {
        double n = total;
        var sum = default(CompensatedSum);
        for (int i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            if (c > 0)
            {
                // N / n near 1 (only the one bin holding more than half) loses its small part to rounding: log1p of
                // the exact (N - n) / n keeps it.
                sum.Add(c * (2 * c > total ? SpecialFunctions.LogOnePlus((double)(total - c) / c) : Math.Log(n / c)));
            }
        }

        return sum.Value / n;
    }
}
