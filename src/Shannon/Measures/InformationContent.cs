namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// The information content (surprisal, self-information) of an outcome of probability p: -log p.
    /// Range [0, +infinity]; p = 0 gives +infinity. O(1). Cover &amp; Thomas (2006), sec. 2.1.
    /// </summary>
    /// <param name="probability">p in [0, 1].</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>-log p.</returns>
    public static Information InformationContent(double probability, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.InRange(probability, 0, 1, nameof(probability));
        return Information.FromNats(probability == 0 ? double.PositiveInfinity : -Math.Log(probability), unit);
    }
}
