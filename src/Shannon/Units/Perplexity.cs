namespace Shannon;

/// <summary>
/// Perplexity and per-character rates: the other faces of a cross-entropy. Perplexity is
/// exp(H in nats) = 2^(H in bits): the size of a uniform distribution with the same cross-entropy.
/// </summary>
public static class Perplexity
{
    /// <summary>The perplexity exp(H) of a cross-entropy (or entropy) per symbol.</summary>
    /// <param name="crossEntropy">The cross-entropy per symbol; must be finite and non-negative.</param>
    /// <returns>A number &gt;= 1 (may overflow to +infinity above about 709 nats).</returns>
    public static double FromCrossEntropy(Information crossEntropy)
    {
        Preconditions.NonNegativeFinite(crossEntropy.Value, nameof(crossEntropy));
        return Math.Exp(crossEntropy.Nats);
    }

    /// <summary>The cross-entropy per symbol whose perplexity is <paramref name="perplexity"/>: ln(perplexity) nats.</summary>
    /// <param name="perplexity">The perplexity; must be finite and &gt;= 1.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The cross-entropy per symbol.</returns>
    public static Information ToCrossEntropy(double perplexity, InformationUnit unit)
    {
        Preconditions.AtLeast(perplexity, 1.0, nameof(perplexity), "a perplexity is exp(cross-entropy) and cannot be below 1");
        return Information.FromNats(Math.Log(perplexity), unit);
    }

    /// <summary>
    /// Converts a cross-entropy per token to bits per character, given the mean number of characters per token.
    /// </summary>
    /// <param name="perToken">The cross-entropy per token.</param>
    /// <param name="charactersPerToken">Mean characters per token; must be finite and &gt; 0 (1 when tokens are characters).</param>
    /// <returns>The rate in bits per character.</returns>
    public static double BitsPerCharacter(Information perToken, double charactersPerToken)
    {
        Preconditions.PositiveFinite(charactersPerToken, nameof(charactersPerToken));
        return perToken.Bits / charactersPerToken;
    }

    /// <summary>The inverse of <see cref="BitsPerCharacter"/>: the cross-entropy per token from bits per character.</summary>
    /// <param name="bitsPerCharacter">The rate in bits per character.</param>
    /// <param name="charactersPerToken">Mean characters per token; must be finite and &gt; 0.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The cross-entropy per token.</returns>
    public static Information FromBitsPerCharacter(double bitsPerCharacter, double charactersPerToken, InformationUnit unit)
    {
        Preconditions.Finite(bitsPerCharacter, nameof(bitsPerCharacter));
        Preconditions.PositiveFinite(charactersPerToken, nameof(charactersPerToken));
        return new Information(bitsPerCharacter * charactersPerToken, InformationUnit.Bits).To(unit);
    }
}
