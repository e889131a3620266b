using System.Globalization;
using System.Text;

namespace Shannon.Coding;

/// <summary>
/// A binary Huffman code (Huffman 1952) for symbols 0..K-1 with given weights, in canonical form: codeword
/// lengths come from Huffman's merge of the two lightest subtrees, and codewords are assigned in order of
/// (length, symbol), so the code is determined by its lengths. The expected length L satisfies
/// H(P) &lt;= L &lt; H(P) + 1 bit (Cover &amp; Thomas 2006, theorem 5.8.1), and L is minimal among prefix codes.
/// Symbols of weight zero get no codeword. Ties between equal weights are broken by creation order, so the
/// code is deterministic. Building is O(K log K); encoding O(total bits).
/// </summary>
public sealed class HuffmanCode
{
    /// <summary>The longest codeword this implementation stores (bits in a ulong).</summary>
    public const int MaxCodewordLength = 64;

    private readonly int[] _lengths;
    private readonly ulong[] _codewords;

    // Canonical decoding tables, indexed by length 1..maxLength.
    private readonly ulong[] _firstCode;
    private readonly int[] _countOfLength;
    private readonly int[] _firstIndex;
    private readonly int[] _symbolsByCode;

    private HuffmanCode(int[] lengths)
    {
        _lengths = lengths;
        int maxLength = lengths.Max();
        _countOfLength = new int[maxLength + 1];
        foreach (int l in lengths)
        {
            if (l > 0)
            {
                _countOfLength[l]++;
            }
        }

        _symbolsByCode = Enumerable.Range(0, lengths.Length).Where(s => lengths[s] > 0)
            .OrderBy(s => lengths[s]).ThenBy(s => s).ToArray();
        _firstCode = new ulong[maxLength + 2];
        _firstIndex = new int[maxLength + 2];
        ulong code = 0;
        int index = 0;
        for (int l = 1; l <= maxLength; l++)
        {
            _firstCode[l] = code;
            _firstIndex[l] = index;
            code = (code + (ulong)_countOfLength[l]) << 1;
            index += _countOfLength[l];
        }

        _codewords = new ulong[lengths.Length];
        var next = (ulong[])_firstCode.Clone();
        foreach (int s in _symbolsByCode)
        {
            _codewords[s] = next[lengths[s]]++;
        }
    }

    /// <summary>The number of symbols K (including those of weight zero).</summary>
    public int SymbolCount => _lengths.Length;

    /// <summary>Builds the Huffman code of the given weights (counts or probabilities; only their ratios matter).</summary>
    /// <param name="weights">Finite weights &gt;= 0 with a positive total, one per symbol.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentException">A weight is negative, NaN or infinite, or all are zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The weights are so skewed that a codeword would exceed 64 bits.</exception>
    public static HuffmanCode FromWeights(ReadOnlySpan<double> weights)
    {
        Preconditions.Weights(weights, nameof(weights));
        int k = weights.Length;
        var lengths = new int[k];
        var used = new List<int>();
        for (int s = 0; s < k; s++)
        {
            if (weights[s] > 0)
            {
                used.Add(s);
            }
        }

        if (used.Count == 1)
        {
            lengths[used[0]] = 1; // A one-symbol source still needs one bit per symbol to be decodable as a stream.
            return new HuffmanCode(lengths);
        }

        // Nodes 0..k-1 are leaves; internal nodes follow. Priority (weight, creation order) breaks ties deterministically.
        var parent = new int[k + used.Count];
        Array.Fill(parent, -1);
        var queue = new PriorityQueue<int, (double Weight, int Order)>();
        foreach (int s in used)
        {
            queue.Enqueue(s, (weights[s], s));
        }

        int nextNode = k;
        while (queue.Count > 1)
        {
            queue.TryDequeue(out int a, out var pa);
            queue.TryDequeue(out int b, out var pb);
            parent[a] = nextNode;
            parent[b] = nextNode;
            queue.Enqueue(nextNode, (pa.Weight + pb.Weight, nextNode));
            nextNode++;
        }

        foreach (int s in used)
        {
            int depth = 0;
            for (int n = s; parent[n] >= 0; n = parent[n])
            {
                depth++;
            }

            if (depth > MaxCodewordLength)
            {
                throw Preconditions.OutOfRange(nameof(weights), $"weights whose Huffman codewords fit in {MaxCodewordLength} bits",
                    $"a codeword of {depth} bits for symbol {s}");
            }

            lengths[s] = depth;
        }

        return new HuffmanCode(lengths);
    }

    /// <summary>The codeword length of a symbol in bits (0 when its weight was zero).</summary>
    /// <param name="symbol">The symbol, in [0, K).</param>
    /// <returns>The length.</returns>
    public int Length(int symbol)
    {
        CheckSymbol(symbol, nameof(symbol));
        return _lengths[symbol];
    }

    /// <summary>All codeword lengths, one per symbol (0 for symbols of weight zero).</summary>
    /// <returns>A copy of the lengths.</returns>
    public int[] Lengths() => (int[])_lengths.Clone();

    /// <summary>The codeword of a symbol as a string of '0' and '1' (empty when its weight was zero).</summary>
    /// <param name="symbol">The symbol, in [0, K).</param>
    /// <returns>The codeword.</returns>
    public string Codeword(int symbol)
    {
        CheckSymbol(symbol, nameof(symbol));
        var sb = new StringBuilder(_lengths[symbol]);
        for (int i = _lengths[symbol] - 1; i >= 0; i--)
        {
            sb.Append(((_codewords[symbol] >> i) & 1) == 1 ? '1' : '0');
        }

        return sb.ToString();
    }

    /// <summary>The Kraft sum over coded symbols, sum 2^-l(s); exactly 1 for a Huffman code of two or more symbols (a complete tree).</summary>
    /// <returns>The sum.</returns>
    public double KraftSum()
    {
        double sum = 0;
        foreach (int l in _lengths)
        {
            if (l > 0)
            {
                sum += Math.ScaleB(1.0, -l);
            }
        }

        return sum;
    }

    /// <summary>The expected codeword length sum p(s) l(s), in bits per symbol.</summary>
    /// <param name="probabilities">A probability vector with one entry per symbol; symbols without a codeword must have probability 0.</param>
    /// <returns>The expected length in bits.</returns>
    public double AverageLength(ReadOnlySpan<double> probabilities)
    {
        Preconditions.Probabilities(probabilities, nameof(probabilities));
        Preconditions.SameLength(probabilities.Length, _lengths.Length, nameof(probabilities), "the code's symbols");
        double sum = 0;
        for (int s = 0; s < probabilities.Length; s++)
        {
            if (probabilities[s] > 0 && _lengths[s] == 0)
            {
                throw Preconditions.Error(nameof(probabilities), "zero on symbols without a codeword",
                    $"{Preconditions.Format(probabilities[s])} at index {s}");
            }

            sum += probabilities[s] * _lengths[s];
        }

        return sum;
    }

    /// <summary>Encodes a sequence of symbols by concatenating their codewords.</summary>
    /// <param name="symbols">Symbols that have codewords.</param>
    /// <returns>The bits.</returns>
    public EncodedBits Encode(ReadOnlySpan<int> symbols)
    {
        var writer = new BitWriter();
        for (int i = 0; i < symbols.Length; i++)
        {
            int s = symbols[i];
            if ((uint)s >= (uint)_lengths.Length || _lengths[s] == 0)
            {
                throw Preconditions.Error(nameof(symbols), "symbols that have a codeword",
                    $"{s.ToString(CultureInfo.InvariantCulture)} at index {i.ToString(CultureInfo.InvariantCulture)}");
            }

            writer.Write(_codewords[s], _lengths[s]);
        }

        return writer.ToEncodedBits();
    }

    /// <summary>Decodes <paramref name="count"/> symbols from bits written by <see cref="Encode"/>.</summary>
    /// <param name="bits">The bits.</param>
    /// <param name="count">How many symbols to decode.</param>
    /// <returns>The symbols.</returns>
    /// <exception cref="InvalidDataException">The bits end before <paramref name="count"/> symbols are decoded.</exception>
    public int[] Decode(EncodedBits bits, int count)
    {
        ArgumentNullException.ThrowIfNull(bits);
        if (count < 0)
        {
            throw Preconditions.OutOfRange(nameof(count), ">= 0", count.ToString(CultureInfo.InvariantCulture));
        }

        var reader = new BitReader(bits);
        var result = new int[count];
        int maxLength = _countOfLength.Length - 1;
        for (int i = 0; i < count; i++)
        {
            ulong code = 0;
            int length = 0;
            while (true)
            {
                if (reader.AtEnd || length == maxLength)
                {
                    throw new InvalidDataException($"The bits hold no valid codeword at symbol {i} (bit {reader.Position}).");
                }

                code = (code << 1) | (uint)reader.Read();
                length++;
                ulong offset = code - _firstCode[length];
                if (code >= _firstCode[length] && offset < (ulong)_countOfLength[length])
                {
                    result[i] = _symbolsByCode[_firstIndex[length] + (int)offset];
                    break;
                }
            }
        }

        return result;
    }

    private void CheckSymbol(int symbol, string name)
    {
        if ((uint)symbol >= (uint)_lengths.Length)
        {
            throw Preconditions.OutOfRange(name, $"in [0, {_lengths.Length})", symbol.ToString(CultureInfo.InvariantCulture));
        }
    }
}
