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

    /// <summary>The lesson's round figure for the entropy of English, in nats per character.</summary>
    public const double EnglishNatsPerCharacter = 1.0;

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

        // The answer the lesson intends: if English carries about 1.0 nat per character, a token of c characters carries
        // about c nats, so the room left is 3.2 - c nats per token.
        context.Report(Name, "the room left at 1.0 nat per character", 0.5);
        var roomRows = new List<object[]>();
        double[] roomNats = new double[perTokenChars.Length];
        for (int i = 0; i < perTokenChars.Length; i++)
        {
            int c = perTokenChars[i];
            var floor = new Information(EnglishNatsPerCharacter * c, InformationUnit.Nats);
            var room = new Information(LossNats - floor.Nats, InformationUnit.Nats);
            roomNats[i] = room.Nats;
            roomRows.Add([c, floor.Nats, floor.Bits, room.Nats, room.Bits, perplexity, Perplexity.FromCrossEntropy(floor), Math.Exp(room.Nats)]);
        }

        result.Tables.Add(new ResultTable("room", $"The room left if English is {F(EnglishNatsPerCharacter)} nat per character: a token of c characters then carries about c nats",
            ["characters per token c", "floor c x 1.0 (nats/token)", "floor (bits/token)", "room 3.2 - c (nats/token)", "room (bits/token)",
             "perplexity of the loss e^3.2", "perplexity at the floor e^c", "perplexity ratio e^(3.2 - c)"], roomRows));
        result.Paragraphs.Add(
            $"The answer the lesson intends. Suppose English carries about {F(EnglishNatsPerCharacter)} nat per character ({F(new Information(EnglishNatsPerCharacter, InformationUnit.Nats).Bits, "0.000")} bits). " +
            $"A token that spans c characters then carries about c nats, and no model can average below that: cross-entropy H(P, Q) = H(P) + KL(P || Q) >= H(P). " +
            $"So the room left is {F(LossNats)} - c nats per token. With one character per token it is {F(roomNats[0], "0.0")} nats ({F(new Information(roomNats[0], InformationUnit.Nats).Bits, "0.00")} bits): " +
            $"the perplexity of {F(perplexity, "0.0")} could fall to e^1 = {F(Math.E, "0.00")}, a factor of {F(Math.Exp(roomNats[0]), "0.0")}. " +
            $"With three characters per token the room is {F(roomNats[2], "0.0")} nats ({F(new Information(roomNats[2], InformationUnit.Nats).Bits, "0.00")} bits, perplexity {F(perplexity, "0.0")} against a floor of e^3 = {F(Math.Exp(3), "0.0")}). " +
            $"At about 3.2 characters per token the model is already at the floor, and for four or more the room is negative ({F(roomNats[3], "0.0")} nats at four): " +
            "a loss below the entropy is impossible, so either the tokens are shorter than assumed or English carries less than 1.0 nat per character. " +
            "Typical subword tokenizers of English average about 4 characters per token, which is why 3.2 nats per token is a strong model, while for a character-level model it is a weak one.");

        // The project's own character models against the 1.0 nat per character reference.
        context.Report(Name, "training the project's character models", 0.6);
        int cut = text.LastIndexOf('\n', text.Length * 9 / 10);
        cut = cut > 0 ? cut : text.Length * 9 / 10;
        string trainText = text[..cut], heldText = text[cut..];
        int maxOrder = context.Quick ? 4 : 6;
        var model = Language.CharacterLanguageModel.Train(trainText, maxOrder);
        var evaluation = model.EvaluateAllOrders(heldText);
        var modelRows = new List<object[]>();
        var modelNats = new double[maxOrder];
        for (int n = 1; n <= maxOrder; n++)
        {
            var perChar = new Information(evaluation.BitsPerCharacter[n - 1], InformationUnit.Bits);
            modelNats[n - 1] = perChar.Nats;
            modelRows.Add([n, perChar.Bits, perChar.Nats, perChar.Nats - EnglishNatsPerCharacter, LossNats / perChar.Nats]);
        }

        int bestOrder = evaluation.BestOrder;
        double bestNats = modelNats[bestOrder - 1];
        result.Tables.Add(new ResultTable("character-models", $"The project's Kneser-Ney character models, trained on the first 90% of the text and scored on the last 10% ({heldText.Length:N0} characters)",
            ["order n", "held-out cross-entropy (bits/char)", "(nats/char)", "above 1.0 nat/char (nats/char)", "characters per token at which this model scores 3.2 nats/token"], modelRows));
        result.Paragraphs.Add(
            $"The project's own character models, measured: the best Kneser-Ney order here is {bestOrder}, at {F(bestNats, "0.000")} nats ({F(new Information(bestNats, InformationUnit.Nats).Bits, "0.000")} bits) per character on held-out text, " +
            $"{F(bestNats - EnglishNatsPerCharacter, "0.000")} nats per character above the 1.0 nat reference{(context.Quick ? " (quick mode: a 200,000-character prefix, so a weaker model)" : "")}. " +
            $"Used on tokens of c characters it would score about {F(bestNats, "0.00")} c nats per token; it reaches 3.2 nats per token at c = {F(LossNats / bestNats, "0.00")} characters. " +
            "An n-gram model with a few characters of context is far from the floor that long-context models approach.");
        result.Paragraphs.Add(
            "Why the loss is a cross-entropy, and why minimising it is the right thing: for data drawn from P and a model Q_theta, " +
            "the mean loss -1/N sum log Q_theta(x_i) is the cross-entropy of the empirical distribution against Q_theta, and minimising it is maximising the likelihood prod Q_theta(x_i). " +
            "In one line: H(P, Q_theta) = -sum_x P(x) log Q_theta(x) = -sum_x P(x) log P(x) + sum_x P(x) log (P(x) / Q_theta(x)) = H(P) + KL(P || Q_theta), " +
            "and H(P) does not depend on theta, so minimising cross-entropy = maximum likelihood = minimising KL(P || Q_theta) to the data distribution. The loss can fall to H(P), never below; the KL is the room.");

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
        AddLevel(plot, new Information(EnglishNatsPerCharacter, InformationUnit.Nats).Bits, Colors.Black, "the lesson's 1.0 nat per character = 1.44 bits");
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

        var roomPlot = Plots.Create("3.2 nats per token against the floor of 1.0 nat per character", "characters per token c", "nats per token");
        double[] cAxis = perTokenChars.Select(c => (double)c).ToArray();
        var fill = roomPlot.Add.FillY(cAxis, cAxis.Select(c => EnglishNatsPerCharacter * c).ToArray(), cAxis.Select(_ => LossNats).ToArray());
        fill.FillColor = Colors.SteelBlue.WithAlpha(0.15);
        fill.LineWidth = 0;
        fill.LegendText = "room: 3.2 - c (negative beyond c = 3.2)";
        Line(roomPlot, cAxis, cAxis.Select(_ => LossNats).ToArray(), "the loss: 3.2 nats per token", Colors.OrangeRed, 2.5f);
        Line(roomPlot, cAxis, cAxis.Select(c => EnglishNatsPerCharacter * c).ToArray(), "floor: 1.0 nat per character x c", Colors.Black, 2.5f);
        Line(roomPlot, cAxis, cAxis.Select(c => bestNats * c).ToArray(), $"this project's order-{bestOrder} model: {F(bestNats, "0.00")} nats per character x c", Colors.Purple, 2f);
        roomPlot.Axes.SetLimits(1, 6, 0, Math.Max(7, (bestNats * 6) + 0.5));
        roomPlot.ShowLegend(Alignment.LowerRight);
        result.Figures.Add(new Figure("room", "The room left is the gap between the loss (red) and the floor of c nats for a token of c characters (black); the shaded band turns negative, that is impossible, beyond c = 3.2. The purple line is the project's best character model measured on held-out text.", roomPlot, 800, 480));

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
        for (int i = 0; i < perTokenChars.Length; i++)
        {
            result.KeyNumbers[$"room_nats_at_{perTokenChars[i]}_chars_per_token"] = roomNats[i];
            result.KeyNumbers[$"room_bits_at_{perTokenChars[i]}_chars_per_token"] = new Information(roomNats[i], InformationUnit.Nats).Bits;
        }

        result.KeyNumbers["character_model_best_order"] = bestOrder;
        result.KeyNumbers["character_model_best_nats_per_char"] = bestNats;
        result.KeyNumbers["character_model_best_bits_per_char"] = new Information(bestNats, InformationUnit.Nats).Bits;
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
