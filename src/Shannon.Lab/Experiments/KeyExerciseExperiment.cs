using ScottPlot;
using Shannon.Distributions;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// The key exercise: a language model's loss plateaus at 3.2 nats per token. What does that mean? The geometric-mean
/// probability of the right token, the loss in bits and as perplexity, and the room left against published
/// estimates of the entropy of English.
/// </summary>
public sealed class KeyExerciseExperiment : IExperiment
{
    /// <summary>The loss of the exercise, in nats per token.</summary>
    public const double LossNats = 3.2;

    /// <summary>Published estimates of the entropy of printed English, bits per character: (source, low, high, note).</summary>
    internal static readonly (string Source, double Low, double High, string Note)[] PublishedEstimates =
    [
        ("Shannon (1951), Prediction and entropy of printed English, Bell System Technical Journal 30(1):50-64", 0.6, 1.3,
            "human prediction with 100 letters of context, 27-letter alphabet; bounds 0.6 to 1.3 bits/char"),
        ("Cover & King (1978), A convergent gambling estimate of the entropy of English, IEEE Trans. Inf. Theory 24(4):413-421", 1.3, 1.3,
            "human gambling estimate, about 1.3 bits/char"),
        ("Brown et al. (1992), An estimate of an upper bound for the entropy of English, Computational Linguistics 18(1):31-40", 1.75, 1.75,
            "word-trigram model trained on 583 M words, tested on the Brown corpus: an upper bound of 1.75 bits/char"),
    ];

    /// <inheritdoc/>
    public string Name => "key-exercise";

    /// <inheritdoc/>
    public string Title => "Key exercise: what a loss of 3.2 nats means";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        var loss = new Information(LossNats, InformationUnit.Nats);
        double bits = loss.Bits;
        double perplexity = Perplexity.FromCrossEntropy(loss);
        double geometricMeanProbability = Math.Exp(-loss.Nats);
        double hartleys = loss.Hartleys;

        result.Paragraphs.Add(
            $"A model's training loss plateaus at {F(LossNats)} nats per token. The loss is the mean of -ln q(right token), so " +
            $"e^-{F(LossNats)} = {F(geometricMeanProbability, "0.00000")} (about {F(100 * geometricMeanProbability, "0.0")}%) is the geometric mean of the probability the model gives the right token. " +
            $"In bits the same loss is {F(LossNats)} / ln 2 = {F(bits, "0.0000")} bits per token ({F(hartleys, "0.0000")} hartleys), and its perplexity is e^{F(LossNats)} = {F(perplexity, "0.00")}: " +
            $"on average the model is as unsure as a fair choice among about {Math.Round(perplexity):0} tokens.");

        // Landmarks measured on the corpus by the library.
        context.Report(Name, "measuring the corpus", 0.2);
        var corpus = LoadCorpus(context, result);

        string text = context.Quick ? corpus.Text[..Math.Min(corpus.Text.Length, 200_000)] : corpus.Text;
        var bigram = CharacterBigramModel.Train(text, 0.1);
        double order0 = Measures.Entropy(Categorical.FromCounts(bigram.ContextWeights), InformationUnit.Bits).Value;
        var joint = JointDistribution.FromCounts(bigram.Counts, bigram.Size, bigram.Size);
        double order1 = Measures.ConditionalEntropy(joint, InformationUnit.Bits).Value;
        double charsPerWord = text.Length / (double)Math.Max(1, text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length);

        int[] perTokenChars = [1, 2, 3, 4, 5, 6];
        var rows = new List<object[]>();
        foreach (int c in perTokenChars)
        {
            double bpc = Perplexity.BitsPerCharacter(loss, c);
            rows.Add([c, bpc, bpc - 1.3, bpc - 1.75]);
        }

        result.Tables.Add(new ResultTable("one-loss", $"The loss of {F(LossNats)} nats per token in every unit",
            ["quantity", "value"],
            [
                ["loss (nats per token)", LossNats],
                ["loss (bits per token)", bits],
                ["loss (hartleys per token)", hartleys],
                ["perplexity e^loss", perplexity],
                ["geometric-mean probability of the right token e^-loss", geometricMeanProbability],
            ]));
        result.Tables.Add(new ResultTable("per-character", "Bits per character, depending on how many characters a token spans, and the room left",
            ["characters per token", "bits per character", "minus 1.3 (Cover & King)", "minus 1.75 (Brown et al.)"], rows));
        result.Tables.Add(new ResultTable("estimates", "Published estimates of the entropy of English (bits per character)",
            ["source", "low", "high", "how"],
            PublishedEstimates.Select(e => new object[] { e.Source, e.Low, e.High, e.Note }).ToList()));

        double atFour = Perplexity.BitsPerCharacter(loss, 4);
        result.Paragraphs.Add(
            "To compare with the entropy of English the loss must be per character: divide the bits per token by the characters per token. " +
            $"For a character-level model (1 character per token) 3.2 nats is {F(bits, "0.00")} bits per character: worse even than the order-0 entropy of the " +
            $"characters of {corpus.Source} ({F(order0, "0.000")} bits, measured here) and far from the bigram conditional entropy H(next | previous) = {F(order1, "0.000")} bits: " +
            $"there is a lot of room left. For subword tokens of about 4 characters (this text averages {F(charsPerWord, "0.0")} characters per word, counting the following space and treating punctuation as words), " +
            $"the same loss is {F(atFour, "0.000")} bits per character, already inside Shannon's (1951) range of 0.6 to 1.3 bits per character from human prediction, " +
            "below Cover & King's (1978) gambling estimate of about 1.3 bits and below Brown et al.'s (1992) upper bound of 1.75 bits per character: " +
            "little room is left, at most down to Shannon's lower bound of 0.6 bits per character. The same loss is a poor or an excellent model depending on the tokenizer.");

        var plot = Plots.Create($"A loss of {F(LossNats)} nats per token, per character", "characters per token", "bits per character");
        var cs = Enumerable.Range(0, 51).Select(k => 1 + (k * 0.1)).ToArray();
        Line(plot, cs, cs.Select(c => Perplexity.BitsPerCharacter(loss, c)).ToArray(), $"{F(LossNats)} nats per token = {F(bits, "0.000")} bits / (chars per token)", Colors.Black, 2.5f);
        var band = plot.Add.VerticalSpan(0.6, 1.3);
        band.FillColor = Colors.SteelBlue.WithAlpha(0.2);
        band.LegendText = "Shannon (1951): 0.6 to 1.3 bits/char";
        AddLevel(plot, 1.3, Colors.Green, "Cover & King (1978): about 1.3 bits/char");
        AddLevel(plot, 1.75, Colors.OrangeRed, "Brown et al. (1992): 1.75 bits/char upper bound");
        AddLevel(plot, order1, Colors.Purple, $"bigram H(next | previous) of the text: {F(order1, "0.00")}");
        AddLevel(plot, order0, Colors.Gray, $"order-0 character entropy of the text: {F(order0, "0.00")}");
        plot.Axes.SetLimits(1, 6, 0, 5);
        plot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("per-character", "The fixed loss in bits per character as tokens get longer, against published estimates of the entropy of English and the text's own order-0 and bigram entropies.", plot, 900, 560));

        var lossPlot = Plots.Create("Loss against the geometric-mean probability of the right token", "loss (nats per token)", "probability e^-loss");
        var ls = Enumerable.Range(0, 121).Select(k => k * 0.05).ToArray();
        Line(lossPlot, ls, ls.Select(l => Math.Exp(-l)).ToArray(), "e^-loss", Colors.SteelBlue, 2.5f);
        var m = lossPlot.Add.Marker(LossNats, geometricMeanProbability);
        m.MarkerSize = 11;
        m.Color = Colors.OrangeRed;
        m.LegendText = $"loss {F(LossNats)}: p = {F(geometricMeanProbability, "0.0000")}, perplexity {F(perplexity, "0.0")}";
        lossPlot.ShowLegend(Alignment.UpperRight);
        lossPlot.Axes.SetLimits(0, 6, 0, 1.02);
        result.Figures.Add(new Figure("probability", "Each nat of loss divides the geometric-mean probability of the right token by e.", lossPlot, 800, 450));

        result.KeyNumbers["loss_nats"] = LossNats;
        result.KeyNumbers["loss_bits"] = bits;
        result.KeyNumbers["perplexity"] = perplexity;
        result.KeyNumbers["geometric_mean_probability"] = geometricMeanProbability;
        result.KeyNumbers["bits_per_char_at_4_chars_per_token"] = atFour;
        result.KeyNumbers["text_order0_bits_per_char"] = order0;
        result.KeyNumbers["text_bigram_conditional_bits_per_char"] = order1;
        result.KeyNumbers["shannon_1951_low_bits_per_char"] = 0.6;
        result.KeyNumbers["shannon_1951_high_bits_per_char"] = 1.3;
        result.KeyNumbers["cover_king_1978_bits_per_char"] = 1.3;
        result.KeyNumbers["brown_1992_upper_bound_bits_per_char"] = 1.75;
        context.Report(Name, "done", 1);
        return result;
    }

    private static void AddLevel(Plot plot, double y, Color color, string legend)
    {
        var line = plot.Add.HorizontalLine(y);
        line.Color = color;
        line.LineWidth = 1.5f;
        line.LegendText = legend;
    }
}
