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

    /// <summary>The plug-in entropy -sum (n/N) ln(n/N) in nats over the positive counts.</summary>
    public static double PluginNats(ReadOnlySpan<long> counts, long total)
    {
        double n = total;
        double sum = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            long c = counts[i];
            if (c > 0)
            {
                sum += c * Math.Log(c);
            }
        }

        return Math.Log(n) - sum / n;
    }
}
