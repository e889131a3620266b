namespace Shannon;

/// <summary>
/// The digamma function psi(x) = d/dx ln Gamma(x), to about 1e-15 relative accuracy for x > 0:
/// the recurrence psi(x) = psi(x + 1) - 1/x up to x >= 10, then the asymptotic series
/// ln x - 1/(2x) - sum B_2n / (2n x^2n) through B_14 (Abramowitz and Stegun 6.3.18), whose first omitted
/// term is below 5e-17 at x = 10. Integer arguments up to <see cref="TableSize"/> come from a table built
/// with the same formula.
/// </summary>
internal static class Digamma
{
    /// <summary>Integer arguments 1..TableSize-1 are tabulated.</summary>
    public const int TableSize = 4096;

    private static readonly double[] IntegerTable = BuildTable();

    /// <summary>psi(x) for a finite x; NaN at the poles 0, -1, -2, ...</summary>
    public static double Of(double x)
    {
        if (x <= 0)
        {
            if (x == Math.Floor(x))
            {
                return double.NaN;
            }

            // Reflection: psi(1 - x) - psi(x) = pi cot(pi x).
            return Of(1 - x) - Math.PI / Math.Tan(Math.PI * x);
        }

        double result = 0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }

        double f = 1 / (x * x);
        double series = f * (-1.0 / 12 + f * (1.0 / 120 + f * (-1.0 / 252 + f * (1.0 / 240
            + f * (-1.0 / 132 + f * (691.0 / 32760 + f * (-1.0 / 12)))))));
        return result + Math.Log(x) - 0.5 / x + series;
    }

    /// <summary>psi(n) for an integer n >= 1 (table lookup below <see cref="TableSize"/>).</summary>
    public static double OfInteger(int n) => (uint)n < TableSize ? IntegerTable[n] : Of(n);

    private static double[] BuildTable()
    {
        var table = new double[TableSize];
        table[0] = double.NaN;
        for (int n = 1; n < TableSize; n++)
        {
            table[n] = Of(n);
        }

        return table;
    }
}
