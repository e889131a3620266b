using ScottPlot;
using Shannon.Lab.Corpora;
using Shannon.Lab.Games;
using Shannon.Lab.Report;
using static Shannon.Lab.Experiments.LabTools;

namespace Shannon.Lab.Experiments;

/// <summary>
/// Wordle as information theory (3Blue1Brown, "Solving Wordle using information theory", 2022): the entropy of a
/// guess's colour feedback over the candidate answers, word frequencies from the Brown corpus as the prior, the best
/// openers by expected information, and an information-maximising solver against a random-guess baseline.
/// Settings: <c>wordle.min-count</c> (Brown count for a word to be a possible answer; default 5).
/// </summary>
public sealed class WordleExperiment : IExperiment
{
    /// <inheritdoc/>
    public string Name => "wordle";

    /// <inheritdoc/>
    public string Title => "Wordle: the entropy of colour feedback";

    /// <inheritdoc/>
    public ExperimentResult Run(ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new ExperimentResult(Name, Title);
        context.Report(Name, "loading the word list and the corpus", 0);
        var corpus = LoadCorpus(context, result);
        var corpusWords = Shannon.Text.WordTokens.Split(corpus.Text);
        var list = FiveLetterWords.Load(corpus.Text);
        if (list.Note is not null)
        {
            result.Notes.Add(list.Note);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in corpusWords)
        {
            if (w.Length == 5)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        int minCount = context.Settings.TryGetValue("wordle.min-count", out var s) && int.TryParse(s, out int m) && m >= 1 ? m : 5;
        var guesses = list.Words;
        var answers = guesses.Where(w => counts.GetValueOrDefault(w) >= minCount).ToList();
        if (context.Quick)
        {
            // Quick mode: the 300 most frequent answers, guesses unchanged (same code path, a smaller tree).
            answers = answers.OrderByDescending(w => counts[w]).ThenBy(w => w, StringComparer.Ordinal).Take(300).Order(StringComparer.Ordinal).ToList();
        }

        if (answers.Count < 3)
        {
            result.Notes.Add($"Only {answers.Count} words of the list occur {minCount} or more times in the text; Wordle was skipped.");
            result.KeyNumbers["answers"] = answers.Count;
            return result;
        }

        context.Report(Name, $"feedback of {guesses.Count:N0} guesses against {answers.Count:N0} answers", 0.1);
        var game = new WordleGame(guesses, answers);
        var brownWeights = answers.Select(w => (double)counts[w]).ToArray();
        var uniformWeights = answers.Select(_ => 1.0).ToArray();
        var all = Enumerable.Range(0, answers.Count).ToArray();
        var priorProbabilities = brownWeights.Select(x => x / brownWeights.Sum()).ToArray();
        double priorBits = Measures.Entropy(priorProbabilities, InformationUnit.Bits).Value;
        double uniformBits = Math.Log2(answers.Count);

        context.Report(Name, "expected information of every opening guess", 0.2);
        var openerBits = new double[guesses.Count];
        var openerUniformBits = new double[guesses.Count];
        for (int g = 0; g < guesses.Count; g++)
        {
            openerBits[g] = game.ExpectedBits(g, all, brownWeights);
            openerUniformBits[g] = game.ExpectedBits(g, all, uniformWeights);
        }

        var ranked = Enumerable.Range(0, guesses.Count).OrderByDescending(g => openerBits[g]).ThenBy(g => g).ToArray();
        var worst = ranked[^1];
        int best = ranked[0];
        result.Tables.Add(new ResultTable("openers", "The best opening guesses by expected information over the answers, E[-log2 P(feedback)] = H(feedback)",
            ["rank", "guess", "H(feedback), Brown prior (bits)", "H(feedback), uniform prior (bits)", "distinct patterns", "a possible answer"],
            ranked.Take(15).Select((g, i) => new object[]
            {
                i + 1, guesses[g], openerBits[g], openerUniformBits[g],
                all.Select(a => game.Pattern(g, a)).Distinct().Count(), game.AnswerAsGuess.Contains(g) ? "yes" : "no",
            }).Append(["last", guesses[worst], openerBits[worst], openerUniformBits[worst], all.Select(a => game.Pattern(worst, a)).Distinct().Count(), game.AnswerAsGuess.Contains(worst) ? "yes" : "no"]).ToList()));

        context.Report(Name, "solving every answer (Brown prior)", 0.4);
        var (brownGuesses, brownOpener) = game.SolveAll(brownWeights, context.CancellationToken);
        context.Report(Name, "solving every answer (uniform prior)", 0.6);
        var (uniformGuesses, uniformOpener) = game.SolveAll(uniformWeights, context.CancellationToken);
        context.Report(Name, "random consistent guesses", 0.8);
        var random = new Random(18);
        int games = context.Quick ? 1 : 3;
        var randomGuesses = new double[answers.Count * games];
        for (int r = 0; r < games; r++)
        {
            for (int a = 0; a < answers.Count; a++)
            {
                randomGuesses[(r * answers.Count) + a] = game.PlayRandom(a, random);
            }
        }

        var (brownMean, brownSe) = MeanAndError(brownGuesses.Select(x => (double)x).ToArray());
        var (uniformMean, uniformSe) = MeanAndError(uniformGuesses.Select(x => (double)x).ToArray());
        var (randomMean, randomSe) = MeanAndError(randomGuesses);
        result.Tables.Add(new ResultTable("solvers", $"Guesses needed over all {answers.Count:N0} answers (each answer once; the random player {games} time(s) per answer, seed 18)",
            ["player", "opening guess", "mean guesses", "standard error", "solved in <= 6", "most guesses"],
            [
                ["maximise expected information, Brown prior", guesses[brownOpener], brownMean, brownSe, brownGuesses.Count(x => x <= 6) / (double)answers.Count, brownGuesses.Max()],
                ["maximise expected information, uniform prior", guesses[uniformOpener], uniformMean, uniformSe, uniformGuesses.Count(x => x <= 6) / (double)answers.Count, uniformGuesses.Max()],
                ["random word still possible", "random", randomMean, randomSe, randomGuesses.Count(x => x <= 6) / (double)randomGuesses.Length, (int)randomGuesses.Max()],
            ]));

        result.Paragraphs.Add(
            $"Guesses: the {guesses.Count:N0} five-letter words of {list.Source}. Possible answers: the {answers.Count:N0} of them that occur at least {minCount} times in {corpus.Source}{(context.Quick ? " (quick mode: the 300 most frequent)" : "")}. " +
            $"Their Brown counts are the prior: the answer is word w with probability count(w) / sum of counts. That prior has an entropy of {F(priorBits, "0.00")} bits, against log2 {answers.Count:N0} = {F(uniformBits, "0.00")} bits for a uniform one: that is how much a game has to learn.");
        result.Paragraphs.Add(
            "Each guess returns one of 3^5 = 243 colour patterns (green: right letter, right place; yellow: in the word elsewhere; grey: not there, or no more copies). " +
            "Before guessing, the pattern is a random variable; seeing pattern x of probability p(x) tells you -log2 p(x) bits, and a guess is worth its expected surprise, the entropy H(feedback) of its pattern distribution. " +
            $"The best opener here is \"{guesses[best]}\" with {F(openerBits[best], "0.000")} bits under the Brown prior ({F(openerUniformBits[best], "0.000")} bits if every answer were equally likely), " +
            $"the worst is \"{guesses[worst]}\" with {F(openerBits[worst], "0.000")} bits. A guess that split the answers into 243 equal groups would be worth log2 243 = {F(Math.Log2(243), "0.00")} bits.");
        result.Paragraphs.Add(
            $"The solver guesses the word of greatest expected information among all {guesses.Count:N0} words (with two candidates left it guesses the more probable one, which may win at once). " +
            $"Over every answer it needs {F(brownMean, "0.000")} guesses on average with the Brown prior and {F(uniformMean, "0.000")} with a uniform prior, against {F(randomMean, "0.000")} (+- {F(randomSe, "0.000")}) for a player who guesses a random word that is still possible. " +
            "Expected information is greedy: it maximises the information of one guess, not the chance to win in the next two, so it is good, not optimal.");

        // Figures: the best opener's feedback distribution, expected bits of all openers, guesses per game.
        var dist = game.FeedbackDistribution(best, all, brownWeights);
        var order = Enumerable.Range(0, dist.Length).Where(k => dist[k] > 0).OrderByDescending(k => dist[k]).ToArray();
        int shown = Math.Min(30, order.Length);
        double rest = order.Skip(shown).Sum(k => dist[k]);
        var fplot = Plots.Create($"Feedback distribution of \"{guesses[best]}\": H = {F(openerBits[best], "0.00")} bits over {order.Length} patterns", $"pattern (the {shown} most probable; G green, Y yellow, - grey)", "P(pattern)");
        var bars = Enumerable.Range(0, shown).Select(i => new Bar { Position = i, Value = dist[order[i]], FillColor = Colors.SeaGreen, Size = 0.8 }).ToList();
        fplot.Add.Bars(bars);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < shown; i++)
        {
            ticks.AddMajor(i, Wordle.Show(order[i]));
        }

        fplot.Axes.Bottom.TickGenerator = ticks;
        fplot.Axes.Bottom.TickLabelStyle.Rotation = -90;
        fplot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        fplot.Axes.Bottom.TickLabelStyle.FontName = "DejaVu Sans Mono";
        fplot.Axes.Bottom.MinimumSize = 80;
        fplot.Axes.Margins(bottom: 0);
        result.Figures.Add(new Figure("feedback", $"The most probable colour patterns of the best opener \"{guesses[best]}\" over the answers, weighted by the Brown prior; the other {order.Length - shown} patterns that occur hold {F(rest, "0.000")} of the probability. The flatter this distribution, the more the guess tells.", fplot, 1000, 480));

        var oplot = Plots.Create("Expected information of every opening guess", "guesses, best first", "H(feedback) (bits)");
        var xs = Enumerable.Range(0, ranked.Length).Select(i => (double)i).ToArray();
        Line(oplot, xs, ranked.Select(g => openerBits[g]).ToArray(), "Brown prior", Colors.SteelBlue, 2f);
        Line(oplot, xs, ranked.Select(g => openerUniformBits[g]).ToArray(), "uniform prior (same order)", Colors.OrangeRed.WithAlpha(0.6), 1f);
        oplot.Axes.SetLimits(0, ranked.Length, 0, Math.Ceiling(openerUniformBits.Max() + 0.5));
        oplot.ShowLegend(Alignment.LowerLeft);
        result.Figures.Add(new Figure("openers", $"Expected information of all {guesses.Count:N0} openers, sorted under the Brown prior; the best is \"{guesses[best]}\".", oplot, 800, 450));

        var hplot = Plots.Create("Guesses needed per game", "guesses", "fraction of games");
        int maxGuesses = (int)Math.Max(randomGuesses.Max(), Math.Max(brownGuesses.Max(), uniformGuesses.Max()));
        var players = new (string Label, double[] Values, Color Color, double Offset)[]
        {
            ($"max information, Brown prior: mean {F(brownMean, "0.00")}", brownGuesses.Select(x => (double)x).ToArray(), Colors.SteelBlue, -0.27),
            ($"max information, uniform prior: mean {F(uniformMean, "0.00")}", uniformGuesses.Select(x => (double)x).ToArray(), Colors.SeaGreen, 0),
            ($"random possible word: mean {F(randomMean, "0.00")}", randomGuesses, Colors.OrangeRed, 0.27),
        };
        foreach (var (label, values, color, offset) in players)
        {
            var pbars = Enumerable.Range(1, maxGuesses).Select(k => new Bar { Position = k + offset, Value = values.Count(v => v == k) / (double)values.Length, FillColor = color, Size = 0.26 }).ToList();
            var b = hplot.Add.Bars(pbars);
            b.LegendText = label;
        }

        IntegerTicks(hplot, 1, maxGuesses);
        hplot.Axes.Margins(bottom: 0);
        hplot.ShowLegend(Alignment.UpperRight);
        result.Figures.Add(new Figure("games", "How many guesses each player needed over every answer: the information-maximising solver with each prior, and a player who guesses a random word still possible.", hplot, 800, 450));

        result.KeyNumbers["word_list"] = list.Source;
        result.KeyNumbers["word_list_is_fallback"] = list.Note is not null;
        result.KeyNumbers["guesses"] = guesses.Count;
        result.KeyNumbers["answers"] = answers.Count;
        result.KeyNumbers["prior_entropy_bits"] = priorBits;
        result.KeyNumbers["best_opener"] = guesses[best];
        result.KeyNumbers["best_opener_bits"] = openerBits[best];
        result.KeyNumbers["best_opener_uniform_bits"] = openerUniformBits[best];
        result.KeyNumbers["solver_mean_guesses"] = brownMean;
        result.KeyNumbers["solver_uniform_prior_mean_guesses"] = uniformMean;
        result.KeyNumbers["random_mean_guesses"] = randomMean;
        result.KeyNumbers["random_mean_guesses_standard_error"] = randomSe;
        context.Report(Name, "done", 1);
        return result;
    }
}
