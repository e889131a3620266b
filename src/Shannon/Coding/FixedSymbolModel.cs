namespace Shannon.Coding;

/// <summary>
/// A static (memoryless) model: the same cumulative frequency table before every symbol, so
/// <see cref="Update"/> and <see cref="Reset"/> do nothing and one instance may be shared. The code length of a
/// sequence is about the sum of -log2(f(s) / total) over its symbols, i.e. n times the cross-entropy of the symbol
/// frequencies against the table.
/// </summary>
public sealed class FixedSymbolModel : ISymbolModel
{
    private readonly int[] _cumulative;

    private FixedSymbolModel(int[] cumulative) => _cumulative = cumulative;

    /// <summary>The number of symbols K.</summary>
    public int SymbolCount => _cumulative.Length - 1;

    /// <summary>The table total c[K].</summary>
    public int Total => _cumulative[^1];

    /// <summary>A model with integer frequencies (see <see cref="ArithmeticCoding.CumulativeFromFrequencies"/>).</summary>
    /// <param name="frequencies">Frequencies &gt;= 0, one per symbol, with a total in [1, <see cref="ArithmeticCoding.MaxTotal"/>]; a symbol of frequency 0 cannot be coded.</param>
    /// <returns>The model.</returns>
    public static FixedSymbolModel FromFrequencies(ReadOnlySpan<long> frequencies) =>
        new(ArithmeticCoding.CumulativeFromFrequencies(frequencies));

    /// <summary>A model with probabilities quantised to a table of the given total (see <see cref="ArithmeticCoding.QuantizeProbabilities(ReadOnlySpan{double}, int)"/>).</summary>
    /// <param name="probabilities">A probability vector; every symbol stays codable.</param>
    /// <param name="total">The table total, in [2K, <see cref="ArithmeticCoding.MaxTotal"/>].</param>
    /// <returns>The model.</returns>
    public static FixedSymbolModel FromProbabilities(ReadOnlySpan<double> probabilities, int total) =>
        new(ArithmeticCoding.QuantizeProbabilities(probabilities, total));

    /// <inheritdoc/>
    public void Reset()
    {
    }

    /// <inheritdoc/>
    public ReadOnlySpan<int> Cumulative() => _cumulative;

    /// <inheritdoc/>
    public void Update(int symbol)
    {
    }
}
