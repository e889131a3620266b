namespace Shannon.Lab.Models;

/// <summary>
/// The VAE's data: a mixture of <c>components</c> equally weighted 2-D Gaussians with means evenly spaced on a circle
/// (a standard toy for generative models), generated here with a fixed seed, feature-major (x of all points, then y).
/// </summary>
public static class RingMixture
{
    /// <summary>The circle's radius. The mixture's variance per coordinate is Radius^2 / 2 + StdDev^2.</summary>
    public const double Radius = 2;

    /// <summary>Each component's standard deviation per coordinate.</summary>
    public const double StdDev = 0.15;

    /// <summary>Draws <paramref name="count"/> points and their components.</summary>
    /// <param name="count">The number of points, &gt;= 1.</param>
    /// <param name="components">The number of components, &gt;= 1.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>Feature-major points (2 * count values) and each point's component.</returns>
    public static (double[] Points, int[] Components) Draw(int count, int components, int seed)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"`count` must be >= 1; got {count}.");
        }

        if (components < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(components), $"`components` must be >= 1; got {components}.");
        }

        var random = new Random(seed);
        var noise = Distributions.Gaussian.WithMeanStdDev(0, StdDev);
        var points = new double[2 * count];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int k = random.Next(components);
            double angle = 2 * Math.PI * k / components;
            labels[i] = k;
            points[i] = (Radius * Math.Cos(angle)) + noise.Sample(random);
            points[count + i] = (Radius * Math.Sin(angle)) + noise.Sample(random);
        }

        return (points, labels);
    }
}
