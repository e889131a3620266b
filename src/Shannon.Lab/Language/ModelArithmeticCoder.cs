using Shannon.Coding;

namespace Shannon.Lab.Language;

/// <summary>
/// Arithmetic coding of text with a <see cref="CharacterLanguageModel"/>: the library's one coder
/// (<see cref="ArithmeticCoding"/>, 32-bit registers with E3 underflow handling, Witten, Neal &amp; Cleary 1987)
/// driven by the model through <see cref="CharacterSymbolModel"/>, which quantises with the library's rule and defines how a
/// character outside the alphabet is coded ("other" followed by its 16-bit UTF-16 code unit). The code length is
/// within a fraction of a bit per thousand characters of the model's cross-entropy (the quantisation loss) plus
/// two bits of termination.
/// </summary>
public static class ModelArithmeticCoder
{
    /// <summary>Encodes <paramref name="text"/> (starting from an empty history) with the model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="text">The text.</param>
    /// <param name="order">The model order to code with, 1..model.Order; 0 means the model's own order.</param>
    /// <returns>The code.</returns>
    public static ArithmeticCode Encode(CharacterLanguageModel model, string text, int order = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var symbols = new CharacterSymbolModel(model, order);
        var bits = ArithmeticCoding.Encode(symbols, symbols.CodedSymbols(text));
        return new ArithmeticCode(bits.Bytes, bits.BitCount, text.Length, symbols.Order);
    }

    /// <summary>Decodes <paramref name="code"/> back to its text with the same model.</summary>
    /// <param name="model">The model that encoded it.</param>
    /// <param name="code">The code.</param>
    /// <returns>The text.</returns>
    public static string Decode(CharacterLanguageModel model, ArithmeticCode code)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(code);
        if (code.Order < 1 || code.Order > model.Order)
        {
            throw new ArgumentException($"`code` must have been written with order 1..{model.Order}; got order {code.Order}.", nameof(code));
        }

        var decoder = new ArithmeticDecoder(new EncodedBits(code.Bytes, code.BitCount));
        return new CharacterSymbolModel(model, code.Order).DecodeText(decoder, code.CharacterCount);
    }
}

/// <summary>An arithmetic code: the bytes, the exact number of bits, and how many characters it holds.</summary>
/// <param name="Bytes">The bits, most significant first, zero-padded to whole bytes.</param>
/// <param name="BitCount">The code length in bits.</param>
/// <param name="CharacterCount">The characters encoded.</param>
/// <param name="Order">The model order it was coded with.</param>
public sealed record ArithmeticCode(byte[] Bytes, long BitCount, int CharacterCount, int Order)
{
    /// <summary>The code length in bits per character.</summary>
    public double BitsPerCharacter => CharacterCount == 0 ? 0 : (double)BitCount / CharacterCount;
}
