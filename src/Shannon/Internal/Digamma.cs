namespace Shannon;

/// <summary>
/// The digamma psi(x) and trigamma psi'(x) functions for x &gt; 0: recurrence up to x &gt;= 10, then the asymptotic
/// (Bernoulli) series (Abramowitz &amp; Stegun 6.3.18 and 6.4.12), truncated where the next term is below 1e-16.
/// </summary>
internal static class Digamma
{
    public static double Psi(double x)
    {
        double result = 0;
        while (x < 10)
        {
            result -= 1 / x;
            x += 1;
        }

        double r = 1 / (x * x);
        double series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132 - r * (691.0 / 32760 - r * (1.0 / 12)))))));
        return result + Math.Log(x) - 0.5 / x - series;
    }

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
