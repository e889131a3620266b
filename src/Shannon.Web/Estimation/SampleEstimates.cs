namespace Shannon.Web.Estimation;

/// <summary>
/// The estimates the explorer computes from samples, each a thin composition of the library's exact measures:
/// the binned (plug-in on an equal-width grid) mutual information and the Gaussian (from Pearson's r) one.
/// </summary>
internal static class SampleEstimates
{
    /// <summary>
    /// Plug-in mutual information of x and y after binning each into <paramref name="binCount"/> equal-width bins over
    /// its own range: the counts go to <see cref="JointDistribution.FromCounts"/> and <see cref="Measures.MutualInformation(JointDistribution, InformationUnit)"/>.
    /// Biased upwards by about (B-1)^2 / (2N ln 2) bits for independent data (Miller 1955).
    /// </summary>
    public static Information BinnedMutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int binCount, InformationUnit unit)
    {
        var bx = Bin(x, binCount);
        var by = Bin(y, binCount);
        var counts = new double[binCount * binCount];
        for (int i = 0; i < bx.Length; i++)
        {
            counts[(bx[i] * binCount) + by[i]]++;
        }

        return Measures.MutualInformation(JointDistribution.FromCounts(counts, binCount, binCount), unit);
    }

    /// <summary>
    /// The Gaussian estimate: Pearson's r of the sample put into I = -1/2 ln(1 - r^2)
    /// (<see cref="Measures.GaussianMutualInformation(double, InformationUnit)"/>). Exact in the limit for Gaussian data,
    /// a lower bound on I for any joint law with that correlation.
    /// </summary>
    public static Information GaussianMutualInformation(ReadOnlySpan<double> x, ReadOnlySpan<double> y, InformationUnit unit) =>
        Measures.GaussianMutualInformation(Math.Clamp(Correlation(x, y), -1, 1), unit);

    /// <summary>Pearson's sample correlation (two-pass).</summary>
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

    /// <summary>Equal-width bin codes 0..binCount-1 over the sample's range (a constant sample is one bin).</summary>
    public static int[] Bin(ReadOnlySpan<double> values, int binCount)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        var codes = new int[values.Length];
        double width = (hi - lo) / binCount;
        for (int i = 0; i < values.Length; i++)
        {
            codes[i] = width > 0 ? Math.Min(binCount - 1, (int)((values[i] - lo) / width)) : 0;
        }

        return codes;
    }
}
