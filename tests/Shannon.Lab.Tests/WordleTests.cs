using Shannon.Lab.Corpora;
using Shannon.Lab.Games;

namespace Shannon.Lab.Tests;

/// <summary>
/// Wordle's feedback rule and the expected information of a guess. Pattern references: hand-derived from the game's
/// rule (greens first, then yellows left to right while copies remain) and printed by tools/reference/wordle_feedback.py
/// (our own script, Debian python3).
/// </summary>
public class WordleTests
{
    [Theory]
    [InlineData("speed", "abide", "--Y-Y")] // the first e is yellow; the answer has one e, so the second is grey
    [InlineData("crane", "crane", "GGGGG")]
    [InlineData("llama", "hello", "YY---")] // two l's in the answer, neither in place: both yellow
    [InlineData("erase", "speed", "Y--YY")]
    [InlineData("robot", "floor", "YY-G-")] // the green o uses one copy, the other o is yellow
    [InlineData("geese", "eerie", "-GY-G")]
    [InlineData("abcde", "edcba", "YYGYY")]
    [InlineData("sassy", "asses", "YYGY-")] // the answer has three s's: two yellows and a green, the fourth s grey
    public void FeedbackFollowsTheGamesRule(string guess, string answer, string expected)
    {
        Assert.Equal(expected, Wordle.Show(Wordle.Feedback(guess, answer)));
    }

    [Fact]
    public void FeedbackRejectsWordsThatAreNotFiveLowerCaseLetters()
    {
        Assert.Equal("guess", Assert.ThrowsAny<ArgumentException>(() => Wordle.Feedback("four", "abcde")).ParamName);
        Assert.Equal("answer", Assert.ThrowsAny<ArgumentException>(() => Wordle.Feedback("abcde", "ABCDE")).ParamName);
    }

    [Fact]
    public void ExpectedInformationIsTheEntropyOfTheFeedbackDistribution()
    {
        // "abcde" gives each of the four answers a different pattern (GGGGG, -Y---, Y----, -----), so under a uniform
        // prior its feedback is uniform over 4: exactly log2 4 = 2 bits. With weights 1, 1, 2 over three of them,
        // H(1/4, 1/4, 1/2) = 1.5 bits (analytic).
        var words = new[] { "abcde", "bxxxx", "xxxxa", "xxxxx" };
        var game = new WordleGame(words, words);
        Assert.Equal(2.0, game.ExpectedBits(0, [0, 1, 2, 3], [1, 1, 1, 1]), 14);
        Assert.Equal(1.5, game.ExpectedBits(0, [0, 1, 2], [1, 1, 2, 0]), 14);
        // With one candidate left every guess is worth 0 bits.
        Assert.Equal(0.0, game.ExpectedBits(3, [2], [1, 1, 1, 1]));
        var p = game.FeedbackDistribution(0, [0, 1, 2, 3], [1, 1, 1, 1]);
        Assert.Equal(0.25, p[Wordle.Solved], 15);
        Assert.Equal(4, p.Count(x => x > 0));
    }

    [Fact]
    public void SolverFindsEveryAnswerAndBeatsNoOne()
    {
        var words = new[] { "abcde", "bxxxx", "xxxxa", "xxxxx" };
        var game = new WordleGame(words, words);
        var (guesses, opener) = game.SolveAll([1, 1, 1, 1]);
        // The opener "abcde" separates all four (2 bits, the most possible with 4 answers): it wins at once on itself, and
        // every other answer is known after one guess, so it takes 2.
        Assert.Equal("abcde", words[opener]);
        Assert.Equal([1, 2, 2, 2], guesses);
        var random = new Random(1);
        Assert.All(Enumerable.Range(0, 4), a => Assert.InRange(game.PlayRandom(a, random), 1, 4));
    }

    [Fact]
    public void WordListFallsBackToTheTextWithANote()
    {
        string missing = Path.Combine(Path.GetTempPath(), "shannon-no-such-dict-" + Guid.NewGuid().ToString("N"));
        var list = FiveLetterWords.Load("Where there is light there is shade. Light and shade, shade and light; Rome.", missing);
        Assert.Equal(["light", "shade", "there"], list.Words);
        Assert.NotNull(list.Note);
        Assert.Contains("wamerican", list.Note, StringComparison.Ordinal);
        Assert.Equal(["alpha", "bravo"], FiveLetterWords.Select(["bravo", "alpha", "Alpha", "it's", "alpha", "toolong", " bravo "]));
    }
}

/// <summary>The Wordle section of the quick lab.</summary>
[Collection("quick lab")]
public class WordleExperimentTests(QuickLabFixture lab)
{
    [Fact]
    public void BestOpenerIsBoundedAndTheSolverBeatsRandomGuessing()
    {
        double bits = lab.Number("wordle", "best_opener_bits");
        double answers = lab.Number("wordle", "answers");
        // H(feedback) <= log2 of the number of patterns (243) and of the answers; the prior's entropy bounds it too.
        Assert.InRange(bits, 3, Math.Min(Math.Log2(243), Math.Log2(answers)));
        Assert.True(bits <= lab.Number("wordle", "prior_entropy_bits") + 1e-9);
        double solver = lab.Number("wordle", "solver_mean_guesses");
        double random = lab.Number("wordle", "random_mean_guesses");
        double se = lab.Number("wordle", "random_mean_guesses_standard_error");
        Assert.True(solver < random - (3 * se), $"solver {solver} against random {random} +- {se}");
        Assert.InRange(solver, 1, 6);
        Assert.Contains(lab["wordle"].Figures, f => f.Name == "feedback");
    }
}
