namespace Shannon.Coding;

/// <summary>
/// A model that drives the arithmetic coder: before each symbol it gives the cumulative frequency table of the
/// next symbol (see <see cref="ArithmeticCoding"/>), after it it learns which symbol was coded. This is the
/// start_model / update_model interface of Witten, Neal &amp; Cleary (1987, CACM 30(6)): a static distribution
/// (<see cref="FixedSymbolModel"/>), an adaptive count model or a context model such as a language model all fit it.
/// </summary>
/// <remarks>
/// The encoder and the decoder must see the same table at the same step, so the table may depend only on the
/// symbols coded since the last <see cref="Reset"/>. <see cref="ArithmeticCoding.Encode"/> and
/// <see cref="ArithmeticCoding.Decode"/> call <see cref="Reset"/> before they start; a model instance codes one
/// sequence at a time (it is not thread-safe unless it is stateless).
/// </remarks>
public interface ISymbolModel
{
    /// <summary>Returns the model to its state before the first symbol.</summary>
    void Reset();

    /// <summary>
    /// The cumulative table c[0..K] for the next symbol: c[0] = 0, non-decreasing, total c[K] in
    /// [1, <see cref="ArithmeticCoding.MaxTotal"/>]; symbol s owns [c[s], c[s+1]). K may change from step to step.
    /// The span may point into the model's own buffer: it is read before the next call on the model.
    /// </summary>
    /// <returns>The table.</returns>
    ReadOnlySpan<int> Cumulative();

    /// <summary>Advances the model past <paramref name="symbol"/>, the symbol just coded with the table of <see cref="Cumulative"/>.</summary>
    /// <param name="symbol">The coded symbol, in [0, K).</param>
    void Update(int symbol);
}
