using Shannon.Estimators.InformationPlane;
using Shannon.Lab.Experiments;
using Shannon.Lab.Models;
using Shannon.Lab.Report;

namespace Shannon.Lab.Tests.Bottleneck;

public class LayerInformationTests
{
    // H(Y) of the labelling rule: 2006 positives of 4096 (tools/reference/bottleneck_labels.py, numpy 1.24).
    private const double LabelEntropyBits = 0.9996966013350423;

    [Fact]
    public void LabellingRuleMatchesTheReferenceScriptAndIsSymmetric()
    {
        var y = InformationPlaneData.Labels();
        Assert.Equal(2006, y.Sum());
        // tools/reference/bottleneck_labels.py: labels of patterns 0..15.
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1], y[..16]);
        for (int n = 0; n < 4096; n++)
        {
            Assert.Equal(y[n], y[4095 - n]); // flipping every bit leaves Q(s) unchanged
        }
    }

    [Fact]
    public void BinningAnIdentityLayerGivesHX()
    {
        var x = InformationPlaneData.Inputs();
        var y = InformationPlaneData.Labels();
        // T = X: every pattern is its own bin, so I(X;T) = H(X) = 12 bits and I(T;Y) = H(Y) (exact counts).
        foreach (var p in new[] { LayerInformation.FixedRangeBinning(x, 12, y, InformationUnit.Bits), LayerInformation.FixedWidthBinning(x, 12, y, InformationUnit.Bits) })
        {
            Assert.Equal(12.0, p.MutualInformationXT, 1e-12);
            Assert.Equal(LabelEntropyBits, p.MutualInformationTY, 1e-12);
        }

        // KDE: distinct patterns are >= 1 apart, so each kernel is exp(-1/0.002) ~ 1e-217 and the bound is 12 bits.
        var k = LayerInformation.KernelDensityUpperBound(x, 12, y, InformationUnit.Bits);
        Assert.Equal(12.0, k.MutualInformationXT, 1e-9);
        Assert.Equal(LabelEntropyBits, k.MutualInformationTY, 1e-9);
    }

    [Fact]
    public void AConstantLayerCarriesNoInformation()
    {
        var y = InformationPlaneData.Labels();
        var constant = Enumerable.Repeat(0.3, 3 * 4096).ToArray();
        foreach (var p in new[] { LayerInformation.FixedRangeBinning(constant, 3, y, InformationUnit.Bits), LayerInformation.FixedWidthBinning(constant, 3, y, InformationUnit.Bits) })
        {
            Assert.Equal(0.0, p.MutualInformationXT, 1e-12);
            Assert.Equal(0.0, p.MutualInformationTY, 1e-12);
        }

        // KDE: every kernel is 1; the column sums are accumulated in single precision (4096 terms, relative error
        // ~ 4096 * 6e-8 / 2), so 1e-6 bits.
        var k = LayerInformation.KernelDensityUpperBound(constant, 3, y, InformationUnit.Bits);
        Assert.Equal(0.0, k.MutualInformationXT, 1e-6);
        Assert.Equal(0.0, k.MutualInformationTY, 1e-6);
    }

    [Fact]
    public void KernelDensityBoundMatchesTheScipyReference()
    {
        // tools/reference/bottleneck_kde.py (numpy 1.24, scipy 1.10 logsumexp, double precision): n = 300, d = 3,
        // t[u][i] = 0.05 sin(0.37 (u + 1) i + u), label 1 where t[0][i] > 0, s2 = 1e-3. Kernels from 1 down to
        // about e^-15, so no pair is cut off; the sums here are in single precision (1e-5 bits).
        int n = 300, d = 3;
        var activity = new double[d * n];
        var labels = new int[n];
        for (int u = 0; u < d; u++)
        {
            for (int i = 0; i < n; i++)
            {
                activity[(u * n) + i] = 0.05 * Math.Sin((0.37 * (u + 1) * i) + u);
            }
        }

        for (int i = 0; i < n; i++)
        {
            labels[i] = activity[i] > 0 ? 1 : 0;
        }

        var p = LayerInformation.KernelDensityUpperBound(activity, d, labels, InformationUnit.Bits);
        Assert.Equal(2.5396578933982727, p.MutualInformationXT, 1e-5);
        Assert.Equal(0.7294305147938436, p.MutualInformationTY, 1e-5);
    }

    [Fact]
    public void KernelDensityBoundSkipsOnlyPairsBeyondTheCutoff()
    {
        // Two far-apart clusters (distance 5 >> r = sqrt(87 * 2e-3) = 0.42) of 100 samples each; within a cluster
        // all samples coincide. Each sample then sees 100 kernels of 1: I(X;T) = log2(200 / 100) = 1 bit exactly
        // (analytic), and with the label = the cluster, I(T;Y) = 1 bit too. Cluster members are interleaved in the
        // input order, so the k-d leaves must separate them for the skipping to matter.
        int n = 200;
        var activity = new double[2 * n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2;
            activity[i] = 5.0 * (i % 2);
            activity[n + i] = -1.0;
        }

        var p = LayerInformation.KernelDensityUpperBound(activity, 2, labels, InformationUnit.Bits);
        Assert.Equal(1.0, p.MutualInformationXT, 1e-6);
        Assert.Equal(1.0, p.MutualInformationTY, 1e-6);
    }

    [Fact]
    public void FixedRangeBinningPutsValuesAboveOneInTheTopBinAndFixedWidthDoesNot()
    {
        // Two samples with ReLU-like values 1.5 and 3.0: one bin on [-1, 1] (top bin), two bins of width 0.07.
        int[] labels = [0, 1];
        double[] activity = [1.5, 3.0];
        Assert.Equal(0.0, LayerInformation.FixedRangeBinning(activity, 1, labels, InformationUnit.Bits).MutualInformationXT, 1e-12);
        Assert.Equal(1.0, LayerInformation.FixedWidthBinning(activity, 1, labels, InformationUnit.Bits).MutualInformationXT, 1e-12);
    }

    [Fact]
    public void EstimatesOfATrainedNetworkRespectTheBounds()
    {
        var run = InformationPlaneTraining.Run(new InformationPlaneOptions { Epochs = 30, TrackedEpochs = 4, Seed = 2, Activation = HiddenActivation.Relu });
        foreach (var (_, plane) in run.Planes)
        {
            foreach (var p in plane)
            {
                Assert.InRange(p.MutualInformationXT, 0, 12 + 1e-9);                 // <= H(X) = 12 bits
                Assert.InRange(p.MutualInformationTY, -1e-9, LabelEntropyBits + 1e-9); // <= H(Y)
                Assert.True(p.MutualInformationTY <= p.MutualInformationXT + 1e-9);   // data processing, Y - X - T
            }
        }
    }

    [Fact]
    public void BadInputsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => LayerInformation.FixedWidthBinning(new double[5], 2, [0, 1], InformationUnit.Bits));
        Assert.Equal("activity", e.ParamName);
        Assert.Throws<ArgumentException>(() => LayerInformation.FixedRangeBinning([double.NaN], 1, [0], InformationUnit.Bits));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerInformation.FixedWidthBinning([0.0], 1, [0], InformationUnit.Bits, width: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerInformation.KernelDensityUpperBound([0.0], 1, [0], InformationUnit.Bits, noiseVariance: -1));
    }

    [Fact]
    public void QuickExperimentsProduceFiguresAndKeyNumbers()
    {
        var plane = new InformationPlaneExperiment().Run(new ExperimentContext
        {
            Quick = true,
            Settings = new Dictionary<string, string> { ["activation"] = "relu", ["epochs"] = "20" },
        });
        Assert.Equal(4, plane.Figures.Count); // three estimators + loss
        Assert.Equal(20, plane.KeyNumbers["epochs"]);
        Assert.Contains("relu_fixed_range_last_hidden_compression_bits", plane.KeyNumbers.Keys);

        var ib = new InformationBottleneckExperiment().Run(new ExperimentContext { Quick = true });
        Assert.True((double)ib.KeyNumbers["dsbs_max_deviation_bits"] < 1e-6);
        Assert.Equal(1.5625, (double)ib.KeyNumbers["dsbs_critical_beta"], 1e-12);
        Assert.Equal(2, ib.Figures.Count);
    }

    [Fact]
    public void BadSettingsNameTheKey()
    {
        var e = Assert.Throws<ArgumentException>(() => new InformationPlaneExperiment().Run(new ExperimentContext
        {
            Quick = true,
            Settings = new Dictionary<string, string> { ["runs"] = "zero" },
        }));
        Assert.Contains("`runs`", e.Message, StringComparison.Ordinal);
    }
}
