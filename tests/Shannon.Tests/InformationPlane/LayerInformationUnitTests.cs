using Shannon.Estimators.InformationPlane;

namespace Shannon.Tests.InformationPlane;

/// <summary>The information-plane estimators in the library: analytic points and the unit parameter.</summary>
public sealed class LayerInformationUnitTests
{
    // One unit, four samples whose activities fall in four different bins; labels 0, 0, 1, 1. T is a one-to-one
    // function of the 4 equiprobable inputs, so I(X;T) = H(T) = log2 4 = 2 bits, and I(T;Y) = H(Y) = 1 bit.
    private static readonly double[] Activity = [-0.9, -0.3, 0.3, 0.9];
    private static readonly int[] Labels = [0, 0, 1, 1];

    [Fact]
    public void BinningGivesTheAnalyticPointInEveryUnit()
    {
        var bits = LayerInformation.FixedRangeBinning(Activity, 1, Labels, InformationUnit.Bits);
        Assert.Equal(2.0, bits.MutualInformationXT, 12);
        Assert.Equal(1.0, bits.MutualInformationTY, 12);

        var nats = LayerInformation.FixedRangeBinning(Activity, 1, Labels, InformationUnit.Nats);
        Assert.Equal(2 * Math.Log(2), nats.MutualInformationXT, 12);
        Assert.Equal(Math.Log(2), nats.MutualInformationTY, 12);

        var hartleys = LayerInformation.FixedWidthBinning(Activity, 1, Labels, InformationUnit.Hartleys);
        Assert.Equal(Math.Log10(4), hartleys.MutualInformationXT, 12);
        Assert.Equal(Math.Log10(2), hartleys.MutualInformationTY, 12);
    }

    [Fact]
    public void KernelBoundIsTheSameQuantityInEveryUnit()
    {
        // Far-apart points and a small noise variance: every kernel between different points underflows, so the
        // bound reaches log 4 and log 2 (Kolchinsky & Tracey 2017, eq. 10 with K(i, j) = 0 for i != j).
        var bits = LayerInformation.KernelDensityUpperBound(Activity, 1, Labels, InformationUnit.Bits);
        var nats = LayerInformation.KernelDensityUpperBound(Activity, 1, Labels, InformationUnit.Nats);
        Assert.Equal(2.0, bits.MutualInformationXT, 9);
        Assert.Equal(1.0, bits.MutualInformationTY, 9);
        Assert.Equal(bits.MutualInformationXT * Math.Log(2), nats.MutualInformationXT, 12);
        Assert.Equal(bits.MutualInformationTY * Math.Log(2), nats.MutualInformationTY, 12);
    }
}
