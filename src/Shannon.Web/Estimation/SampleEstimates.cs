namespace Shannon.Web.Estimation;

/// <summary>
/// Sample summaries the page shows beside the library's estimates: Pearson's r (a caption) and the equal-width bin
/// codes that turn a real CSV column into symbols for the discrete estimators.
/// </summary>
internal static class SampleEstimates
{
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
