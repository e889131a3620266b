namespace Shannon;

/// <summary>
/// Neumaier's compensated (Kahan-Babuska) summation: the rounding error of each addition is carried and added back at
/// the end, so a sum of n terms is exact to a few units in the last place instead of growing as n eps (Neumaier 1974,
/// "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen", ZAMM 54). Used where the last digits
/// matter: the entropy of a uniform distribution over 10^6 outcomes is log(10^6) to the last digit with it, and off
/// by 1e-11 relative without.
/// </summary>
internal struct CompensatedSum
{
    private double _sum;
    private double _compensation;

    /// <summary>The sum so far, with the carried error added back.</summary>
    public readonly double Value => double.IsFinite(_sum) ? _sum + _compensation : _sum;

    /// <summary>Adds a term.</summary>
    public void Add(double value)
    {
        double t = _sum + value;
        if (double.IsFinite(t))
        {
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        }

        _sum = t;
    }
}
