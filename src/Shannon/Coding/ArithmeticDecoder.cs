using System.Globalization;

namespace Shannon.Coding;

/// <summary>
/// Decodes the bits of an <see cref="ArithmeticEncoder"/>. The caller supplies, step by step, the same
/// cumulative tables the encoder saw (directly or through the same <see cref="ISymbolModel"/>), and must know how many symbols to decode (or code an end symbol).
/// </summary>
public sealed class ArithmeticDecoder
{
    private readonly BitReader _reader;
    private ulong _low;
    private ulong _high = ArithmeticEncoder.Top;
    private ulong _value;

    /// <summary>Starts decoding <paramref name="bits"/>.</summary>
    /// <param name="bits">The encoder's output.</param>
    public ArithmeticDecoder(EncodedBits bits)
    {
        ArgumentNullException.ThrowIfNull(bits);
        _reader = new BitReader(bits);
        for (int i = 0; i < 32; i++)
        {
            _value = (_value << 1) | (uint)_reader.Read();
        }
    }

    /// <summary>Decodes one symbol with the model's cumulative table for this step.</summary>
    /// <param name="cumulative">The table the encoder used at this step.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="InvalidDataException">The bits do not fit the table (corrupt data or a different model).</exception>
    public int Decode(ReadOnlySpan<int> cumulative) => Decode(cumulative, nameof(cumulative));

    /// <summary>Decodes one symbol with the model's table for this step (<see cref="ISymbolModel.Cumulative"/>), then advances the model past it.</summary>
    /// <param name="model">The model, in the state the encoder's model was in at this step.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="InvalidDataException">The bits do not fit the table (corrupt data or a different model).</exception>
    public int Decode(ISymbolModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        int symbol = Decode(model.Cumulative(), nameof(model));
        model.Update(symbol);
        return symbol;
    }

    private int Decode(ReadOnlySpan<int> cumulative, string tableName)
    {
        ArithmeticCoding.CheckTableShape(cumulative, tableName);
        uint total = (uint)cumulative[^1];
        ulong range = _high - _low + 1;
        ulong target = ((((_value - _low) + 1) * total) - 1) / range;
        if (target >= total)
        {
            throw new InvalidDataException($"The code value lies outside the table (target {target.ToString(CultureInfo.InvariantCulture)} >= total {total.ToString(CultureInfo.InvariantCulture)}).");
        }

        int symbol = ArithmeticCoding.FindSymbol(cumulative, (int)target);
        if (!(cumulative[symbol] <= (int)target && (int)target < cumulative[symbol + 1]))
        {
            throw Preconditions.Error(tableName, "a non-decreasing cumulative table",
                $"no symbol owning the value {target.ToString(CultureInfo.InvariantCulture)}");
        }

        ulong cumulativeLow = (uint)cumulative[symbol];
        ulong cumulativeHigh = (uint)cumulative[symbol + 1];
        _high = _low + (range * cumulativeHigh / total) - 1;
        _low += range * cumulativeLow / total;
        while (true)
        {
            if (_high < ArithmeticEncoder.Half)
            {
                // nothing to subtract
            }
            else if (_low >= ArithmeticEncoder.Half)
            {
                _value -= ArithmeticEncoder.Half;
                _low -= ArithmeticEncoder.Half;
                _high -= ArithmeticEncoder.Half;
            }
            else if (_low >= ArithmeticEncoder.Quarter && _high < ArithmeticEncoder.ThreeQuarters)
            {
                _value -= ArithmeticEncoder.Quarter;
                _low -= ArithmeticEncoder.Quarter;
                _high -= ArithmeticEncoder.Quarter;
            }
            else
            {
                break;
            }

            _low <<= 1;
            _high = (_high << 1) | 1;
            _value = (_value << 1) | (uint)_reader.Read();
        }

        return symbol;
    }
}
