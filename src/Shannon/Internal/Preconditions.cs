using System.Globalization;

namespace Shannon;

/// <summary>
/// Every argument check of the library, so that every error reads the same way (<see cref="ArgumentErrors"/>):
/// "`{name}` must be {constraint}; got {value}." with the index of a bad element and a hint where one helps.
/// </summary>
internal static partial class Preconditions
{
    /// <summary>How far from 1 the sum of a probability vector may be (absolute).</summary>
    public const double ProbabilitySumTolerance = 1e-9;

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static ArgumentException Error(string name, string constraint, string got, string? hint = null) =>
        ArgumentErrors.Error(name, constraint, got, hint);

    public static string Message(string name, string constraint, string got, string? hint = null) =>
        ArgumentErrors.Message(name, constraint, got, hint);

    public static ArgumentOutOfRangeException OutOfRange(string name, string constraint, string got, string? hint = null) =>
        ArgumentErrors.OutOfRange(name, constraint, got, hint);

    public static ArgumentOutOfRangeException InvalidUnit(InformationUnit unit, string name) => ArgumentErrors.InvalidUnit(unit, name);

    public static void Unit(InformationUnit unit, string name)
    {
        if (unit is not (InformationUnit.Bits or InformationUnit.Nats or InformationUnit.Hartleys))
        {
            throw InvalidUnit(unit, name);
        }
    }

    public static void NotEmpty(ReadOnlySpan<double> values, string name)
    {
        if (values.IsEmpty)
        {
            throw Error(name, "non-empty", "an empty sequence");
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw OutOfRange(name, "a finite number", Format(value));
        }
    }

    public static void PositiveFinite(double value, string name, string? hint = null)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw OutOfRange(name, "a finite number > 0", Format(value), hint);
        }
    }

    public static void NonNegativeFinite(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw OutOfRange(name, "a finite number >= 0", Format(value));
        }
    }

    public static void AtLeast(double value, double minimum, string name, string? hint = null)
    {
        if (!(value >= minimum) || !double.IsFinite(value))
        {
            throw OutOfRange(name, $"a finite number >= {Format(minimum)}", Format(value), hint);
        }
    }

    public static void InRange(double value, double minimum, double maximum, string name)
    {
        if (!(value >= minimum && value <= maximum))
        {
            throw OutOfRange(name, $"in [{Format(minimum)}, {Format(maximum)}]", Format(value));
        }
    }

    public static void Positive(int value, string name, string? hint = null)
    {
        if (value <= 0)
        {
            throw OutOfRange(name, ">= 1", value.ToString(CultureInfo.InvariantCulture), hint);
        }
    }

    public static void AtMost(int value, int maximum, string name, string? hint = null)
    {
        if (value > maximum)
        {
            throw OutOfRange(name, $"<= {maximum.ToString(CultureInfo.InvariantCulture)}", value.ToString(CultureInfo.InvariantCulture), hint);
        }
    }

    public static void AllFinite(ReadOnlySpan<double> values, string name)
    {
        NotEmpty(values, name);
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw Error(name, "finite everywhere", $"{Format(values[i])} at index {i}");
            }
        }
    }

    /// <summary>Checks a probability vector: non-empty, finite, non-negative, summing to 1 within the tolerance.</summary>
    public static void Probabilities(ReadOnlySpan<double> probabilities, string name)
    {
        NotEmpty(probabilities, name);
        var sum = default(CompensatedSum);
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0) || !double.IsFinite(p))
            {
                throw Error(name, "a probability vector with finite entries >= 0", $"{Format(p)} at index {i}");
            }
        }

        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (p > 1 + ProbabilitySumTolerance)
            {
                // Checked before summing: entries of 1e308 would otherwise overflow the sum to infinity (and NaN).
                throw Error(name, $"a probability vector with entries in [0, 1] (tolerance {Format(ProbabilitySumTolerance)})", $"{Format(p)} at index {i}",
                    "Normalise explicitly (e.g. Categorical.FromCounts or FromWeights) if these are counts or weights.");
            }

            sum.Add(p);
        }

        // Written so that a NaN sum fails the test too.
        if (!(Math.Abs(sum.Value - 1.0) <= ProbabilitySumTolerance))
        {
            throw Error(
                name,
                $"a probability vector summing to 1 (tolerance {Format(ProbabilitySumTolerance)})",
                $"a sum of {Format(sum.Value)}",
                "Normalise explicitly (e.g. Categorical.FromCounts or FromWeights) if these are counts or weights.");
        }
    }

    /// <summary>Checks counts or weights: non-empty, finite, non-negative, with a positive total.</summary>
    public static double Weights(ReadOnlySpan<double> weights, string name)
    {
        NotEmpty(weights, name);
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            double w = weights[i];
            if (!(w >= 0) || !double.IsFinite(w))
            {
                throw Error(name, "finite and >= 0 everywhere", $"{Format(w)} at index {i}");
            }

            sum += w;
        }

        if (!(sum > 0))
        {
            throw Error(name, "a vector with a positive total", "all zeros");
        }

        if (double.IsInfinity(sum))
        {
            throw Error(name, "a vector whose total is finite", "a total that overflows");
        }

        return sum;
    }

    /// <summary>Adds a count to a running total of counts, refusing a total beyond <see cref="long.MaxValue"/>.</summary>
    public static long AddCount(long total, long count, string name)
    {
        long t = unchecked(total + count);
        if (t < total)
        {
            throw Error(name, $"counts whose total fits in a 64-bit integer (at most {long.MaxValue.ToString(CultureInfo.InvariantCulture)})",
                "a total that overflows");
        }

        return t;
    }

    public static void SameLength(int length, int otherLength, string name, string otherName)
    {
        if (length != otherLength)
        {
            throw Error(name, $"the same length as `{otherName}` ({otherLength})",
                $"length {length}");
        }
    }

    public static void Temperature(double temperature, string name = "temperature")
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw OutOfRange(name, "a finite number > 0", Format(temperature),
                "Use a small positive temperature (e.g. 1e-6) for the argmax limit and a large one for the uniform limit.");
        }
    }
}
