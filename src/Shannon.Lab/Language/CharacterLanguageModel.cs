using System.Globalization;
using System.Runtime.CompilerServices;

namespace Shannon.Lab.Language;

/// <summary>
/// A character n-gram language model with interpolated modified Kneser-Ney smoothing (Chen &amp; Goodman 1998,
/// section 3.5, eqs. 17 and 26): for a context h and next character w,
/// p_n(w | h) = (c(hw) - D(c(hw))) / c(h·) + gamma(h) p_{n-1}(w | h'), gamma(h) = sum_w D(c(hw)) / c(h·),
/// where h' drops the oldest character; the highest order uses raw counts, every lower order uses continuation
/// counts N1+(·hw) (how many distinct characters precede hw), each order has its own three discounts from its
/// count-of-counts (<see cref="KneserNeyDiscounts"/>), and order 0 is uniform over the symbols. An unseen context
/// passes its lower order through unchanged. Every conditional distribution therefore sums to exactly 1.
/// </summary>
/// <remarks>
/// <para>Symbols: the (at most 127) most frequent characters of the training text, plus one "other" symbol (id 0)
/// for every remaining character. A character outside the alphabet gets p(other) / 65536 (the other-mass spread
/// uniformly over the UTF-16 code units), so that cross-entropy is the code length of
/// <see cref="ModelArithmeticCoder"/> (the library coder through <see cref="CharacterSymbolModel"/>), which codes it as
/// "other" followed by its 16-bit code unit.</para>
/// <para>Counting: each order has an exact hash index from the packed context (7 bits per symbol, at most 9 symbols
/// in 63 bits) to a context id, and the context's children (next symbols with raw and continuation counts) in
/// compressed-row arrays sorted by symbol. The orders are counted in parallel. One trained model of order N holds
/// raw and continuation counts for orders 1..N-1 and raw counts for order N, so it scores every order 1..N in one
/// pass (<see cref="EvaluateAllOrders"/>).</para>
/// <para>The text is one stream: n-grams that would reach before its first character are not counted, and
/// scoring a text starts with an empty history (its first characters are predicted from shorter contexts).</para>
/// </remarks>
public sealed partial class CharacterLanguageModel
{
    /// <summary>The highest order supported (9 context symbols of 7 bits fill a 63-bit key).</summary>
    public const int MaxOrder = 10;

    /// <summary>The most characters the alphabet holds (symbol ids 1..127; 0 is "other").</summary>
    public const int MaxAlphabet = 127;

    /// <summary>Extra bits for a character outside the alphabet: its 16-bit UTF-16 code unit.</summary>
    public const int OtherCharacterBits = 16;

    private readonly char[] _alphabet;
    private readonly byte[] _symbolOf;
    private readonly Level[] _levels;

    private CharacterLanguageModel(int order, char[] alphabet, Level[] levels)
    {
        Order = order;
        _alphabet = alphabet;
        _levels = levels;
        _symbolOf = new byte[65536];
        for (int i = 0; i < alphabet.Length; i++)
        {
            _symbolOf[alphabet[i]] = (byte)(i + 1);
        }
    }

    /// <summary>The model's order N (context of N - 1 characters).</summary>
    public int Order { get; }

    /// <summary>The alphabet, most frequent first; the character with symbol id i + 1 is at index i.</summary>
    public IReadOnlyList<char> Alphabet => _alphabet;

    /// <summary>The number of symbols: the alphabet plus the "other" symbol 0.</summary>
    public int SymbolCount => _alphabet.Length + 1;

    /// <summary>Trains a model on <paramref name="text"/>.</summary>
    /// <param name="text">The training text: non-empty, no NUL characters (a NUL means binary data).</param>
    /// <param name="order">The order N, 1..10.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">Empty or binary text, or an order outside 1..10.</exception>
    public static CharacterLanguageModel Train(string text, int order) => Train(text, order, null);

    /// <summary>Trains a model on <paramref name="text"/>, reporting the fraction done.</summary>
    /// <param name="text">The training text: non-empty, no NUL characters (a NUL means binary data).</param>
    /// <param name="order">The order N, 1..10.</param>
    /// <param name="progress">Receives the fraction done in [0, 1], possibly from several threads; may be null.</param>
    /// <returns>The model (the same as without progress).</returns>
    /// <exception cref="ArgumentException">Empty or binary text, or an order outside 1..10.</exception>
    public static CharacterLanguageModel Train(string text, int order, IProgress<double>? progress)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckOrder(order, nameof(order));
        CheckText(text, nameof(text));
        var alphabet = BuildAlphabet(text);
        var symbolOf = new byte[65536];
        for (int i = 0; i < alphabet.Length; i++)
        {
            symbolOf[alphabet[i]] = (byte)(i + 1);
        }

        var symbols = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            symbols[i] = symbolOf[text[i]];
        }

        // Counting the n-grams is most of the work: 5% for the symbols, 80% for the counts, the rest for the statistics.
        progress?.Report(0.05);
        var levels = new Level[order + 1];
        int counted = 0;
        Parallel.For(1, order + 1, n =>
        {
            levels[n] = Level.Count(symbols, n);
            progress?.Report(0.05 + (0.8 * Interlocked.Increment(ref counted) / order));
        });
        Parallel.For(1, order, n => levels[n].AddContinuationCounts(levels[n + 1]));
        for (int n = 1; n <= order; n++)
        {
            levels[n].ComputeStatistics(hasContinuation: n < order);
            progress?.Report(0.85 + (0.15 * n / order));
        }

        return new CharacterLanguageModel(order, alphabet, levels);
    }

    /// <summary>Checks a training or evaluation text: non-empty, no NUL characters.</summary>
    /// <param name="text">The text.</param>
    /// <param name="name">The parameter name for the error.</param>
    public static void CheckText(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text, name);
        if (text.Length == 0)
        {
            throw new ArgumentException($"`{name}` must be a non-empty text; got an empty text.", name);
        }

        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            throw new ArgumentException($"`{name}` must be text without NUL characters; got a NUL at index {nul} (a binary file?).", name);
        }
    }

    private static void CheckOrder(int order, string name)
    {
        if (order is < 1 or > MaxOrder)
        {
            throw new ArgumentOutOfRangeException(name, $"`{name}` must be in 1..{MaxOrder}; got {order.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static char[] BuildAlphabet(string text)
    {
        var counts = new long[65536];
        foreach (char c in text)
        {
            counts[c]++;
        }

        var present = Enumerable.Range(0, 65536).Where(c => counts[c] > 0).OrderByDescending(c => counts[c]).ThenBy(c => c);
        return present.Take(MaxAlphabet).Select(c => (char)c).ToArray();
    }

    /// <summary>The symbol id of a character (0 when it is outside the alphabet).</summary>
    /// <param name="c">The character.</param>
    /// <returns>The id, 0..<see cref="SymbolCount"/> - 1.</returns>
    public int SymbolOf(char c) => _symbolOf[c];

    /// <summary>The discounts of order <paramref name="n"/> for raw counts or continuation counts.</summary>
    /// <param name="n">The order, 1..<see cref="Order"/>.</param>
    /// <param name="continuation">True for the continuation-count discounts (orders below N).</param>
    /// <returns>The discounts.</returns>
    public KneserNeyDiscounts Discounts(int n, bool continuation)
    {
        CheckLevel(n);
        return continuation ? _levels[n].ContDiscounts : _levels[n].RawDiscounts;
    }

    /// <summary>The count-of-counts n1..n4 of order <paramref name="n"/> (index 0 holds n1).</summary>
    /// <param name="n">The order.</param>
    /// <param name="continuation">True for continuation counts.</param>
    /// <returns>A new array of four counts.</returns>
    public long[] CountOfCounts(int n, bool continuation)
    {
        CheckLevel(n);
        return (continuation ? _levels[n].ContCountOfCounts : _levels[n].RawCountOfCounts).ToArray();
    }

    /// <summary>The number of distinct contexts and distinct n-grams of order <paramref name="n"/>.</summary>
    /// <param name="n">The order.</param>
    /// <returns>(contexts, n-grams).</returns>
    public (int Contexts, int NGrams) Size(int n)
    {
        CheckLevel(n);
        return (_levels[n].Contexts.Count, _levels[n].ChildSymbol.Length);
    }

    private void CheckLevel(int n)
    {
        if (n < 1 || n > Order)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"`n` must be in 1..{Order}; got {n}.");
        }
    }

    /// <summary>p(next | history) under the model of order <paramref name="order"/> (default: <see cref="Order"/>).</summary>
    /// <param name="history">The preceding text (only its last order - 1 characters matter).</param>
    /// <param name="next">The next character.</param>
    /// <param name="order">The order to use, 1..<see cref="Order"/>; 0 means <see cref="Order"/>.</param>
    /// <returns>The probability (for a character outside the alphabet: p(other) / 65536).</returns>
    public double Probability(ReadOnlySpan<char> history, char next, int order = 0)
    {
        int m = ResolveOrder(order);
        var (key, length) = PackHistory(history, m);
        double p = SymbolProbability(key, length, _symbolOf[next], m);
        return _symbolOf[next] == 0 ? p / 65536.0 : p;
    }

    /// <summary>The next-symbol distribution after <paramref name="history"/>: index 0 is "other", index i the character <c>Alphabet[i - 1]</c>.</summary>
    /// <param name="history">The preceding text.</param>
    /// <param name="probabilities">Receives <see cref="SymbolCount"/> probabilities summing to 1.</param>
    /// <param name="order">The order to use; 0 means <see cref="Order"/>.</param>
    public void Distribution(ReadOnlySpan<char> history, Span<double> probabilities, int order = 0)
    {
        int m = ResolveOrder(order);
        var (key, length) = PackHistory(history, m);
        SymbolDistribution(key, length, m, probabilities);
    }

    private int ResolveOrder(int order)
    {
        if (order == 0)
        {
            return Order;
        }

        if (order < 1 || order > Order)
        {
            throw new ArgumentOutOfRangeException(nameof(order), $"`order` must be in 1..{Order} (the model's order) or 0; got {order}.");
        }

        return order;
    }

    private (ulong Key, int Length) PackHistory(ReadOnlySpan<char> history, int order)
    {
        int length = Math.Min(history.Length, order - 1);
        ulong key = 0;
        for (int i = history.Length - length; i < history.Length; i++)
        {
            key = (key << 7) | _symbolOf[history[i]];
        }

        return (key, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mask(int symbols) => symbols == 0 ? 0 : (1UL << (7 * symbols)) - 1;

    /// <summary>
    /// The context of level n on the walk up to order m: its index, or -1 where the walk stops (the history is shorter
    /// than n - 1 symbols or the context was never seen); whether the level uses raw counts (n == m, else
    /// continuation counts) and the context's total under them (0: the level adds nothing).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ContextAt(ulong key, int historyLength, int n, int m, out bool raw, out int total)
    {
        raw = n == m;
        total = 0;
        if (n - 1 > historyLength)
        {
            return -1;
        }

        var level = _levels[n];
        int ctx = level.Contexts.Find(key & Mask(n - 1));
        if (ctx >= 0)
        {
            total = raw ? level.RawTotal[ctx] : level.ContTotal[ctx];
        }

        return ctx;
    }

    /// <summary>p(symbol | last historyLength symbols packed in key) for the model of order m.</summary>
    internal double SymbolProbability(ulong key, int historyLength, int symbol, int m)
    {
        double p = 1.0 / SymbolCount;
        for (int n = 1; n <= m; n++)
        {
            int ctx = ContextAt(key, historyLength, n, m, out bool raw, out int total);
            if (ctx < 0)
            {
                break;
            }

            if (total == 0)
            {
                continue;
            }

            var level = _levels[n];

            int j = level.FindChild(ctx, symbol);
            int c = j < 0 ? 0 : raw ? level.ChildRaw[j] : level.ChildCont[j];
            var d = raw ? level.RawDiscounts : level.ContDiscounts;
            double gamma = raw ? level.RawGamma[ctx] : level.ContGamma[ctx];
            p = (c - d.For(c)) / total + gamma * p;
        }

        return p;
    }

    /// <summary>The whole next-symbol distribution for the model of order m.</summary>
    internal void SymbolDistribution(ulong key, int historyLength, int m, Span<double> p)
    {
        if (p.Length != SymbolCount)
        {
            throw new ArgumentException($"`probabilities` must have length {SymbolCount} (the symbol count); got {p.Length}.", "probabilities");
        }

        p.Fill(1.0 / SymbolCount);
        for (int n = 1; n <= m; n++)
        {
            int ctx = ContextAt(key, historyLength, n, m, out bool raw, out int total);
            if (ctx < 0)
            {
                break;
            }

            if (total == 0)
            {
                continue;
            }

            var level = _levels[n];

            var d = raw ? level.RawDiscounts : level.ContDiscounts;
            double gamma = raw ? level.RawGamma[ctx] : level.ContGamma[ctx];
            for (int w = 0; w < p.Length; w++)
            {
                p[w] = gamma * p[w];
            }

            var counts = raw ? level.ChildRaw : level.ChildCont;
            for (int j = level.ChildStart[ctx]; j < level.ChildStart[ctx + 1]; j++)
            {
                int c = counts[j];
                if (c > 0)
                {
                    int w = level.ChildSymbol[j];
                    p[w] = (c - d.For(c)) / total + p[w];
                }
            }
        }
    }

    /// <summary>Maps a text to symbol ids.</summary>
    internal byte[] ToSymbols(string text)
    {
        var s = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            s[i] = _symbolOf[text[i]];
        }

        return s;
    }

    /// <summary>
    /// Scores <paramref name="text"/> (starting from an empty history) under every order 1..<see cref="Order"/> in one
    /// pass: the cross-entropy -1/n sum log2 p(x_i | x_{i-N+1..i-1}) in bits per character of each order's model.
    /// </summary>
    /// <param name="text">The held-out text: non-empty, no NUL characters.</param>
    /// <returns>The cross-entropies.</returns>
    public LanguageModelEvaluation EvaluateAllOrders(string text)
    {
        CheckText(text, nameof(text));
        int top = Order;
        var s = ToSymbols(text);
        var sums = new double[top + 1];
        var q = new double[top + 1];
        ulong key = 0;
        ulong fullMask = Mask(top - 1);
        long other = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int sym = s[i];
            int historyLength = Math.Min(i, top - 1);
            double pc = 1.0 / SymbolCount;
            for (int n = 1; n <= top; n++)
            {
                int k = n - 1;
                var level = _levels[n];
                int ctx = k > historyLength ? -1 : level.Contexts.Find(key & Mask(k));
                if (ctx < 0)
                {
                    for (int r = n; r <= top; r++)
                    {
                        q[r] = pc;
                    }

                    break;
                }

                int j = level.FindChild(ctx, sym);
                int raw = j < 0 ? 0 : level.ChildRaw[j];
                q[n] = (raw - level.RawDiscounts.For(raw)) / level.RawTotal[ctx] + level.RawGamma[ctx] * pc;
                if (n < top && level.ContTotal[ctx] > 0)
                {
                    int cont = j < 0 ? 0 : level.ChildCont[j];
                    pc = (cont - level.ContDiscounts.For(cont)) / level.ContTotal[ctx] + level.ContGamma[ctx] * pc;
                }
            }

            for (int n = 1; n <= top; n++)
            {
                sums[n] -= Math.Log2(q[n]);
            }

            if (sym == 0)
            {
                other++;
            }

            key = ((key << 7) | (uint)sym) & fullMask;
        }

        var bits = new double[top];
        for (int n = 1; n <= top; n++)
        {
            bits[n - 1] = (sums[n] + (other * (double)OtherCharacterBits)) / s.Length;
        }

        return new LanguageModelEvaluation(bits, s.Length, other);
    }

    /// <summary>The held-out cross-entropy of the model (its own order) in bits per character.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Bits per character.</returns>
    public double CrossEntropyBitsPerCharacter(string text) => EvaluateAllOrders(text).BitsPerCharacter[Order - 1];
}

/// <summary>Cross-entropies of a text under the orders 1..N of one model.</summary>
/// <param name="BitsPerCharacter">Index n - 1 holds order n's cross-entropy, bits per character.</param>
/// <param name="Characters">The characters scored.</param>
/// <param name="OtherCharacters">How many were outside the model's alphabet (each costs p(other) and 16 bits).</param>
public sealed record LanguageModelEvaluation(IReadOnlyList<double> BitsPerCharacter, long Characters, long OtherCharacters)
{
    /// <summary>The order with the lowest cross-entropy.</summary>
    public int BestOrder => 1 + Enumerable.Range(0, BitsPerCharacter.Count).MinBy(i => BitsPerCharacter[i]);
}
