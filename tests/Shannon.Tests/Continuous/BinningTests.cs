using Shannon.Estimators.Continuous;

namespace Shannon.Tests.Continuous;

/// <summary>The one binning: numpy's edges and searchsorted bins (moved here from the lab's own equal-width bins).</summary>
public sealed class BinningTests
{
    private static BinningOptions EqualWidth(int bins) => new() { Rule = BinningRule.EqualWidth, BinCount = bins };

    [Fact]
    public void EqualWidthBinsPutTheMaximumInTheLastBin()
    {
        // numpy.histogram_bin_edges([0, 0.9, 1.5, 2.1, 3], 3) = [0, 1, 2, 3]; searchsorted(side="right") - 1 with the
        // maximum in the last bin, as numpy.histogram counts it.
        Assert.Equal([0, 0, 1, 2, 2], Binning.Codes([0.0, 0.9, 1.5, 2.1, 3.0], EqualWidth(3)));
        Assert.Equal([0, 0, 0], Binning.Codes([2.0, 2.0, 2.0], EqualWidth(4))); // constant data: one bin
    }

    [Fact]
    public void EdgesAreNumpyLinspace()
    {
        // numpy.linspace(-1, 2, 4) = [-1, 0, 1, 2]; numpy.linspace(0, 1, 4)[1] = 0.25.
        Assert.Equal([-1.0, 0, 1, 2], Binning.EqualWidthEdges(-1, 2, 3));
        Assert.Equal(0.25, Binning.EqualWidthEdges(0, 1, 4)[1]);
    }

    [Theory]
    // Freedman & Diaconis (1981): width 2 IQR n^(-1/3). r = 0, 0.5, ..., 29.5 (n = 60): IQR 14.75, width 7.52,
    // bins ceil(29.5 / 7.52) = 4 (numpy.histogram_bin_edges(r, "fd") has 5 edges).
    [InlineData(29.5, 14.75, 60, 4)]
    // A zero IQR: numpy's "fd" width is 0 and numpy falls back to one bin.
    [InlineData(1.0, 0.0, 100, 1)]
    public void FreedmanDiaconisIsNumpys(double range, double iqr, long n, int expected) =>
        Assert.Equal(expected, Binning.FreedmanDiaconisBinCount(range, iqr, n));
}
