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

    /// <summary>The trigamma psi'(x) for x &gt; 0 (A&amp;S 6.4.12 after the recurrence).</summary>
    public static double Trigamma(double x)
    {
        double result = 0;
        while (x < 10)
        {
            result += 1 / (x * x);
            x += 1;
        }

        double r = 1 / (x * x);
        double series = 1 / x + r / 2 + (1 / x) * r * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30 - r * (5.0 / 66 - r * (691.0 / 2730 - r * (7.0 / 6)))))));
        return result + series;
    }

    /// <summary>ln Gamma(x + n) - ln Gamma(x) for x &gt; 0, n &gt;= 0: a sum of logs for small n, else ln-gamma differences.</summary>
    public static double LogRisingFactorial(double x, long n)
    {
        if (n <= 32)
        {
            double s = 0;
            for (long j = 0; j < n; j++)
            {
                s += Math.Log(x + j);
            }

            return s;
        }

        return MathNet.Numerics.SpecialFunctions.GammaLn(x + n) - MathNet.Numerics.SpecialFunctions.GammaLn(x);
    }
}
