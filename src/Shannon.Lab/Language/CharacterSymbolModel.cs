using Shannon.Coding;

namespace Shannon.Lab.Language;

/// <summary>
/// A <see cref="CharacterLanguageModel"/> as an <see cref="ISymbolModel"/>, so that the library's arithmetic coder
/// (<see cref="ArithmeticCoding"/>) codes text with it. The coded symbol stream has one symbol per character, its
/// symbol id (0 = "other", i = <c>Alphabet[i - 1]</c>), and after an "other" one more symbol: the character's
/// UTF-16 code unit, coded against a uniform table of 65536 (the <see cref="CharacterLanguageModel.OtherCharacterBits"/>
/// bits the model's probabilities charge for it).
/// </summary>
/// <remarks>
/// Before a character the model's next-symbol probabilities are quantised to a table of total 2^24 by the library's
/// one rule, <see cref="ArithmeticCoding.QuantizeProbabilities(ReadOnlySpan{double}, int, Span{int})"/>: symbol w gets
/// f_w = 1 + floor(p_w (2^24 - K)) counts for the K symbols, and the likeliest symbol also the fewer than K counts the
/// floors lost, so every symbol stays codable and the total is exact. Since f_w &gt;= p_w (2^24 - K), a character
/// costs at most -log2 p + log2(2^24 / (2^24 - K)) bits before range rounding, about 1.1e-5 bits more than its
/// cross-entropy for K = 128. (The lab's coder once had its own rule, the same floors without the lost counts and so a
/// total below 2^24; on the lab's fallback corpus at orders 1, 3 and 5 it gave the same code lengths, other bytes.)
/// An instance codes one text at a time.
/// </remarks>
public sealed class CharacterSymbolModel : ISymbolModel
{
    /// <summary>The bits of the integer frequency tables: every table of a character totals 2^24.</summary>
    public const int FrequencyBits = 24;

    private static readonly Lazy<int[]> CodeUnitTable = new(() =>
    {
        var table = new int[65537];
        for (int u = 0; u < table.Length; u++)
        {
            table[u] = u;
        }

        return table;
    });

    private readonly CharacterLanguageModel _model;
    private readonly ulong _mask;
    private readonly double[] _probabilities;
    private readonly int[] _cumulative;
    private ulong _key;
    private int _characters;
    private bool _codeUnitNext;

    /// <summary>Wraps <paramref name="model"/> at order <paramref name="order"/>, starting from an empty history.</summary>
    /// <param name="model">The model.</param>
    /// <param name="order">The model order to code with, 1..model.Order; 0 means the model's own order.</param>
    public CharacterSymbolModel(CharacterLanguageModel model, int order = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (order < 0 || order > model.Order)
        {
            throw new ArgumentOutOfRangeException(nameof(order), $"`order` must be in 1..{model.Order} (the model's order) or 0; got {order}.");
        }

        _model = model;
        Order = order == 0 ? model.Order : order;
        _mask = CharacterLanguageModel.Mask(Order - 1);
        _probabilities = new double[model.SymbolCount];
        _cumulative = new int[model.SymbolCount + 1];
    }

    /// <summary>The model order coded with (context of Order - 1 characters).</summary>
    public int Order { get; }

    /// <summary>The coded symbol stream of <paramref name="text"/>: each character's symbol id, an "other" followed by the character's code unit.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The symbols, at least one per character.</returns>
    public int[] CodedSymbols(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = _model.ToSymbols(text);
        var symbols = new List<int>(text.Length);
        for (int i = 0; i < ids.Length; i++)
        {
            symbols.Add(ids[i]);
            if (ids[i] == 0)
            {
                symbols.Add(text[i]);
            }
        }

        return [.. symbols];
    }

    /// <summary>Decodes <paramref name="characterCount"/> characters with this model (reset first).</summary>
    /// <param name="decoder">A decoder positioned at the first symbol of a text coded with this model and order.</param>
    /// <param name="characterCount">The characters to decode, &gt;= 0.</param>
    /// <returns>The text.</returns>
    public string DecodeText(ArithmeticDecoder decoder, int characterCount)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentOutOfRangeException.ThrowIfNegative(characterCount);
        Reset();
        var chars = new char[characterCount];
        for (int i = 0; i < chars.Length; i++)
        {
            int symbol = decoder.Decode(this);
            chars[i] = symbol == 0 ? (char)decoder.Decode(this) : _model.Alphabet[symbol - 1];
        }

        return new string(chars);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        _key = 0;
        _characters = 0;
        _codeUnitNext = false;
    }

    /// <inheritdoc/>
    public ReadOnlySpan<int> Cumulative()
    {
        if (_codeUnitNext)
        {
            return CodeUnitTable.Value;
        }

        _model.SymbolDistribution(_key, Math.Min(_characters, Order - 1), Order, _probabilities);
        ArithmeticCoding.QuantizeProbabilities(_probabilities, 1 << FrequencyBits, _cumulative);
        return _cumulative;
    }

    /// <inheritdoc/>
    public void Update(int symbol)
    {
        if (_codeUnitNext)
        {
            _codeUnitNext = false;
            return;
        }

        _codeUnitNext = symbol == 0;
        _key = ((_key << 7) | (uint)symbol) & _mask;
        _characters++;
    }
}
