namespace Shannon;

/// <summary>
/// Pointwise (local) values of an averaged measure: one value per outcome, with the probability that
/// weights it, such that the weighted mean of the values is the measure itself (Lizier's local
/// information dynamics; JIDT's "local" values). Outcomes of weight zero carry the formula's value where
/// it is defined (e.g. +infinity for the surprisal of an impossible outcome) and are skipped by <see cref="Mean"/>.
/// </summary>
public sealed class LocalInformation
{
    private readonly double[] _values;
    private readonly double[] _weights;

    internal LocalInformation(double[] valuesInNats, double[] weights, InformationUnit unit)
    {
        double scale = InformationUnits.NatsPer(unit);
        for (int i = 0; i < valuesInNats.Length; i++)
        {
            valuesInNats[i] /= scale;
        }

        _values = valuesInNats;
        _weights = weights;
        Unit = unit;
    }

    /// <summary>The local value of each outcome, in <see cref="Unit"/>, in the outcome order of the input.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The probability of each outcome under which the mean is taken.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <summary>The unit of <see cref="Values"/>.</summary>
    public InformationUnit Unit { get; }

    /// <summary>The number of outcomes.</summary>
    public int Count => _values.Length;

    /// <summary>The weighted mean, sum of w_i v_i over outcomes of positive weight: the averaged measure.</summary>
    /// <returns>The mean with its unit.</returns>
    public Information Mean()
    {
        double sum = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            if (_weights[i] > 0)
            {
                sum += _weights[i] * _values[i];
            }
        }

        return new Information(sum, Unit);
    }
}
