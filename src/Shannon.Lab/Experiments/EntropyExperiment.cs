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

        // Information content ("surprise") of single events, before the averages.
        double sunrise = SunriseProbability();
        var events = new (string Label, double P)[]
        {
            ("a fair coin lands heads (1/2)", 0.5),
            ("an event of probability 1/8 (three fair coins all heads)", 0.125),
            ("a fair die shows six (1/6)", 1.0 / 6),
            ("one named card drawn from 52 (1/52)", 1.0 / 52),
            ("a UK 6-of-49 lottery jackpot (1 / 13,983,816)", 1.0 / 13_983_816),
            ("the sun rises tomorrow (Laplace's rule of succession after 5,000 years of sunrises)", sunrise),
        };
        var surpriseRows = events.Select(e => new object[]
        {
            e.Label, e.P, Measures.InformationContent(e.P, InformationUnit.Bits).Value, Measures.InformationContent(e.P, InformationUnit.Nats).Value,
        }).ToList();
        result.Tables.Add(new ResultTable("surprise", "Information content (surprise) of single events, I(x) = -log p(x)",
            ["event", "p", "surprise (bits)", "surprise (nats)"], surpriseRows));
        double eighth = Measures.InformationContent(0.125, InformationUnit.Bits).Value;
        double card = Measures.InformationContent(1.0 / 52, InformationUnit.Bits).Value;
        double sun = Measures.InformationContent(sunrise, InformationUnit.Bits).Value;
        result.Paragraphs.Add(
            "Information starts with single events. The information content, or surprise, of an outcome of probability p is I = -log2 p bits: " +
            $"the rarer the event, the more it tells you when it happens. An event of probability 1/8 carries {F(eighth)} bits, exactly the three yes/no answers " +
            $"that single it out among eight equally likely cases. Naming one card of a shuffled deck carries log2 52 = {F(card, "0.00")} bits. " +
            $"The sun rising tomorrow carries almost nothing: even with Laplace's cautious rule of succession after 5,000 years of sunrises it is {sun:0.0E+0} bits. " +
            "Certain events are no news (-log 1 = 0), and surprises add for independent events because probabilities multiply. " +
            "Entropy is the average surprise: H(X) = E[-log2 p(X)].");
        var surprisePlot = Plots.Create("Surprise -log2 p of a single event", "probability p of the event", "surprise (bits)");
        var grid = Enumerable.Range(1, 400).Select(k => k / 400.0).ToArray();
        Line(surprisePlot, grid, grid.Select(q => Measures.InformationContent(q, InformationUnit.Bits).Value).ToArray(), "-log2 p", Colors.SteelBlue, 2.5f);
        foreach (var (label, p, color) in new[] { ("1/8: 3 bits", 0.125, Colors.OrangeRed), ($"a card, 1/52: {F(card, "0.00")} bits", 1.0 / 52, Colors.Purple), ("a fair coin, 1/2: 1 bit", 0.5, Colors.Green), ("the sun rising: about 0 bits", sunrise, Colors.DarkOrange) })
        {
            var m = surprisePlot.Add.Marker(p, Measures.InformationContent(p, InformationUnit.Bits).Value);
            m.MarkerSize = 10;
            m.Color = color;
            m.LegendText = label;
        }

        surprisePlot.Axes.SetLimits(-0.02, 1.02, -0.2, 7);
        surprisePlot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("surprise", "The surprise of a single event: 1 bit for a fair coin, 3 bits for probability 1/8, 5.7 bits for one card of 52, and almost 0 for the sun rising.", surprisePlot, 800, 450));
        result.KeyNumbers["surprise_one_eighth_bits"] = eighth;
        result.KeyNumbers["surprise_card_bits"] = card;
        result.KeyNumbers["surprise_sunrise_bits"] = sun;
        result.KeyNumbers["sunrise_probability"] = sunrise;

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

    /// <summary>Laplace's (1814) sunrise problem: after n sunrises in a row, the rule of succession gives (n + 1) / (n + 2); n = 5,000 years of days (365.25 a year).</summary>
    internal static double SunriseProbability()
    {
        const double days = 5000 * 365.25;
        return (days + 1) / (days + 2);
    }

    private static double[] Uniform(int k) => Enumerable.Repeat(1.0 / k, k).ToArray();
}
