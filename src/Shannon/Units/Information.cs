using System.Globalization;

namespace Shannon;

/// <summary>
/// An amount of information together with its unit. Every exact measure returns one, so a number never
/// travels without the base of its logarithm.
/// </summary>
/// <param name="Value">The amount, in <paramref name="Unit"/>. May be +infinity (e.g. KL when Q misses P's support).</param>
/// <param name="Unit">The unit of <paramref name="Value"/>.</param>
public readonly record struct Information(double Value, InformationUnit Unit)
{
    /// <summary>Builds an amount from a value in nats, converted to <paramref name="unit"/>.</summary>
    /// <param name="nats">The amount in nats.</param>
    /// <param name="unit">The unit to hold it in.</param>
    /// <returns>The amount in <paramref name="unit"/>.</returns>
    public static Information FromNats(double nats, InformationUnit unit) =>
        new(InformationUnits.FromNats(nats, unit), unit);

    /// <summary>The amount in nats.</summary>
    public double Nats => InformationUnits.ToNats(Value, Unit);

    /// <summary>The amount in bits.</summary>
    public double Bits => InformationUnits.Convert(Value, Unit, InformationUnit.Bits);

    /// <summary>The amount in hartleys.</summary>
    public double Hartleys => InformationUnits.Convert(Value, Unit, InformationUnit.Hartleys);

    /// <summary>The same amount in another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The converted amount.</returns>
    public Information To(InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        return new(InformationUnits.Convert(Value, Unit, unit), unit);
    }

    /// <summary>The value followed by the unit's name, e.g. "1.5 bits" (round-trip precision).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Value.ToString("R", CultureInfo.InvariantCulture) + " " + InformationUnits.Name(Unit);
}
