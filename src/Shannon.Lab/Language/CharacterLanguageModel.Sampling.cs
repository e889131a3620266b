using System.Text;

namespace Shannon.Lab.Language;

/// <summary>How to turn a next-character distribution into a draw.</summary>
/// <param name="Temperature">T &gt; 0: probabilities are raised to 1/T and renormalised (T = 1 is the model itself).</param>
/// <param name="TopK">Keep only the k most probable characters (0 = all).</param>
/// <param name="TopP">Keep the smallest set of most probable characters whose probability reaches p (1 = all).</param>
public sealed record SamplingOptions(double Temperature = 1.0, int TopK = 0, double TopP = 1.0)
{
    /// <summary>Checks the options.</summary>
    public void Validate()
    {
        if (!(Temperature > 0) || !double.IsFinite(Temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), $"`temperature` must be a finite number > 0; got {Temperature.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        if (TopK < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), $"`topK` must be >= 0 (0 keeps all); got {TopK}.");
        }

        if (!(TopP > 0 && TopP <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TopP), $"`topP` must be in (0, 1]; got {TopP.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}

/// <summary>Sampled text with the entropy of every distribution it was drawn from.</summary>
/// <param name="Text">The generated characters (after the prompt).</param>
/// <param name="EntropiesBits">The entropy (bits) of each step's sampling distribution, after temperature, top-k and top-p.</param>
public sealed record SampledText(string Text, IReadOnlyList<double> EntropiesBits)
{
    /// <summary>The mean entropy per character, in bits.</summary>
    public double MeanEntropyBits => EntropiesBits.Count == 0 ? 0 : EntropiesBits.Average();
}

public sealed partial class CharacterLanguageModel
{
    /// <summary>
    /// Generates <paramref name="length"/> characters. Each step takes the model's next-character distribution over its
    /// alphabet (the "other" symbol, which stands for no particular character, is left out and the rest renormalised),
    /// applies the temperature, then top-k, then top-p, and draws.
    /// </summary>
    /// <param name="length">How many characters, &gt;= 0.</param>
    /// <param name="options">Temperature, top-k, top-p.</param>
    /// <param name="random">The random source (seed it for reproducible text).</param>
    /// <param name="prompt">Text to continue (may be empty).</param>
    /// <param name="order">The order to sample from, 1..<see cref="Order"/>; 0 means <see cref="Order"/>.</param>
    /// <returns>The text and the entropy of each draw.</returns>
    public SampledText Sample(int length, SamplingOptions options, Random random, string prompt = "", int order = 0)
    {
        int m = ResolveOrder(order);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(prompt);
        options.Validate();
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"`length` must be >= 0; got {length}.");
        }

        var p = new double[SymbolCount];
        var q = new double[SymbolCount];
        var ranking = new int[SymbolCount - 1];
        var history = new StringBuilder(prompt);
        var output = new StringBuilder(length);
        var entropies = new double[length];
        for (int step = 0; step < length; step++)
        {
            int tail = Math.Min(history.Length, m - 1);
            var context = history.ToString(history.Length - tail, tail);
            Distribution(context, p, m);
            entropies[step] = Transform(p, q, ranking, options);
            double u = random.NextDouble(), acc = 0;
            int chosen = -1;
            for (int w = 1; w < q.Length; w++)
            {
                if (q[w] > 0)
                {
                    chosen = w;
                    acc += q[w];
                    if (u < acc)
                    {
                        break;
                    }
                }
            }

            char c = _alphabet[chosen - 1];
            history.Append(c);
            output.Append(c);
        }

        return new SampledText(output.ToString(), entropies);
    }

    /// <summary>Applies temperature, top-k and top-p to p over symbols 1..; writes q (q[0] = 0) and returns H(q) in bits.</summary>
    internal static double Transform(ReadOnlySpan<double> p, Span<double> q, int[] order, SamplingOptions options)
    {
        int m = p.Length - 1;
        // (log p - max) / T, divided rather than multiplied by 1 / T: 1 / 5e-324 is infinite, and 0 * infinity is NaN,
        // which sampled nothing; divided, the most probable symbols keep exp(0) = 1 and the others underflow to 0.
        double temperature = options.Temperature;
        double maxLog = double.NegativeInfinity;
        for (int w = 1; w <= m; w++)
        {
            maxLog = Math.Max(maxLog, Math.Log(p[w]));
        }

        double z = 0;
        q[0] = 0;
        for (int w = 1; w <= m; w++)
        {
            q[w] = p[w] > 0 ? Math.Exp((Math.Log(p[w]) - maxLog) / temperature) : 0;
            z += q[w];
        }

        for (int w = 1; w <= m; w++)
        {
            q[w] /= z;
            order[w - 1] = w;
        }

        if (options.TopK > 0 || options.TopP < 1)
        {
            var qq = q.ToArray();
            Array.Sort(order, (a, b) => qq[b].CompareTo(qq[a]) is var cmp && cmp != 0 ? cmp : a.CompareTo(b));
            int keep = options.TopK > 0 ? Math.Min(options.TopK, m) : m;
            double cumulative = 0;
            for (int r = 0; r < keep; r++)
            {
                cumulative += qq[order[r]];
                if (cumulative >= options.TopP)
                {
                    keep = r + 1;
                    break;
                }
            }

            double kept = 0;
            for (int r = 0; r < m; r++)
            {
                if (r >= keep)
                {
                    q[order[r]] = 0;
                }
                else
                {
                    kept += q[order[r]];
                }
            }

            for (int w = 1; w <= m; w++)
            {
                q[w] /= kept;
            }
        }

        return Measures.Entropy(q.Slice(1, m), InformationUnit.Bits).Value;
    }
}
