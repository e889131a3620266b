using CsCheck;
using Shannon.Estimators.InformationPlane;
using Shannon.Lab.Models;

namespace Shannon.Lab.Tests;

/// <summary>The data-processing inequality inside quantised networks (issue 18).</summary>
public class DataProcessingTests
{
    [Fact]
    public void EveryLayerHoldsNoMoreAboutTheInputThanTheOneBefore()
    {
        // Property: a quantised network is a chain of functions on finite sets, so H(T_(l+1)) <= H(T_l) exactly, for any
        // weights, path and bottleneck (Cover & Thomas 2006, theorem 2.8.1 with T_(l+1) = f(T_l)). 512 patterns keep it fast.
        var x = InformationPlaneData.Inputs();
        var y = InformationPlaneData.Labels();
        const int n = 512;
        var sub = new double[12 * n];
        for (int u = 0; u < 12; u++)
        {
            Array.Copy(x, u * InformationPlaneData.Count, sub, u * n, n);
        }

        var labels = y[..n];
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 4], Gen.Bool, Gen.Double[0.5, 5]).Sample((seed, rank, residual, gain) =>
        {
            var options = new QuantisedNetworkOptions { Depth = 6, BottleneckLayer = 3, BottleneckRank = rank, Path = residual ? NetworkPath.Residual : NetworkPath.Plain, Gain = gain, Seed = seed };
            var (layers, units, _) = QuantisedNetwork.Run(options, sub, n);
            double previous = Math.Log2(n), previousY = 0.9;
            for (int l = 0; l < layers.Length; l++)
            {
                var p = LayerInformation.FixedWidthBinning(layers[l], units[l], labels, InformationUnit.Bits, options.BinWidth);
                Assert.True(p.MutualInformationXT <= previous + 1e-12, $"layer {l + 1}: {p.MutualInformationXT} > {previous}");
                Assert.True(p.MutualInformationTY <= p.MutualInformationXT + 1e-12);
                previous = p.MutualInformationXT;
                if (l > 0)
                {
                    Assert.True(p.MutualInformationTY <= previousY + 1e-12);
                }

                previousY = p.MutualInformationTY;
            }
        }, iter: 25);
    }

    [Fact]
    public void APlainBottleneckHoldsAtMostRTimesLog2ThirtyBits()
    {
        // r tanh units on a grid of width 2/30 take at most 30 values each: H(code) <= r log2 30 (counting).
        var x = InformationPlaneData.Inputs();
        var y = InformationPlaneData.Labels();
        foreach (int r in new[] { 1, 2 })
        {
            var options = new QuantisedNetworkOptions { Depth = 3, BottleneckLayer = 2, BottleneckRank = r, Seed = 7 };
            var (layers, units, code) = QuantisedNetwork.Run(options, x, InformationPlaneData.Count);
            Assert.Null(code);
            Assert.Equal(r, units[1]);
            Assert.True(LayerInformation.FixedWidthBinning(layers[1], r, y, InformationUnit.Bits, options.BinWidth).MutualInformationXT <= (r * Math.Log2(30)) + 1e-12);
        }

        // Residual: the same rank-1 code sits in the branch; the block's output keeps (nearly) all 12 bits.
        var res = new QuantisedNetworkOptions { Depth = 3, BottleneckLayer = 2, BottleneckRank = 1, Path = NetworkPath.Residual, Seed = 7 };
        var (rl, ru, rcode) = QuantisedNetwork.Run(res, x, InformationPlaneData.Count);
        Assert.NotNull(rcode);
        Assert.True(LayerInformation.FixedWidthBinning(rcode, 1, y, InformationUnit.Bits, res.BinWidth).MutualInformationXT <= Math.Log2(30) + 1e-12);
        Assert.True(LayerInformation.FixedWidthBinning(rl[1], ru[1], y, InformationUnit.Bits, res.BinWidth).MutualInformationXT > 11);
    }

    [Fact]
    public void RejectsABottleneckOutsideTheNetwork()
    {
        var options = new QuantisedNetworkOptions { Depth = 3, BottleneckLayer = 5, BottleneckRank = 1 };
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => QuantisedNetwork.Run(options, new double[12], 1)).ParamName);
    }
}

/// <summary>The data-processing section of the quick lab.</summary>
[Collection("quick lab")]
public class DataProcessingExperimentTests(QuickLabFixture lab)
{
    [Fact]
    public void NoLayerBreaksTheInequalityAndTheSkipBypassesTheBottleneck()
    {
        Assert.Equal(0, lab.Number("data-processing", "dpi_violations"));
        // H(Y) of the labelling rule: 2006 positives of 4096 (tools/reference/bottleneck_labels.py, numpy 1.24).
        Assert.Equal(0.9996966013350423, lab.Number("data-processing", "i_xy_bits"), 13);
        Assert.Equal(12.0, lab.Number("data-processing", "h_x_bits"));
        Assert.True(lab.Number("data-processing", "plain_rank1_ixt_layer6_bits") <= Math.Log2(30) + 1e-12);
        Assert.True(lab.Number("data-processing", "residual_rank1_ixt_layer6_bits") > lab.Number("data-processing", "plain_rank1_ixt_layer6_bits") + 5);
        Assert.True(lab.Number("data-processing", "plain_ixt_layer12_bits") <= lab.Number("data-processing", "plain_ixt_layer1_bits"));
    }
}
