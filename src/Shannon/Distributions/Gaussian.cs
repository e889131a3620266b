namespace Shannon.Distributions;

/// <summary>A univariate normal distribution N(mean, stdDev^2), immutable and validated.</summary>
public sealed class Gaussian
{
    private Gaussian(double mean, double stdDev)
    {
        Mean = mean;
        StdDev = stdDev;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation, &gt; 0.</summary>
    public double StdDev { get; }

    /// <summary>The variance, StdDev^2.</summary>
    public double Variance => StdDev * StdDev;

    /// <summary>N(mean, stdDev^2).</summary>
    /// <param name="mean">A finite mean.</param>
    /// <param name="stdDev">A finite standard deviation &gt; 0.</param>
    /// <returns>The distribution.</returns>
    public static Gaussian WithMeanStdDev(double mean, double stdDev)
    {
        Preconditions.Finite(mean, nameof(mean));
        Preconditions.PositiveFinite(stdDev, nameof(stdDev));
        return new Gaussian(mean, stdDev);
    }

    /// <summary>N(mean, variance).</summary>
    /// <param name="mean">A finite mean.</param>
    /// <param name="variance">A finite variance &gt; 0.</param>
    /// <returns>The distribution.</returns>
    public static Gaussian WithMeanVariance(double mean, double variance)
    {
        Preconditions.Finite(mean, nameof(mean));
        Preconditions.PositiveFinite(variance, nameof(variance));
        return new Gaussian(mean, Math.Sqrt(variance));
    }

    /// <summary>The log density at <paramref name="x"/>, in nats.</summary>
    /// <param name="x">The point.</param>
    /// <returns>ln p(x).</returns>
    public double LogDensity(double x)
    {
        double z = (x - Mean) / StdDev;
        return (-0.5 * z * z) - Math.Log(StdDev) - (0.5 * Math.Log(2 * Math.PI));
    }

    /// <summary>The density at <paramref name="x"/>.</summary>
    /// <param name="x">The point.</param>
    /// <returns>p(x).</returns>
    public double Density(double x) => Math.Exp(LogDensity(x));

    /// <summary>Draws one value by the Box-Muller transform.</summary>
    /// <param name="random">The source of randomness.</param>
    /// <returns>A sample.</returns>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Mean + (StdDev * StandardNormal(random));
    }

    internal static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
