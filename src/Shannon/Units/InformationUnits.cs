namespace Shannon;

/// <summary>
/// Conversions between <see cref="InformationUnit"/> values. Shannon computes in nats and converts once,
/// on return, with these functions.
/// </summary>
public static class InformationUnits
{
    /// <summary>ln 2: the number of nats in one bit.</summary>
    public const double NatsPerBit = 0.69314718055994530941723212145818;

    /// <summary>ln 10: the number of nats in one hartley.</summary>
    public const double NatsPerHartley = 2.3025850929940456840179914546844;

    /// <summary>The number of nats in one <paramref name="unit"/> (ln b for logarithm base b).</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>1 for nats, ln 2 for bits, ln 10 for hartleys.</returns>
    public static double NatsPer(InformationUnit unit) => unit switch
    {
        InformationUnit.Nats => 1.0,
        InformationUnit.Bits => NatsPerBit,
        InformationUnit.Hartleys => NatsPerHartley,
        _ => throw Preconditions.InvalidUnit(unit, nameof(unit)),
    };

    /// <summary>Converts an amount in nats to <paramref name="unit"/>.</summary>
    /// <param name="nats">The amount in nats; any value, infinities included, is converted as is.</param>
    /// <param name="unit">The target unit.</param>
    /// <returns>The same amount expressed in <paramref name="unit"/>.</returns>
    public static double FromNats(double nats, InformationUnit unit) =>
        unit == InformationUnit.Nats ? nats : nats / NatsPer(unit);

    /// <summary>Converts an amount in <paramref name="unit"/> to nats.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="unit">The unit it is expressed in.</param>
    /// <returns>The same amount in nats.</returns>
    public static double ToNats(double value, InformationUnit unit) =>
        unit == InformationUnit.Nats ? value : value * NatsPer(unit);

    /// <summary>Converts an amount from one unit to another.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="from">The unit it is expressed in.</param>
    /// <param name="to">The unit wanted.</param>
    /// <returns>The same amount in <paramref name="to"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined unit (named <c>from</c> or <c>to</c>; before, an undefined
    /// unit was named <c>unit</c>, or passed through when both were the same).</exception>
    public static double Convert(double value, InformationUnit from, InformationUnit to)
    {
        Preconditions.Unit(from, nameof(from));
        Preconditions.Unit(to, nameof(to));
        return from == to ? value : FromNats(ToNats(value, from), to);
    }

    /// <summary>The short lower-case name used in output: "bits", "nats" or "hartleys".</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The name.</returns>
    public static string Name(InformationUnit unit) => unit switch
    {
        InformationUnit.Bits => "bits",
        InformationUnit.Nats => "nats",
        InformationUnit.Hartleys => "hartleys",
        _ => throw Preconditions.InvalidUnit(unit, nameof(unit)),
    };

    /// <summary>Parses "bits", "nats" or "hartleys" (also "bit", "nat", "hartley", "ban", "shannons"), ignoring case.</summary>
    /// <param name="text">The name.</param>
    /// <param name="unit">The unit, when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? text, out InformationUnit unit)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "bit" or "bits" or "shannon" or "shannons":
                unit = InformationUnit.Bits;
                return true;
            case "nat" or "nats":
                unit = InformationUnit.Nats;
                return true;
            case "hartley" or "hartleys" or "ban" or "bans" or "dit" or "dits":
                unit = InformationUnit.Hartleys;
                return true;
            default:
                unit = default;
                return false;
        }
    }
}
