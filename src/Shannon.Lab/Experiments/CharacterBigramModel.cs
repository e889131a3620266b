using Shannon.Distributions;

namespace Shannon.Lab.Experiments;

/// <summary>
/// A character bigram model of a text: next-character logits ln p(next | previous) from counts with additive
/// (Lidstone) smoothing alpha, over the text's own alphabet. Simple on purpose: a real model whose logits the
/// temperature experiment can rescale.
/// </summary>
internal sealed class CharacterBigramModel
{
    private CharacterBigramModel(char[] alphabet, double[] counts, double[] contextWeights, double[] logits)
    {
        Alphabet = alphabet;
        Counts = counts;
        ContextWeights = contextWeights;
        Logits = logits;
    }

    /// <summary>The characters, sorted.</summary>
    public char[] Alphabet { get; }

    /// <summary>Raw bigram counts, row-major (previous, next).</summary>
    public double[] Counts { get; }

    /// <summary>p(previous): how often each context occurs.</summary>
    public double[] ContextWeights { get; }

    /// <summary>Logits ln p(next | previous), row-major.</summary>
    public double[] Logits { get; }

    public int Size => Alphabet.Length;

    public static CharacterBigramModel Train(string text, double alpha)
    {
        var (alphabet, _, symbols) = LabTools.CharacterCounts(text);
        int k = alphabet.Length;
        var counts = new double[k * k];
        for (int i = 1; i < symbols.Length; i++)
        {
            counts[(symbols[i - 1] * k) + symbols[i]]++;
        }

        var logits = new double[k * k];
        var rowTotals = new double[k];
        for (int a = 0; a < k; a++)
        {
            double row = 0;
            for (int b = 0; b < k; b++)
            {
                row += counts[(a * k) + b];
            }

            rowTotals[a] = row;
            for (int b = 0; b < k; b++)
            {
                logits[(a * k) + b] = Math.Log((counts[(a * k) + b] + alpha) / (row + (k * alpha)));
            }
        }

        var weights = Categorical.FromCounts(rowTotals).ToArray();
        return new CharacterBigramModel(alphabet, counts, weights, logits);
    }

    public ReadOnlySpan<double> LogitsOf(int previous) => Logits.AsSpan(previous * Size, Size);

    /// <summary>The context-weighted mean entropy of softmax(logits / T), in bits: sum_a p(a) H(softmax(z_a / T)).</summary>
    public double MeanEntropy(double temperature)
    {
        double sum = 0;
        for (int a = 0; a < Size; a++)
        {
            if (ContextWeights[a] > 0)
            {
                sum += ContextWeights[a] * Measures.EntropyFromLogits(LogitsOf(a), temperature, InformationUnit.Bits).Value;
            }
        }

        return sum;
    }

    /// <summary>Samples a text of the given length at temperature T, starting after <paramref name="start"/>.</summary>
    public string Sample(double temperature, int length, char start, Random random)
    {
        var chars = new char[length];
        int previous = Math.Max(0, Array.IndexOf(Alphabet, start));
        var p = new double[Size];
        for (int i = 0; i < length; i++)
        {
            Measures.Softmax(LogitsOf(previous), temperature, p);
            double u = random.NextDouble(), cumulative = 0;
            int next = Size - 1;
            for (int b = 0; b < Size; b++)
            {
                cumulative += p[b];
                if (u < cumulative)
                {
                    next = b;
                    break;
                }
            }

            chars[i] = Alphabet[next];
            previous = next;
        }

        return new string(chars);
    }
}
