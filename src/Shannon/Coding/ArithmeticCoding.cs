using System.Globalization;

namespace Shannon.Coding;

/// <summary>
/// Shared constants and table helpers of the arithmetic coder. A model drives the coder with a cumulative
/// frequency table per symbol: integers c[0] = 0 &lt;= c[1] &lt;= ... &lt;= c[K] = total, symbol s owning
/// [c[s], c[s+1]), i.e. probability (c[s+1] - c[s]) / total. The table may change from symbol to symbol
/// (adaptive or context models), as long as the decoder is given the same table at the same step; an
/// <see cref="ISymbolModel"/> packages such a sequence of tables, and <see cref="Encode"/> / <see cref="Decode"/>
/// code a whole sequence with it. Every path, fixed or model-driven, runs through the one
/// <see cref="ArithmeticEncoder"/> / <see cref="ArithmeticDecoder"/> pair.
/// </summary>
public static class ArithmeticCoding
{
    /// <summary>The largest table total the 32-bit coder accepts, 2^30: every symbol of frequency &gt;= 1 keeps a non-empty interval.</summary>
    public const int MaxTotal = 1 << 30;

    /// <summary>The cumulative table c[0..K] of integer frequencies (c[0] = 0, c[s+1] = c[s] + f[s]).</summary>
    /// <param name="frequencies">Frequencies &gt;= 0, one per symbol, with a total in [1, <see cref="MaxTotal"/>].</param>
    /// <returns>The cumulative table, length K + 1.</returns>
    public static int[] CumulativeFromFrequencies(ReadOnlySpan<long> frequencies)
    {
        if (frequencies.IsEmpty)
        {
            throw Preconditions.Error(nameof(frequencies), "non-empty", "an empty sequence");
        }

        var cumulative = new int[frequencies.Length + 1];
        long sum = 0;
        for (int s = 0; s < frequencies.Length; s++)
        {
            if (frequencies[s] < 0)
            {
                throw Preconditions.Error(nameof(frequencies), ">= 0 everywhere",
                    $"{frequencies[s].ToString(CultureInfo.InvariantCulture)} at index {s.ToString(CultureInfo.InvariantCulture)}");
            }

            sum += frequencies[s];
            if (sum > MaxTotal)
            {
                throw Preconditions.Error(nameof(frequencies), $"frequencies with a total <= {MaxTotal.ToString(CultureInfo.InvariantCulture)} (2^30)",
                    $"a running total of {sum.ToString(CultureInfo.InvariantCulture)} at index {s.ToString(CultureInfo.InvariantCulture)}",
                    "Scale the counts down, or use QuantizeProbabilities.");
            }

            cumulative[s + 1] = (int)sum;
        }

        if (sum == 0)
        {
            throw Preconditions.Error(nameof(frequencies), "a vector with a positive total", "all zeros");
        }

        return cumulative;
    }

    /// <summary>
    /// Turns model probabilities into a cumulative integer table of the given total: symbol s gets
    /// 1 + floor(p[s] (total - K)) counts and the most probable symbol also gets the counts the floors lost, so
    /// every symbol (even one with p = 0) stays codable and the total is exact. This is an explicit, documented
    /// quantisation: the coding cost of s is -log2(f[s] / total), not -log2 p[s]; the two differ by about
    /// log2(total / (total - K)) plus at most log2(1 + 1 / (p[s] (total - K))).
    /// </summary>
    /// <param name="probabilities">A probability vector.</param>
    /// <param name="total">The table total, in [2K, <see cref="MaxTotal"/>]; 2^16 to 2^24 are typical.</param>
    /// <returns>The cumulative table, length K + 1, ending in <paramref name="total"/>.</returns>
    public static int[] QuantizeProbabilities(ReadOnlySpan<double> probabilities, int total)
    {
        var cumulative = new int[probabilities.Length + 1];
        QuantizeProbabilities(probabilities, total, cumulative);
        return cumulative;
    }

    /// <summary>
    /// The same quantisation as <see cref="QuantizeProbabilities(ReadOnlySpan{double}, int)"/>, written into a
    /// caller's buffer so that a model can build a table per symbol without allocating (O(K)).
    /// </summary>
    /// <param name="probabilities">A probability vector.</param>
    /// <param name="total">The table total, in [2K, <see cref="MaxTotal"/>].</param>
    /// <param name="cumulative">Receives c[0..K]; its length must be K + 1.</param>
    public static void QuantizeProbabilities(ReadOnlySpan<double> probabilities, int total, Span<int> cumulative)
    {
        Preconditions.Probabilities(probabilities, nameof(probabilities));
        int k = probabilities.Length;
        if (total < 2L * k || total > MaxTotal)
        {
            throw Preconditions.OutOfRange(nameof(total), $"in [2K, 2^30] = [{(2L * k).ToString(CultureInfo.InvariantCulture)}, {MaxTotal.ToString(CultureInfo.InvariantCulture)}]",
                total.ToString(CultureInfo.InvariantCulture));
        }

        if (cumulative.Length != k + 1)
        {
            throw Preconditions.Error(nameof(cumulative), $"of length K + 1 = {(k + 1).ToString(CultureInfo.InvariantCulture)}",
                $"length {cumulative.Length.ToString(CultureInfo.InvariantCulture)}");
        }

        long spare = total - k;
        long sum = 0;
        int argmax = 0;
        cumulative[0] = 0;
        for (int s = 0; s < k; s++)
        {
            int frequency = 1 + (int)Math.Floor(probabilities[s] * spare);
            cumulative[s + 1] = frequency; // frequencies first, summed below
            sum += frequency;
            if (probabilities[s] > probabilities[argmax])
            {
                argmax = s;
            }
        }

        cumulative[argmax + 1] += (int)(total - sum); // the floors lose fewer than K counts; the likeliest symbol takes them
        for (int s = 0; s < k; s++)
        {
            cumulative[s + 1] += cumulative[s];
        }
    }

    /// <summary>
    /// Encodes a symbol sequence with a model (a fixed table, an adaptive or a context model): resets the model,
    /// then for each symbol codes it against <see cref="ISymbolModel.Cumulative"/> and calls
    /// <see cref="ISymbolModel.Update"/>. The length is within about 2 + n K / 2^30 bits of the sum of
    /// -log2(f(s) / total) over the tables the model gave (see <see cref="ArithmeticEncoder"/>).
    /// </summary>
    /// <param name="model">The model; it is reset first.</param>
    /// <param name="symbols">The symbols, each of frequency &gt;= 1 in its step's table.</param>
    /// <returns>The code.</returns>
    public static EncodedBits Encode(ISymbolModel model, ReadOnlySpan<int> symbols)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Reset();
        var encoder = new ArithmeticEncoder();
        foreach (int symbol in symbols)
        {
            encoder.Encode(model, symbol);
        }

        return encoder.Finish();
    }

    /// <summary>Decodes <paramref name="symbolCount"/> symbols written by <see cref="Encode"/> with the same model.</summary>
    /// <param name="model">The model that encoded them; it is reset first.</param>
    /// <param name="bits">The code.</param>
    /// <param name="symbolCount">How many symbols to decode, &gt;= 0.</param>
    /// <returns>The symbols.</returns>
    /// <exception cref="InvalidDataException">The bits do not fit the model's tables.</exception>
    public static int[] Decode(ISymbolModel model, EncodedBits bits, int symbolCount)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(bits);
        if (symbolCount < 0)
        {
            throw Preconditions.OutOfRange(nameof(symbolCount), ">= 0", symbolCount.ToString(CultureInfo.InvariantCulture));
        }

        model.Reset();
        var decoder = new ArithmeticDecoder(bits);
        var symbols = new int[symbolCount];
        for (int i = 0; i < symbols.Length; i++)
        {
            symbols[i] = decoder.Decode(model);
        }

        return symbols;
    }

    /// <summary>The symbol s with c[s] &lt;= target &lt; c[s+1] (binary search, O(log K)).</summary>
    /// <param name="cumulative">A cumulative table c[0..K].</param>
    /// <param name="target">A value in [0, c[K]).</param>
    /// <returns>The symbol.</returns>
    public static int FindSymbol(ReadOnlySpan<int> cumulative, int target)
    {
        int lo = 0, hi = cumulative.Length - 2;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (cumulative[mid] <= target)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    internal static void CheckTableShape(ReadOnlySpan<int> cumulative, string name)
    {
        if (cumulative.Length < 2 || cumulative[0] != 0)
        {
            throw Preconditions.Error(name, "a cumulative table c[0..K] with K >= 1 and c[0] = 0",
                cumulative.Length < 2 ? $"length {cumulative.Length.ToString(CultureInfo.InvariantCulture)}" : $"c[0] = {cumulative[0].ToString(CultureInfo.InvariantCulture)}");
        }

        int total = cumulative[^1];
        if (total < 1 || total > MaxTotal)
        {
            throw Preconditions.Error(name, "a table whose total c[K] is in [1, 2^30]", total.ToString(CultureInfo.InvariantCulture));
        }
    }

    internal static void CheckTable(ReadOnlySpan<int> cumulative, int symbol, string name)
    {
        CheckTableShape(cumulative, name);
        int total = cumulative[^1];

        if ((uint)symbol >= (uint)(cumulative.Length - 1))
        {
            throw Preconditions.OutOfRange("symbol", $"in [0, {(cumulative.Length - 1).ToString(CultureInfo.InvariantCulture)})", symbol.ToString(CultureInfo.InvariantCulture));
        }

        if (!(cumulative[symbol] < cumulative[symbol + 1]) || cumulative[symbol] < 0 || cumulative[symbol + 1] > total)
        {
            throw Preconditions.Error(name, "a non-decreasing table in which the coded symbol has frequency >= 1",
                $"c[{symbol.ToString(CultureInfo.InvariantCulture)}] = {cumulative[symbol].ToString(CultureInfo.InvariantCulture)}, c[{(symbol + 1).ToString(CultureInfo.InvariantCulture)}] = {cumulative[symbol + 1].ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
