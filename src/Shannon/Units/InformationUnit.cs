namespace Shannon;

/// <summary>
/// The unit an amount of information is expressed in: the base of the logarithm.
/// There is deliberately no zero member, so a default value can never pass as a unit.
/// </summary>
public enum InformationUnit
{
    /// <summary>Logarithm base 2 (shannons).</summary>
    Bits = 1,

    /// <summary>Natural logarithm, base e.</summary>
    Nats = 2,

    /// <summary>Logarithm base 10 (bans, dits).</summary>
    Hartleys = 3,
}
