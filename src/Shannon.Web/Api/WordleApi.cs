using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Lab.Corpora;
using Shannon.Lab.Games;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// Wordle: a typed guess's colour-feedback distribution over the candidate answers and its entropy, the expected
/// information of the guess (the lab's <see cref="WordleGame"/>). Guesses: Debian's five-letter word list (or the lab's
/// fallback); answers: the listed words that occur in the text (<c>shannon serve --corpus FILE</c>, else Shannon's
/// built-in English text), weighted by their count there ("frequency") or equally ("uniform").
/// </summary>
internal static class WordleApi
{
    /// <summary>How many of the most likely patterns the answer lists (the entropy covers all).</summary>
    public const int ShownPatterns = 20;

    public static readonly string[] Priors = ["frequency", "uniform"];

    /// <summary>The prior weight of every answer under the named prior.</summary>
    public static double[] Weights(WordleSource source, string prior) =>
        prior == "uniform" ? Enumerable.Repeat(1.0, source.Answers.Length).ToArray() : source.Counts;

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/wordle", (HttpRequest request, WordleSource source) =>
    {
        var q = new Parameters(request);
        string guess = (q.Text("guess", Wordle.Length, required: true) ?? "").Trim().ToLowerInvariant();
        string prior = q.Choice("prior", Priors, "frequency");
        var unit = q.Unit();
        var (list, answers, game) = (source.List, source.Answers, source.Game);
        int g = game.IndexOfGuess(guess);
        if (g < 0)
        {
            throw Parameters.Bad("guess", $"a five-letter word of the list ({list.Words.Count:N0} words)", $"'{guess}'");
        }

        var weights = Weights(source, prior);
        var candidates = Enumerable.Range(0, answers.Length).ToArray();
        var distribution = game.FeedbackDistribution(g, candidates, weights);
        (string Guess, double Bits) best;
        lock (source.Best)
        {
            if (!source.Best.TryGetValue(prior, out best))
            {
                var (bg, bits) = game.BestGuess(candidates, weights);
                best = (game.Guesses[bg], bits);
                source.Best[prior] = best;
            }
        }

        var top = Enumerable.Range(0, distribution.Length).Where(i => distribution[i] > 0)
            .OrderByDescending(i => distribution[i]).ThenBy(i => i).ToArray();
        return Results.Json(new
        {
            guess,
            prior,
            unit = InformationUnits.Name(unit),
            source = list.Source,
            text = source.TextDescription,
            note = list.Note,
            candidate_count = answers.Length,
            expected_bits = game.ExpectedBits(g, candidates, weights),
            entropy = Measures.Entropy(distribution, unit).Value,
            pattern_count = top.Length,
            patterns = top.Take(ShownPatterns).Select(i => Wordle.Show(i)).ToArray(),
            probabilities = top.Take(ShownPatterns).Select(i => distribution[i]).ToArray(),
            best_guess = best.Guess,
            best_bits = best.Bits,
        });
    });
}

/// <summary>
/// Wordle's word list, answers and feedback table, built once on first use from the text given to
/// <c>shannon serve --corpus</c> (the same file as the character model's) or else Shannon's built-in English text.
/// </summary>
internal sealed class WordleSource
{
    private readonly Lazy<(WordList List, string[] Answers, double[] Counts, WordleGame Game)> _data;

    public WordleSource(string? corpusPath)
    {
        TextDescription = corpusPath is null ? "Shannon's built-in English text" : Path.GetFileName(corpusPath);
        _data = new(() =>
        {
            string text = corpusPath is null ? EnglishText.Fallback() : File.ReadAllText(corpusPath);
            var list = FiveLetterWords.Load(text);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var w in Shannon.Text.WordTokens.Split(text))
            {
                if (w.Length == Wordle.Length)
                {
                    counts[w] = counts.GetValueOrDefault(w) + 1;
                }
            }

            var answers = list.Words.Distinct(StringComparer.Ordinal).Where(counts.ContainsKey).ToArray();
            if (answers.Length == 0)
            {
                throw new InvalidOperationException($"No word of the list occurs in {TextDescription}; Wordle needs at least one candidate answer.");
            }

            return (list, answers, answers.Select(a => (double)counts[a]).ToArray(), new WordleGame(list.Words, answers));
        });
    }

    /// <summary>Where the answers' counts come from, for the page.</summary>
    public string TextDescription { get; }

    public WordList List => _data.Value.List;

    public string[] Answers => _data.Value.Answers;

    public double[] Counts => _data.Value.Counts;

    public WordleGame Game => _data.Value.Game;

    /// <summary>The best opener per prior, found once (lock on this dictionary).</summary>
    public Dictionary<string, (string Guess, double Bits)> Best { get; } = [];
}
