using Shannon.Estimators.Continuous;

namespace Shannon.Tests.Continuous;

/// <summary>
/// Binned MI guard rails (issue 13, item 6): a bin rule derived for MI, and warnings when the cells outnumber the samples
/// or the Miller-Madow correction is a large share of the estimate.
/// </summary>
public class BinnedGuardRailTests
{
    private static (double[] X, double[] Y) Independent(int n)
    {
        var random = new Random(21);
        double[] x = Enumerable.Range(0, n).Select(_ => ColumnStatistics.StandardNormal(random)).ToArray();
        double[] y = Enumerable.Range(0, n).Select(_ => ColumnStatistics.StandardNormal(random)).ToArray();
        return (x, y);
    }

    [Theory]
    // Hacine-Gharbi et al. 2012, eq. 17, by hand: N = 2000, r = 0: sqrt((1 + sqrt(48001)) / 2) = 10.49 -> 10;
    // r = 0.9: sqrt((1 + sqrt(24 * 2000 / 0.19)) / 2) = 15.87 -> 16; N = 100, r = 0: sqrt((1 + sqrt(2401)) / 2) = 5.
    [InlineData(2000, 0.0, 10)]
    [InlineData(2000, 0.9, 16)]
    [InlineData(100, 0.0, 5)]
    [InlineData(100, 1.0, 10)] // r = +-1: the cap, floor(sqrt(N))
    public void HacineGharbiBinCounts(int n, double r, int expected) => Assert.Equal(expected, BinCountRules.HacineGharbi(n, r));

    [Fact]
    public void DensityRuleOnIndependentColumnsWarnsAndTheMiRuleDoesNotInflate()
    {
        // Issue 13: Freedman-Diaconis picked 36 x 33 bins for N = 2000 and reported 0.245 bits for independent columns
        // with no warning.
        var (x, y) = Independent(2000);
        var fd = new BinnedMutualInformationEstimator(BinningOptions.Default).Estimate(x, y, InformationUnit.Bits);
        Assert.True(fd.BinCount > 25);
        Assert.True(fd.Value > 0.15); // mostly bias: (Bx - 1)(By - 1)/(2N ln 2) bits
        // 36 x 33 = 1188 cells do not outnumber 2000 samples, but the Miller-Madow correction is 57% of the estimate.
        Assert.Contains(fd.Warnings, w => w.Contains("Miller-Madow", StringComparison.Ordinal));
        var fifty = new BinnedMutualInformationEstimator(new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = 50 }).Estimate(x, y, InformationUnit.Bits);
        Assert.Contains(fifty.Warnings, w => w.Contains("2500 cells for 2000 samples: the cells outnumber the samples", StringComparison.Ordinal));

        var mi = new BinnedMutualInformationEstimator().Estimate(x, y, InformationUnit.Bits);
        Assert.Equal(10, mi.BinCount);
        // Plug-in bias under independence: (10 - 1)^2 / (2 N ln 2) = 0.029 bits; chi-square sd sqrt(2 * 81) / (2 N ln 2) = 0.005.
        Assert.InRange(mi.Value, 0.029 - 0.02, 0.029 + 0.02);
        Assert.DoesNotContain(mi.Warnings, w => w.Contains("cells outnumber", StringComparison.Ordinal));
        Assert.Contains(mi.Warnings, w => w.Contains("Miller-Madow", StringComparison.Ordinal)); // the value is all bias here, and it says so
    }

    [Fact]
    public void DependentColumnsWithTheMiRuleCarryNoBiasWarning()
    {
        var random = new Random(4);
        double[] x = Enumerable.Range(0, 2000).Select(_ => ColumnStatistics.StandardNormal(random)).ToArray();
        double[] y = x.Select(v => 0.8 * v + 0.6 * ColumnStatistics.StandardNormal(random)).ToArray();
        var estimate = new BinnedMutualInformationEstimator().Estimate(x, y, InformationUnit.Nats);
        Assert.Empty(estimate.Warnings);
        Assert.InRange(estimate.Value, 0.4, 0.55); // truth -ln(1 - 0.64)/2 = 0.511; 13 bins underestimate a little
    }
}
