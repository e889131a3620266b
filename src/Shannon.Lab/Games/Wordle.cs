namespace Shannon.Lab.Games;

/// <summary>
/// Wordle's colour feedback and an information-maximising solver (after Grant Sanderson's 3Blue1Brown video
/// "Solving Wordle using information theory", 2022). A feedback pattern is a number 0..242: digit i (weight 3^i)
/// of letter i is 0 grey, 1 yellow, 2 green. Duplicate letters follow the game's rule: greens first, then
/// yellows from left to right while the answer still has unmatched copies of the letter.
/// </summary>
public static class Wordle
{
    /// <summary>Letters per word.</summary>
    public const int Length = 5;

    /// <summary>The number of feedback patterns, 3^5.</summary>
    public const int PatternCount = 243;

    /// <summary>The pattern of five greens (the answer was guessed).</summary>
    public const int Solved = 242;

    /// <summary>The feedback of <paramref name="guess"/> when the answer is <paramref name="answer"/>.</summary>
    /// <param name="guess">A five-letter word of 'a'..'z'.</param>
    /// <param name="answer">A five-letter word of 'a'..'z'.</param>
    /// <returns>The pattern, 0..242.</returns>
    public static int Feedback(ReadOnlySpan<char> guess, ReadOnlySpan<char> answer)
    {
        CheckWord(guess, nameof(guess));
        CheckWord(answer, nameof(answer));
        Span<int> unmatched = stackalloc int[26];
        Span<int> digits = stackalloc int[Length];
        for (int i = 0; i < Length; i++)
        {
            if (guess[i] == answer[i])
            {
                digits[i] = 2;
            }
            else
            {
                unmatched[answer[i] - 'a']++;
            }
        }

        for (int i = 0; i < Length; i++)
        {
            if (digits[i] == 0 && unmatched[guess[i] - 'a'] > 0)
            {
                digits[i] = 1;
                unmatched[guess[i] - 'a']--;
            }
        }

        int pattern = 0;
        for (int i = Length - 1; i >= 0; i--)
        {
            pattern = (pattern * 3) + digits[i];
        }

        return pattern;
    }

    /// <summary>A pattern written as five characters: G green, Y yellow, - grey (letter 1 first).</summary>
    /// <param name="pattern">0..242.</param>
    /// <returns>For example "--Y-Y".</returns>
    public static string Show(int pattern)
    {
        if ((uint)pattern >= PatternCount)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), $"`{nameof(pattern)}` must be in [0, 242]; got {pattern}.");
        }

        var chars = new char[Length];
        for (int i = 0; i < Length; i++)
        {
            chars[i] = (pattern % 3) switch { 2 => 'G', 1 => 'Y', _ => '-' };
            pattern /= 3;
        }

        return new string(chars);
    }

    /// <summary>Checks that a word is five letters 'a'..'z'.</summary>
    /// <param name="word">The word.</param>
    /// <param name="name">The parameter's name.</param>
    public static void CheckWord(ReadOnlySpan<char> word, string name)
    {
        if (word.Length != Length)
        {
            throw new ArgumentException($"`{name}` must be a five-letter word; got \"{word}\".", name);
        }

        foreach (char c in word)
        {
            if (c is < 'a' or > 'z')
            {
                throw new ArgumentException($"`{name}` must be lower-case letters a-z; got \"{word}\".", name);
            }
        }
    }
}

/// <summary>
/// The feedback of every allowed guess against every possible answer, precomputed once, with the expected information
/// of a guess over a weighted set of candidates and an information-maximising solver.
/// </summary>
public sealed class WordleGame
{
    private readonly byte[] _patterns; // guess g, answer a at g * answers + a
    private readonly Dictionary<string, int> _guessIndex;

    /// <summary>Builds the feedback table.</summary>
    /// <param name="guesses">The allowed guesses (five-letter words).</param>
    /// <param name="answers">The possible answers (five-letter words; each must also be an allowed guess).</param>
    public WordleGame(IReadOnlyList<string> guesses, IReadOnlyList<string> answers)
    {
        ArgumentNullException.ThrowIfNull(guesses);
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count == 0)
        {
            throw new ArgumentException("`answers` must hold at least one word; got 0.", nameof(answers));
        }

        Guesses = [.. guesses];
        Answers = [.. answers];
        _guessIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < Guesses.Count; g++)
        {
            Wordle.CheckWord(Guesses[g], nameof(guesses));
            _guessIndex.TryAdd(Guesses[g], g);
        }

        AnswerAsGuess = new int[Answers.Count];
        for (int a = 0; a < Answers.Count; a++)
        {
            AnswerAsGuess[a] = _guessIndex.TryGetValue(Answers[a], out int g) ? g
                : throw new ArgumentException($"`answers` must be allowed guesses too; got \"{Answers[a]}\", which is not.", nameof(answers));
        }

        _patterns = new byte[Guesses.Count * Answers.Count];
        for (int g = 0; g < Guesses.Count; g++)
        {
            for (int a = 0; a < Answers.Count; a++)
            {
                _patterns[(g * Answers.Count) + a] = (byte)Wordle.Feedback(Guesses[g], Answers[a]);
            }
        }
    }

    /// <summary>The allowed guesses.</summary>
    public IReadOnlyList<string> Guesses { get; }

    /// <summary>The possible answers.</summary>
    public IReadOnlyList<string> Answers { get; }

    /// <summary>For each answer, its index among the guesses.</summary>
    internal int[] AnswerAsGuess { get; }

    /// <summary>The index of a word among the guesses, or -1 when it is not an allowed guess.</summary>
    /// <param name="word">A word (lower case).</param>
    /// <returns>Its first index in <see cref="Guesses"/>, or -1.</returns>
    public int IndexOfGuess(string word) => word is not null && _guessIndex.TryGetValue(word, out int g) ? g : -1;

    /// <summary>The feedback of guess <paramref name="guess"/> against answer <paramref name="answer"/> (indices).</summary>
    /// <param name="guess">Guess index.</param>
    /// <param name="answer">Answer index.</param>
    /// <returns>The pattern.</returns>
    public int Pattern(int guess, int answer) => _patterns[(guess * Answers.Count) + answer];

    /// <summary>
    /// The feedback distribution of a guess over weighted candidates: P(pattern) = sum of the weights of the candidates
    /// that give it, normalised.
    /// </summary>
    /// <param name="guess">Guess index.</param>
    /// <param name="candidates">Answer indices still possible.</param>
    /// <param name="weights">Prior weight of every answer (index = answer; not normalised).</param>
    /// <returns>243 probabilities.</returns>
    public double[] FeedbackDistribution(int guess, ReadOnlySpan<int> candidates, ReadOnlySpan<double> weights)
    {
        var p = new double[Wordle.PatternCount];
        double total = 0;
        foreach (int a in candidates)
        {
            p[Pattern(guess, a)] += weights[a];
            total += weights[a];
        }

        for (int i = 0; i < p.Length; i++)
        {
            p[i] /= total;
        }

        return p;
    }

    /// <summary>
    /// The expected information of a guess, E[-log2 P(pattern)] = H(pattern), in bits: the entropy of its feedback
    /// distribution over the candidates (computed by <see cref="Measures.Entropy(ReadOnlySpan{double}, InformationUnit)"/> on the occupied patterns).
    /// </summary>
    /// <param name="guess">Guess index.</param>
    /// <param name="candidates">Answer indices still possible.</param>
    /// <param name="weights">Prior weight of every answer.</param>
    /// <returns>The expected information in bits.</returns>
    public double ExpectedBits(int guess, ReadOnlySpan<int> candidates, ReadOnlySpan<double> weights)
    {
        Span<double> bins = stackalloc double[Wordle.PatternCount];
        Span<byte> used = stackalloc byte[Wordle.PatternCount];
        Span<double> occupied = stackalloc double[Wordle.PatternCount];
        bins.Clear();
        used.Clear();
        int n = 0;
        double total = 0;
        int row = guess * Answers.Count;
        foreach (int a in candidates)
        {
            int k = _patterns[row + a];
            if (used[k] == 0)
            {
                used[k] = 1;
                n++;
            }

            bins[k] += weights[a];
            total += weights[a];
        }

        if (n == 1)
        {
            return 0;
        }

        int j = 0;
        for (int k = 0; k < Wordle.PatternCount && j < n; k++)
        {
            if (used[k] != 0)
            {
                occupied[j++] = bins[k] / total;
            }
        }

        return Measures.Entropy(occupied[..n], InformationUnit.Bits).Value;
    }

    /// <summary>
    /// The guess of greatest expected information over the candidates; ties go to a guess that could be the answer,
    /// then to the earlier guess. With one or two candidates left the most probable candidate is guessed (it may win now).
    /// </summary>
    /// <param name="candidates">Answer indices still possible.</param>
    /// <param name="weights">Prior weight of every answer.</param>
    /// <returns>The guess index and its expected bits.</returns>
    public (int Guess, double Bits) BestGuess(ReadOnlySpan<int> candidates, ReadOnlySpan<double> weights)
    {
        if (candidates.Length <= 2)
        {
            int best = candidates[0];
            foreach (int a in candidates)
            {
                if (weights[a] > weights[best])
                {
                    best = a;
                }
            }

            return (AnswerAsGuess[best], ExpectedBits(AnswerAsGuess[best], candidates, weights));
        }

        var isCandidate = new HashSet<int>();
        foreach (int a in candidates)
        {
            isCandidate.Add(AnswerAsGuess[a]);
        }

        int bestGuess = -1;
        double bestBits = double.NegativeInfinity;
        bool bestIsCandidate = false;
        for (int g = 0; g < Guesses.Count; g++)
        {
            double bits = ExpectedBits(g, candidates, weights);
            bool candidate = isCandidate.Contains(g);
            if (bits > bestBits + 1e-12 || (Math.Abs(bits - bestBits) <= 1e-12 && candidate && !bestIsCandidate))
            {
                bestGuess = g;
                bestBits = bits;
                bestIsCandidate = candidate;
            }
        }

        return (bestGuess, bestBits);
    }

    /// <summary>The candidates left after a guess gave a pattern.</summary>
    /// <param name="candidates">Answer indices before.</param>
    /// <param name="guess">Guess index.</param>
    /// <param name="pattern">The feedback seen.</param>
    /// <returns>The answer indices consistent with it.</returns>
    public int[] Filter(ReadOnlySpan<int> candidates, int guess, int pattern)
    {
        var left = new List<int>();
        foreach (int a in candidates)
        {
            if (Pattern(guess, a) == pattern)
            {
                left.Add(a);
            }
        }

        return [.. left];
    }

    /// <summary>
    /// Plays every answer with the information-maximising solver (the same decision tree for all: each node is
    /// computed once) and returns the number of guesses each took.
    /// </summary>
    /// <param name="weights">The solver's prior weight of every answer.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Guesses per answer (index = answer) and the opening guess.</returns>
    public (int[] Guesses, int Opener) SolveAll(ReadOnlySpan<double> weights, CancellationToken cancellationToken = default)
    {
        var counts = new int[Answers.Count];
        var all = Enumerable.Range(0, Answers.Count).ToArray();
        var w = weights.ToArray();
        int opener = BestGuess(all, w).Guess;
        Solve(all, opener, 1, w, counts, cancellationToken);
        return (counts, opener);
    }

    private void Solve(int[] candidates, int guess, int depth, double[] weights, int[] counts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var group in candidates.GroupBy(a => Pattern(guess, a)))
        {
            var left = group.ToArray();
            if (group.Key == Wordle.Solved)
            {
                counts[left[0]] = depth;
                continue;
            }

            int next = BestGuess(left, weights).Guess;
            Solve(left, next, depth + 1, weights, counts, cancellationToken);
        }
    }

    /// <summary>A player who guesses a word chosen uniformly among the candidates still possible, every time.</summary>
    /// <param name="answer">The answer index.</param>
    /// <param name="random">The source of randomness.</param>
    /// <returns>The number of guesses it took.</returns>
    public int PlayRandom(int answer, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int[] candidates = Enumerable.Range(0, Answers.Count).ToArray();
        for (int depth = 1; ; depth++)
        {
            int pick = candidates[random.Next(candidates.Length)];
            int guess = AnswerAsGuess[pick];
            int pattern = Pattern(guess, answer);
            if (pattern == Wordle.Solved)
            {
                return depth;
            }

            candidates = Filter(candidates, guess, pattern);
        }
    }
}
