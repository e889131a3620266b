namespace Shannon.Distributions;

/// <summary>
/// An immutable probability distribution over the outcomes 0..Count-1, holding a validated copy of its
/// probabilities. Built only by the factories, which say how the numbers were obtained: nothing is
/// normalised unless the factory's name says so.
/// </summary>
public sealed class Categorical
{
    private readonly double[] _probabilities;

    private Categorical(double[] probabilities) => _probabilities = probabilities;

    /// <summary>The number of outcomes, including those of probability zero.</summary>
    public int Count => _probabilities.Length;

    /// <summary>The probabilities, in outcome order.</summary>
    public ReadOnlySpan<double> Probabilities => _probabilities;

    /// <summary>The probability of outcome <paramref name="index"/>.</summary>
    /// <param name="index">The outcome, 0..Count-1.</param>
    public double this[int index] => _probabilities[index];

    /// <summary>Wraps a probability vector that already sums to 1 (within 1e-9); it is validated and copied, never renormalised.</summary>
    /// <param name="probabilities">Finite entries &gt;= 0 summing to 1.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">Empty, NaN, infinite or negative entries, or a sum off 1 by more than 1e-9.</exception>
    public static Categorical FromProbabilities(ReadOnlySpan<double> probabilities)
    {
        Preconditions.Probabilities(probabilities, nameof(probabilities));
        return new Categorical(probabilities.ToArray());
    }

    /// <summary>Normalises non-negative counts to probabilities: p_i = n_i / sum(n).</summary>
    /// <param name="counts">Finite counts &gt;= 0 with a positive total (whole numbers are not required).</param>
    /// <returns>The empirical (maximum-likelihood) distribution.</returns>
    public static Categorical FromCounts(ReadOnlySpan<double> counts) => FromWeights(counts, nameof(counts));

    /// <summary>Normalises integer counts to probabilities: p_i = n_i / sum(n).</summary>
    /// <param name="counts">Counts &gt;= 0 with a positive total.</param>
    /// <returns>The empirical (maximum-likelihood) distribution.</returns>
    public static Categorical FromCounts(ReadOnlySpan<long> counts)
    {
        var asDouble = new double[counts.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw Preconditions.Error(nameof(counts), "non-negative everywhere", $"{counts[i]} at index {i}");
            }

            asDouble[i] = counts[i];
        }

        return FromWeights(asDouble, nameof(counts));
    }

    /// <summary>Normalises non-negative weights to probabilities.</summary>
    /// <param name="weights">Finite weights &gt;= 0 with a positive total.</param>
    /// <returns>The normalised distribution.</returns>
    public static Categorical FromWeights(ReadOnlySpan<double> weights) => FromWeights(weights, nameof(weights));

    private static Categorical FromWeights(ReadOnlySpan<double> weights, string name)
    {
        double total = Preconditions.Weights(weights, name);
        var p = new double[weights.Length];
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = weights[i] / total;
        }

        return new Categorical(p);
    }

    /// <summary>The softmax of logits / <paramref name="temperature"/>, computed stably by log-sum-exp.</summary>
    /// <param name="logits">Finite logits (any magnitude up to +-double.MaxValue).</param>
    /// <param name="temperature">T &gt; 0, finite. T near 0 approaches the argmax (ties share); large T approaches uniform.</param>
    /// <returns>The distribution.</returns>
    public static Categorical FromLogits(ReadOnlySpan<double> logits, double temperature = 1.0)
    {
        var p = new double[logits.Length];
        Measures.Softmax(logits, temperature, p);
        return new Categorical(p);
    }

    /// <summary>The uniform distribution over <paramref name="count"/> outcomes.</summary>
    /// <param name="count">The number of outcomes, &gt;= 1.</param>
    /// <returns>The distribution.</returns>
    public static Categorical Uniform(int count)
    {
        Preconditions.Positive(count, nameof(count));
        var p = new double[count];
        Array.Fill(p, 1.0 / count);
        return new Categorical(p);
    }

    /// <summary>A copy of the probabilities.</summary>
    /// <returns>A new array.</returns>
    public double[] ToArray() => (double[])_probabilities.Clone();
}
