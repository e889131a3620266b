using ScottPlot;
using Shannon.Distributions;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Entropy of familiar sources: uniform choices, biased coins, a die, a card, the characters of English text,
/// with the binary-entropy curve in its own section (binary-entropy). Every value is computed by <see cref="Measures.Entropy(ReadOnlySpan{double}, InformationUnit)"/>.
/// </summary>
public sealed class EntropyExperiment : IExperiment
{
    /// <inheritdoc/>
    public string Name => "entropy";

    /// <inheritdoc/>
    public string Title => "Entropy: how many yes/no questions a source costs";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        result.Paragraphs.Add(
            "The entropy H(X) = -sum p(x) log2 p(x) is the average number of bits (optimal yes/no questions) needed to " +
            "identify an outcome. A uniform choice among K outcomes costs log2 K bits; any bias lowers it.");

        var sources = new List<(string Label, string Short, double[] P)>();
        foreach (int k in new[] { 2, 4, 8, 100 })
        {
            sources.Add(($"uniform over {k}", $"U{k}", Uniform(k)));
        }

        foreach (double p in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            sources.Add(($"coin P(heads) = {F(p)}", $"c{F(p)}", [p, 1 - p]));
        }

        sources.Add(("fair die", "die", Uniform(6)));
        sources.Add(("one card of 52", "card", Uniform(52)));

        var rows = new List<object[]>();
        var values = new List<double>();
        foreach (var (label, _, p) in sources)
        {
            double h = Measures.Entropy(p, InformationUnit.Bits).Value;
            double max = Math.Log2(p.Length);
            values.Add(h);
            rows.Add([label, p.Length, h, Measures.Entropy(p, InformationUnit.Nats).Value, max]);
        }

        context.Report(Name, "simple sources", 0.1);
        result.Tables.Add(new ResultTable("sources", "Entropy of simple sources",
            ["source", "outcomes K", "H (bits)", "H (nats)", "log2 K (bits)"], rows));
        var bar = Plots.Create("Entropy of simple sources", "source (Uk: uniform over k outcomes; c0.1: coin with P(heads) = 0.1)", "H (bits)");
        LabelledBars(bar, sources.Select(s => s.Short).ToList(), values, Colors.SteelBlue, "H(X), bits");
        bar.ShowLegend(Alignment.UpperLeft);
        bar.Axes.Margins(bottom: 0);
        result.Figures.Add(new Figure("sources", "Entropy of uniform choices, biased coins, a die and a card (bits).", bar));
        result.KeyNumbers["uniform_2_bits"] = values[0];
        result.KeyNumbers["uniform_4_bits"] = values[1];
        result.KeyNumbers["uniform_8_bits"] = values[2];
        result.KeyNumbers["uniform_100_bits"] = values[3];
        result.KeyNumbers["coin_0.1_bits"] = values[4];
        result.KeyNumbers["coin_0.5_bits"] = values[5];
        result.KeyNumbers["coin_0.9_bits"] = values[6];
        result.KeyNumbers["coin_0.99_bits"] = values[7];
        result.KeyNumbers["die_bits"] = values[8];
        result.KeyNumbers["card_bits"] = values[9];

        // Characters of English text.
        context.Report(Name, "loading English text", 0.2);
        var corpus = LoadCorpus(context, result);

        string text = context.Quick ? corpus.Text[..Math.Min(corpus.Text.Length, 200_000)] : corpus.Text;
        context.Report(Name, "counting characters", 0.6);
        var (alphabet, counts, _) = CharacterCounts(text);
        var probabilities = Categorical.FromCounts(counts).ToArray();
        double hChars = Measures.Entropy(probabilities, InformationUnit.Bits).Value;
        result.Paragraphs.Add(
            $"The characters of {corpus.Source} ({text.Length:N0} characters{(context.Quick ? ", a prefix in quick mode" : "")}, " +
            $"{alphabet.Length} distinct) have an order-0 entropy of {F(hChars, "0.000")} bits per character, against " +
            $"log2 {alphabet.Length} = {F(Math.Log2(alphabet.Length), "0.000")} bits for a uniform choice: letter frequencies alone " +
            "save about a third. Context (the previous letters) saves far more, see the coding and key-exercise sections.");
        var order = Enumerable.Range(0, alphabet.Length).OrderByDescending(i => counts[i]).ThenBy(i => alphabet[i]).ToArray();
        var top = order.Take(20).Select(i => new object[]
        {
            Show(alphabet[i]), counts[i], probabilities[i], Measures.InformationContent(probabilities[i], InformationUnit.Bits).Value,
        }).ToList();
        result.Tables.Add(new ResultTable("top-characters", "The 20 most frequent characters",
            ["character", "count", "p", "-log2 p (bits)"], top));
        var top30 = order.Take(30).ToArray();
        var charPlot = Plots.Create($"Character frequencies (H = {F(hChars, "0.000")} bits/char)", "character (most frequent first)", "probability p(c)");
        LabelledBars(charPlot, top30.Select(i => alphabet[i] switch { ' ' => "sp", '\n' => "nl", var c => c.ToString() }).ToList(),
            top30.Select(i => probabilities[i]).ToList(), Colors.DarkCyan, $"p(c) in {(corpus.IsFallback ? "fallback text" : "the Brown corpus")}");
        charPlot.ShowLegend(Alignment.UpperRight);
        charPlot.Axes.Margins(bottom: 0);
        result.Figures.Add(new Figure("characters", "The 30 most frequent characters of the text (sp = space, nl = end of sentence line).", charPlot, 1000, 450));
        result.KeyNumbers["corpus_characters"] = text.Length;
        result.KeyNumbers["corpus_alphabet_size"] = alphabet.Length;
        result.KeyNumbers["corpus_char_entropy_bits"] = hChars;
        result.KeyNumbers["corpus_is_fallback"] = corpus.IsFallback;

        context.Report(Name, "done", 1);
        return result;
    }

    private static double[] Uniform(int k) => Enumerable.Repeat(1.0 / k, k).ToArray();
}
