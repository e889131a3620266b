using CsCheck;
using Shannon.Lab.Report;

namespace Shannon.Lab.Tests;

/// <summary>The information diagram's geometry (one implementation, used by the lab's figure and the explorer's panel).</summary>
public sealed class VennGeometryTests
{
    [Fact]
    public void LensArea_ClosedForms()
    {
        // Two unit circles at distance 0 overlap fully (area pi); at distance 2 they touch (area 0).
        Assert.Equal(Math.PI, VennGeometry.LensArea(1, 1, 0), 12);
        Assert.Equal(0.0, VennGeometry.LensArea(1, 1, 2));
        // Equal unit circles at distance 1: 2 acos(1/2) - (1/2) sqrt(3) = 2 pi / 3 - sqrt(3) / 2 (analytic).
        Assert.Equal((2 * Math.PI / 3) - (Math.Sqrt(3) / 2), VennGeometry.LensArea(1, 1, 1), 12);
        Assert.Equal(1.2283696986087567, VennGeometry.LensArea(1, 1, 1), 1e-14); // tools/reference/web_panels.py
        Assert.Equal(Math.PI, VennGeometry.LensArea(1, 2, 0.5), 1e-14); // the small disc inside the large one
        Assert.Equal(0.0, VennGeometry.LensArea(1, 2, 3));
    }

    [Theory]
    // tools/reference/venn_thin_lens.py: unit discs d = 2 - 2^-k apart, 60-digit decimal arithmetic.
    [InlineData(7, 0.0009201722867104144)]
    [InlineData(20, 1.2417633440027922e-09)]
    [InlineData(34, 5.921189464641652e-16)]
    [InlineData(40, 1.1564823173177926e-18)]
    public void LensArea_ThinLens_KeepsItsRelativeAccuracy(int k, double expected)
    {
        // The arccos form lost this (a 1e-18 lens came out with an absolute error near 1e-9, so a tiny I(X;Y) was drawn
        // with the wrong overlap; CsCheck seed c9WKAiSh1H51 found it). 1e-9 relative: the delta^(3/2) area amplifies
        // the rounding of the chord's factors about 1.5 times.
        double area = VennGeometry.LensArea(1, 1, 2 - Math.Pow(2, -k));
        Assert.True(Math.Abs(area - expected) <= 1e-9 * expected, $"k = {k}: {area:R} against {expected:R}");
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(1.0, 1.0, 0.278)]
    [InlineData(1.5, 0.7, 0.7)]
    [InlineData(2.0, 0.5, 0.01)]
    public void Solve_OverlapEqualsTheMutualInformation(double hx, double hy, double mi)
    {
        var c = VennGeometry.Solve(hx, hy, mi);
        Assert.Equal(hx, Math.PI * c.RadiusX * c.RadiusX, 1e-12);
        Assert.Equal(hy, Math.PI * c.RadiusY * c.RadiusY, 1e-12);
        Assert.Equal(mi, c.OverlapArea, 1e-12);
        Assert.Equal(mi, VennGeometry.LensArea(c.RadiusX, c.RadiusY, c.Distance), 1e-12);
        double d = VennGeometry.Solve(Math.PI * 0.49, Math.PI * 0.25, 0.3).Distance; // radii 0.7 and 0.5
        Assert.Equal(0.3, VennGeometry.LensArea(0.7, 0.5, d), 12);
    }

    [Fact]
    public void Solve_TheFailingThinCase_IsDrawnToScale()
    {
        // The triple CsCheck found (seed c9WKAiSh1H51): H(X) = 3.04447763815574, H(Y) = 2.4, I = 3.952e-19 * 2.4. The
        // arccos form drew it with an overlap off by more than 1e-9; to scale means off by far less than a pixel's area.
        // (The distance is bisected to 1e-15 relative, so a lens this thin is exact to about 1e-3 of itself.)
        double mi = 3.952e-19 * 2.4;
        var c = VennGeometry.Solve(3.04447763815574, 2.4, mi);
        Assert.True(Math.Abs(c.OverlapArea - mi) <= 1e-15, $"{c.OverlapArea:R} against {mi:R}");
    }

    [Fact]
    public void Solve_AnyFeasibleTriple_IsDrawnToScale() =>
        // Any H(X), H(Y) > 0 and 0 <= I <= min(H(X), H(Y)), including I a vanishing fraction of the smaller entropy:
        // areas and overlap come out exact (bisection to 1e-15 relative in the distance).
        Gen.Select(Gen.Double[0.01, 5], Gen.Double[0.01, 5], Gen.OneOf(Gen.Double[0, 1], Gen.Double[1e-20, 1e-6])).Sample((hx, hy, f) =>
        {
            double mi = f * Math.Min(hx, hy);
            var c = VennGeometry.Solve(hx, hy, mi);
            return Math.Abs(c.OverlapArea - mi) <= 1e-9 * Math.Max(1, mi)
                && Math.Abs(Math.PI * c.RadiusX * c.RadiusX - hx) <= 1e-12 * hx
                && c.Distance >= Math.Abs(c.RadiusX - c.RadiusY) - 1e-12 && c.Distance <= c.RadiusX + c.RadiusY + 1e-12;
        }, iter: 2000, seed: "c9WKAiSh1H51");
}
