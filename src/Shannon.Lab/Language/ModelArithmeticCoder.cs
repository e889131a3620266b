namespace Shannon.Lab.Language;

/// <summary>
/// An arithmetic coder driven by a <see cref="CharacterLanguageModel"/>, in exact integer arithmetic: 32-bit low/high
/// registers with E3 underflow handling (Witten, Neal &amp; Cleary 1987, "Arithmetic coding for data compression",
/// CACM 30(6)). At every step the model's next-symbol probabilities are quantised to integer frequencies
/// f_w = 1 + floor(p_w (2^24 - K)) for the K symbols (every symbol &gt;= 1, total &lt;= 2^24 &lt; 2^30), so the encoder
/// and the decoder build identical tables. A character outside the model's alphabet is coded as the "other" symbol
/// followed by its UTF-16 code unit at 16 bits. The code length is within a fraction of a bit per thousand
/// characters of the model's cross-entropy (the quantisation loss) plus two bits of termination.
/// </summary>
public static class ModelArithmeticCoder
{
    private const int FrequencyBits = 24;
    private const ulong Top = 0xFFFF_FFFFUL;
    private const ulong Half = 0x8000_0000UL;
    private const ulong Quarter = 0x4000_0000UL;

    /// <summary>Encodes <paramref name="text"/> (starting from an empty history) with the model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="text">The text.</param>
    /// <param name="order">The model order to code with, 1..model.Order; 0 means the model's own order.</param>
    /// <returns>The code.</returns>
    public static ArithmeticCode Encode(CharacterLanguageModel model, string text, int order = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        if (order < 0 || order > model.Order)
        {
            throw new ArgumentOutOfRangeException(nameof(order), $"`order` must be in 1..{model.Order} (the model's order) or 0; got {order}.");
        }

        int m = order == 0 ? model.Order : order;
        var bits = new BitWriter();
        ulong low = 0, high = Top;
        long pending = 0;
        var p = new double[model.SymbolCount];
        var cumulative = new long[model.SymbolCount + 1];
        var s = model.ToSymbols(text);
        ulong key = 0;
        ulong mask = m == 1 ? 0 : (1UL << (7 * (m - 1))) - 1;
        for (int i = 0; i < s.Length; i++)
        {
            model.SymbolDistribution(key, Math.Min(i, m - 1), m, p);
            long total = Quantise(p, cumulative);
            int sym = s[i];
            Encode(cumulative[sym], cumulative[sym + 1], total);
            if (sym == 0)
            {
                Encode(text[i], text[i] + 1L, 65536);
            }

            key = ((key << 7) | (uint)sym) & mask;
        }

        pending++;
        if (low < Quarter)
        {
            Emit(0);
        }
        else
        {
            Emit(1);
        }

        return new ArithmeticCode(bits.ToArray(), bits.Count, text.Length, m);

        void Encode(long cumLow, long cumHigh, long total)
        {
            ulong range = high - low + 1;
            high = low + (range * (ulong)cumHigh / (ulong)total) - 1;
            low += range * (ulong)cumLow / (ulong)total;
            while (true)
            {
                if (high < Half)
                {
                    Emit(0);
                }
                else if (low >= Half)
                {
                    Emit(1);
                    low -= Half;
                    high -= Half;
                }
                else if (low >= Quarter && high < Half + Quarter)
                {
                    pending++;
                    low -= Quarter;
                    high -= Quarter;
                }
                else
                {
                    break;
                }

                low <<= 1;
                high = (high << 1) | 1;
            }
        }

        void Emit(int bit)
        {
            bits.Write(bit);
            for (; pending > 0; pending--)
            {
                bits.Write(1 - bit);
            }
        }
    }

    /// <summary>Decodes <paramref name="code"/> back to its text with the same model.</summary>
    /// <param name="model">The model that encoded it.</param>
    /// <param name="code">The code.</param>
    /// <returns>The text.</returns>
    public static string Decode(CharacterLanguageModel model, ArithmeticCode code)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(code);
        int m = code.Order;
        if (m < 1 || m > model.Order)
        {
            throw new ArgumentException($"`code` must have been written with order 1..{model.Order}; got order {m}.", nameof(code));
        }

        var reader = new BitReader(code.Bytes, code.BitCount);
        ulong low = 0, high = Top, value = 0;
        for (int i = 0; i < 32; i++)
        {
            value = (value << 1) | (uint)reader.Read();
        }

        var p = new double[model.SymbolCount];
        var cumulative = new long[model.SymbolCount + 1];
        var chars = new char[code.CharacterCount];
        ulong key = 0;
        ulong mask = m == 1 ? 0 : (1UL << (7 * (m - 1))) - 1;
        for (int i = 0; i < chars.Length; i++)
        {
            model.SymbolDistribution(key, Math.Min(i, m - 1), m, p);
            long total = Quantise(p, cumulative);
            long target = Target(total);
            int sym = UpperBound(cumulative, target) - 1;
            Consume(cumulative[sym], cumulative[sym + 1], total);
            if (sym == 0)
            {
                long unit = Target(65536);
                Consume(unit, unit + 1, 65536);
                chars[i] = (char)unit;
            }
            else
            {
                chars[i] = model.Alphabet[sym - 1];
            }

            key = ((key << 7) | (uint)sym) & mask;
        }

        return new string(chars);

        long Target(long total)
        {
            ulong range = high - low + 1;
            return (long)((((value - low + 1) * (ulong)total) - 1) / range);
        }

        void Consume(long cumLow, long cumHigh, long total)
        {
            ulong range = high - low + 1;
            high = low + (range * (ulong)cumHigh / (ulong)total) - 1;
            low += range * (ulong)cumLow / (ulong)total;
            while (true)
            {
                if (high < Half)
                {
                }
                else if (low >= Half)
                {
                    low -= Half;
                    high -= Half;
                    value -= Half;
                }
                else if (low >= Quarter && high < Half + Quarter)
                {
                    low -= Quarter;
                    high -= Quarter;
                    value -= Quarter;
                }
                else
                {
                    break;
                }

                low <<= 1;
                high = (high << 1) | 1;
                value = (value << 1) | (uint)reader.Read();
            }
        }
    }

    /// <summary>Integer frequencies 1 + floor(p_w (2^24 - K)) as cumulative sums; returns the total.</summary>
    internal static long Quantise(ReadOnlySpan<double> p, Span<long> cumulative)
    {
        long budget = (1L << FrequencyBits) - p.Length;
        cumulative[0] = 0;
        for (int w = 0; w < p.Length; w++)
        {
            cumulative[w + 1] = cumulative[w] + 1 + (long)Math.Floor(p[w] * budget);
        }

        return cumulative[p.Length];
    }

    private static int UpperBound(ReadOnlySpan<long> cumulative, long target)
    {
        int lo = 0, hi = cumulative.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] <= target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private sealed class BitWriter
    {
        private byte[] _bytes = new byte[1024];

        public long Count { get; private set; }

        public void Write(int bit)
        {
            long byteIndex = Count >> 3;
            if (byteIndex == _bytes.Length)
            {
                Array.Resize(ref _bytes, _bytes.Length * 2);
            }

            if (bit != 0)
            {
                _bytes[byteIndex] |= (byte)(0x80 >> (int)(Count & 7));
            }

            Count++;
        }

        public byte[] ToArray() => _bytes.AsSpan(0, (int)((Count + 7) >> 3)).ToArray();
    }

    private sealed class BitReader(byte[] bytes, long count)
    {
        private long _position;

        public int Read()
        {
            long at = _position++;
            return at < count ? (bytes[at >> 3] >> (7 - (int)(at & 7))) & 1 : 0;
        }
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
