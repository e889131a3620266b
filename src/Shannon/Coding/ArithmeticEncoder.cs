namespace Shannon.Coding;

/// <summary>
/// An exact integer arithmetic coder (Witten, Neal &amp; Cleary 1987, "Arithmetic coding for data compression",
/// CACM 30(6)) with 32-bit low/high registers, 64-bit products and underflow ("bits to follow") handling.
/// Each symbol is coded against a cumulative frequency table supplied by the caller (see
/// <see cref="ArithmeticCoding"/>) or by an <see cref="ISymbolModel"/>, so a static, adaptive or context model can
/// drive it; this is the library's one arithmetic coder. The output length is
/// within about 2 + n * K / 2^30 bits of the ideal sum of -log2(f(s)/total) over the n coded symbols.
/// </summary>
public sealed class ArithmeticEncoder
{
    internal const ulong Top = 0xFFFF_FFFFUL;
    internal const ulong Half = 0x8000_0000UL;
    internal const ulong Quarter = 0x4000_0000UL;
    internal const ulong ThreeQuarters = Half + Quarter;

    private readonly BitWriter _writer = new();
    private ulong _low;
    private ulong _high = Top;
    private long _pending;
    private bool _finished;

    /// <summary>The number of symbols encoded so far.</summary>
    public long SymbolCount { get; private set; }

    /// <summary>Encodes one symbol with the model's cumulative table for this step.</summary>
    /// <param name="cumulative">c[0..K]: c[0] = 0, non-decreasing, total c[K] in [1, 2^30]; the symbol's frequency c[s+1] - c[s] must be &gt;= 1.</param>
    /// <param name="symbol">The symbol, in [0, K).</param>
    public void Encode(ReadOnlySpan<int> cumulative, int symbol) => Encode(cumulative, symbol, nameof(cumulative));

    /// <summary>Encodes one symbol with the model's table for this step (<see cref="ISymbolModel.Cumulative"/>), then advances the model past it.</summary>
    /// <param name="model">The model; the symbol's frequency in its table must be &gt;= 1.</param>
    /// <param name="symbol">The symbol, in [0, K).</param>
    public void Encode(ISymbolModel model, int symbol)
    {
        ArgumentNullException.ThrowIfNull(model);
        Encode(model.Cumulative(), symbol, nameof(model));
        model.Update(symbol);
    }

    /// <summary>Finishes the stream (two disambiguating bits plus any pending ones) and returns the bits. The encoder cannot be used afterwards.</summary>
    /// <returns>The code.</returns>
    public EncodedBits Finish()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The encoder was already finished.");
        }

        _finished = true;
        _pending++;
        Emit(_low < Quarter ? 0 : 1);
        return _writer.ToEncodedBits();
    }

    private void Encode(ReadOnlySpan<int> cumulative, int symbol, string tableName)
    {
        ArithmeticCoding.CheckTable(cumulative, symbol, tableName);
        EncodeRange((uint)cumulative[symbol], (uint)cumulative[symbol + 1], (uint)cumulative[^1]);
    }

    private void EncodeRange(uint cumulativeLow, uint cumulativeHigh, uint total)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The encoder was already finished.");
        }

        ulong range = _high - _low + 1;
        _high = _low + (range * cumulativeHigh / total) - 1;
        _low += range * cumulativeLow / total;
        while (true)
        {
            if (_high < Half)
            {
                Emit(0);
            }
            else if (_low >= Half)
            {
                Emit(1);
                _low -= Half;
                _high -= Half;
            }
            else if (_low >= Quarter && _high < ThreeQuarters)
            {
                _pending++;
                _low -= Quarter;
                _high -= Quarter;
            }
            else
            {
                break;
            }

            _low <<= 1;
            _high = (_high << 1) | 1;
        }

        SymbolCount++;
    }

    private void Emit(int bit)
    {
        _writer.Write(bit);
        for (; _pending > 0; _pending--)
        {
            _writer.Write(1 - bit);
        }
    }
}
