using System.Globalization;

namespace Shannon.Lab.Language;

/// <summary>
/// The three discounts of modified Kneser-Ney smoothing for one order (Chen &amp; Goodman 1998, eq. 26), from the
/// count-of-counts n1..n4 (how many n-grams occur exactly 1, 2, 3, 4 times): Y = n1 / (n1 + 2 n2),
/// D1 = 1 - 2 Y n2 / n1, D2 = 2 - 3 Y n3 / n2, D3+ = 3 - 4 Y n4 / n3.
/// </summary>
/// <param name="D1">The discount of an n-gram seen once.</param>
/// <param name="D2">The discount of an n-gram seen twice.</param>
/// <param name="D3Plus">The discount of an n-gram seen three or more times.</param>
/// <param name="IsFallback">
/// True when the count-of-counts do not define valid discounts (some n_k = 0, or a D_k outside (0, k], as happens on
/// tiny texts) and the fixed fallback D1 = 0.5, D2 = 1, D3+ = 1.5 was used instead (KenLM refuses such data; we say so).
/// </param>
public readonly record struct KneserNeyDiscounts(double D1, double D2, double D3Plus, bool IsFallback)
{
    /// <summary>The fallback used when the closed form is undefined.</summary>
    public static KneserNeyDiscounts Fallback { get; } = new(0.5, 1.0, 1.5, true);

    /// <summary>The closed-form discounts from count-of-counts (Chen &amp; Goodman 1998, eq. 26).</summary>
    /// <param name="n1">N-grams seen exactly once.</param>
    /// <param name="n2">Exactly twice.</param>
    /// <param name="n3">Exactly three times.</param>
    /// <param name="n4">Exactly four times.</param>
    /// <returns>The discounts, or <see cref="Fallback"/> when undefined.</returns>
    public static KneserNeyDiscounts FromCountOfCounts(long n1, long n2, long n3, long n4)
    {
        if (n1 < 0 || n2 < 0 || n3 < 0 || n4 < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n1), $"`n1..n4` must be >= 0; got {n1}, {n2}, {n3}, {n4}.");
        }

        if (n1 == 0 || n2 == 0 || n3 == 0)
        {
            return Fallback;
        }

        double y = n1 / (n1 + 2.0 * n2);
        double d1 = 1 - 2 * y * n2 / n1;
        double d2 = 2 - 3 * y * n3 / n2;
        double d3 = 3 - 4 * y * n4 / n3;
        bool valid = d1 > 0 && d1 <= 1 && d2 > 0 && d2 <= 2 && d3 > 0 && d3 <= 3;
        return valid ? new KneserNeyDiscounts(d1, d2, d3, false) : Fallback;
    }

    /// <summary>The discount for an n-gram seen <paramref name="count"/> times (0 for unseen).</summary>
    /// <param name="count">The count.</param>
    /// <returns>The discount.</returns>
    public double For(int count) => count switch
    {
        <= 0 => 0,
        1 => D1,
        2 => D2,
        _ => D3Plus,
    };

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"D1={D1:0.####}, D2={D2:0.####}, D3+={D3Plus:0.####}{(IsFallback ? " (fallback)" : "")}");
}
