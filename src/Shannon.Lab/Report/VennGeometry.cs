namespace Shannon.Lab.Report;

/// <summary>
/// The information diagram drawn to scale: two discs whose areas are H(X) and H(Y) (r = sqrt(H / pi)) and whose
/// overlap (a lens) has area I(X;Y). The one place both the lab's Venn figure and the explorer's Venn panel get their
/// geometry from.
/// </summary>
public static class VennGeometry
{
    /// <summary>Two discs: their radii, the distance between their centres and the area of their overlap.</summary>
    /// <param name="RadiusX">The radius of the first disc.</param>
    /// <param name="RadiusY">The radius of the second disc.</param>
    /// <param name="Distance">The distance between the centres.</param>
    /// <param name="OverlapArea">The area of the lens where the discs overlap, as drawn.</param>
    public readonly record struct Circles(double RadiusX, double RadiusY, double Distance, double OverlapArea);

    /// <summary>
    /// The discs of areas <paramref name="areaX"/> and <paramref name="areaY"/> placed so that their overlap has area
    /// <paramref name="overlap"/>: the centre distance is found by bisection, since the lens area falls strictly as the
    /// distance grows from |r1 - r2| (one disc inside the other) to r1 + r2 (the discs touch). An overlap of zero or
    /// less puts the discs side by side; one at least the smaller disc's area puts the smaller inside the larger.
    /// </summary>
    public static Circles Solve(double areaX, double areaY, double overlap)
    {
        double r1 = Math.Sqrt(Math.Max(areaX, 0) / Math.PI);
        double r2 = Math.Sqrt(Math.Max(areaY, 0) / Math.PI);
        double lo = Math.Abs(r1 - r2), hi = r1 + r2;
        if (overlap <= 0 || r1 == 0 || r2 == 0)
        {
            return new Circles(r1, r2, hi, 0);
        }

        if (overlap >= LensArea(r1, r2, lo))
        {
            return new Circles(r1, r2, lo, LensArea(r1, r2, lo));
        }

        for (int i = 0; i < 200 && hi - lo > 1e-15 * (r1 + r2); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (LensArea(r1, r2, mid) > overlap)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double d = 0.5 * (lo + hi);
        return new Circles(r1, r2, d, LensArea(r1, r2, d));
    }

    /// <summary>
    /// The area of the intersection of two discs of radii <paramref name="r1"/> and <paramref name="r2"/> whose centres
    /// are <paramref name="d"/> apart: the sum of two circular segments r^2 (theta - sin theta cos theta), with each
    /// half-angle theta from atan2(half chord, distance to the chord) and theta - sin theta cos theta by its Taylor series
    /// when theta is small, so a thin lens keeps its relative accuracy (the arccos form loses it as the discs part).
    /// </summary>
    public static double LensArea(double r1, double r2, double d)
    {
        if (d >= r1 + r2)
        {
            return 0;
        }

        if (d <= Math.Abs(r1 - r2))
        {
            double r = Math.Min(r1, r2);
            return Math.PI * r * r;
        }

        // Each factor is positive inside the range, so the product keeps its relative accuracy (Heron-like form).
        double k = (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2);
        double halfChord = Math.Sqrt(k) / (2 * d);
        double x1 = ((d * d) + (r1 * r1) - (r2 * r2)) / (2 * d); // signed distance from centre 1 to the chord
        double x2 = d - x1;
        return (r1 * r1 * Segment(Math.Atan2(halfChord, x1))) + (r2 * r2 * Segment(Math.Atan2(halfChord, x2)));
    }

    /// <summary>theta - sin(theta) cos(theta) = (t - sin t) / 2 with t = 2 theta, the unit circle's segment area.</summary>
    private static double Segment(double theta)
    {
        double t = 2 * theta;
        if (t >= 0.25)
        {
            return 0.5 * (t - Math.Sin(t));
        }

        // t - sin t = t^3/3! - t^5/5! + ... ; below 0.25 the terms after t^13 are under 1e-18 of the sum.
        double t2 = t * t;
        double series = 1.0 / 6 - (t2 * (1.0 / 120 - (t2 * (1.0 / 5040 - (t2 * (1.0 / 362880 - (t2 * (1.0 / 39916800 - (t2 / 6227020800)))))))));
        return 0.5 * t * t2 * series;
    }
}
