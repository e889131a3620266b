namespace Shannon.Lab;

/// <summary>Sample summaries shared by the lab's experiments and the explorer: Pearson's r (bins are the library's <see cref="Shannon.Estimators.Continuous.Binning"/>).</summary>
public static class SampleStatistics
{
    /// <summary>Pearson's sample correlation (two-pass).</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample, the same length.</param>
    /// <returns>r in [-1, 1].</returns>
    /// <exception cref="ArgumentException">A constant sample, which has no correlation.</exception>
    public static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = 0, my = 0;
        for (int i = 0; i < x.Length; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= x.Length;
        my /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0 || syy == 0)
        {
            throw new ArgumentException("A constant column has no correlation; the Gaussian estimate needs both columns to vary.", nameof(x));
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
