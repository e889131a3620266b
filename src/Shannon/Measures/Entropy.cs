using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Shannon entropy H(P) = -sum_i p_i log p_i, with 0 log 0 = 0. Range [0, log n]. O(n).
    /// Cover &amp; Thomas (2006), eq. 2.1.
    /// </summary>
    /// <param name="probabilities">A probability vector (validated: finite, &gt;= 0, sum 1 within 1e-9).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>H(P).</returns>
    public static Information Entropy(ReadOnlySpan<double> probabilities, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.Probabilities(probabilities, nameof(probabilities));
        return Information.FromNats(EntropyNats(probabilities), unit);
    }

    /// <summary>Shannon entropy of a distribution; see <see cref="Entropy(ReadOnlySpan{double}, InformationUnit)"/>.</summary>
    /// <param name="distribution">The distribution.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>H(P).</returns>
    public static Information Entropy(Categorical distribution, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Preconditions.Unit(unit, nameof(unit));
        return Information.FromNats(EntropyNats(distribution.Probabilities), unit);
    }

    /// <summary>
    /// The entropy of the binary distribution (p, 1 - p): h(p) = -p log p - (1 - p) log(1 - p).
    /// Maximum 1 bit at p = 1/2; h(0) = h(1) = 0. Cover &amp; Thomas (2006), eq. 2.5.
    /// </summary>
    /// <param name="probability">p in [0, 1].</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>h(p).</returns>
    public static Information BinaryEntropy(double probability, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.InRange(probability, 0, 1, nameof(probability));
        double q = 1 - probability;
        double h = 0;
        if (probability > 0)
        {
            h -= probability * Math.Log(probability);
        }

        if (q > 0)
        {
            h -= q * Math.Log(q);
        }

        return Information.FromNats(h, unit);
    }

    /// <summary>Local entropy: the surprisal -log p_i of each outcome, weighted by p_i; the mean is H(P).</summary>
    /// <param name="probabilities">A probability vector.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values (+infinity for outcomes of probability zero).</returns>
    public static LocalInformation LocalEntropy(ReadOnlySpan<double> probabilities, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.Probabilities(probabilities, nameof(probabilities));
        var values = new double[probabilities.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = probabilities[i] > 0 ? -Math.Log(probabilities[i]) : double.PositiveInfinity;
        }

        return new LocalInformation(values, probabilities.ToArray(), unit);
    }
}
