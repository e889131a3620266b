using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Inference;
using Xunit.Abstractions;

namespace Shannon.Tests.Catalogue;

/// <summary>Row resampling (<see cref="Resampling"/>, <see cref="EstimatorUncertainty"/>): seeds, threads, calibration.</summary>
public sealed class ResamplingTests(ITestOutputHelper output)
{
    private static (SampleColumn X, SampleColumn Y) Gaussian(int n, double rho, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var a = new double[n];
        var b = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = Normal();
            b[i] = (rho * a[i]) + (Math.Sqrt(1 - (rho * rho)) * Normal());
        }

        return (SampleColumn.FromNumbers("x", a, VariableKind.Continuous), SampleColumn.FromNumbers("y", b, VariableKind.Continuous));
    }

    [Fact]
    public void ReplicateSeedsAreFixedAndDistinct()
    {
        Assert.Equal(Resampling.ReplicateSeed(3, 17), Resampling.ReplicateSeed(3, 17));
        var seeds = Enumerable.Range(0, 10000).Select(i => Resampling.ReplicateSeed(0, i)).ToHashSet();
        Assert.True(seeds.Count > 9990);
        Assert.NotEqual(Resampling.ReplicateSeed(0, 1), Resampling.ReplicateSeed(1, 0));
    }

    [Fact]
    public void KsgGetsAnIntervalAndAPValueIndependentOfTheThreadCount()
    {
        var (x, y) = Gaussian(60, 0.8, 5);
        BootstrapInterval Interval(int threads) => EstimatorUncertainty.MutualInformation("ksg1", [x], [y], [], null, InformationUnit.Nats,
            new BootstrapOptions { Replicates = 20, Seed = 9, MaxDegreeOfParallelism = threads });
        PermutationTestResult Test(int threads) => EstimatorUncertainty.MutualInformationPermutation("ksg1", [x], [y], [], null, InformationUnit.Nats,
            new PermutationTestOptions { Permutations = 19, Seed = 9, MaxDegreeOfParallelism = threads });
        var one = Interval(1);
        Assert.Equal(one, Interval(4));
        Assert.True(one.Lower <= one.Upper && double.IsFinite(one.Bias));
        var test = Test(1);
        Assert.Equal(test.PValue, Test(3).PValue);
        Assert.Equal(0.05, test.PValue, 12); // rho = 0.8 at N = 60: no shuffle reaches the observed MI; (0 + 1)/(19 + 1)
    }

    [Fact]
    public void PermutationPValuesAreUniformUnderIndependence()
    {
        // 200 independent Gaussian pairs (N = 40), 99 permutations each, the Gaussian MI as the statistic (continuous,
        // so no ties among the permuted values): p is uniform on {0.01, ..., 1}. Kolmogorov's D over the grid must stay
        // below 1.63 / sqrt(200) = 0.115 (the 1% critical value; conservative on a grid).
        var p = new double[200];
        for (int r = 0; r < p.Length; r++)
        {
            var (x, y) = Gaussian(40, 0, 1000 + r);
            p[r] = EstimatorUncertainty.MutualInformationPermutation("gaussian", [x], [y], [], null, InformationUnit.Nats,
                new PermutationTestOptions { Permutations = 99, Seed = r }).PValue;
        }

        double d = Enumerable.Range(1, 100).Max(k => Math.Abs((p.Count(v => v <= (k / 100.0) + 1e-12) / 200.0) - (k / 100.0)));
        output.WriteLine(FormattableString.Invariant($"permutation p-values under independence: Kolmogorov D = {d:F4} over 200 data sets (1% critical value 0.115)"));
        Assert.True(d < 0.115, $"D = {d}");
    }

    [Fact]
    public void BootstrapIntervalsCoverTheTruthAtAboutTheirRate()
    {
        // The Gaussian MI of a bivariate normal with rho = 0.6 is -ln(1 - 0.36)/2 = 0.22314 nats (Cover & Thomas 8.5).
        // 100 data sets of N = 300, 200 replicates each: the 95% percentile interval covers the truth in 95% +- 3 x 2.2%
        // of them (binomial standard error sqrt(0.95 0.05 / 100)), i.e. in at least 88 of 100.
        double truth = -0.5 * Math.Log(1 - 0.36);
        int covered = 0;
        for (int r = 0; r < 100; r++)
        {
            var (x, y) = Gaussian(300, 0.6, 2000 + r);
            var i = EstimatorUncertainty.MutualInformation("gaussian", [x], [y], [], null, InformationUnit.Nats, new BootstrapOptions { Replicates = 200, Seed = r });
            covered += i.Lower <= truth && truth <= i.Upper ? 1 : 0;
        }

        output.WriteLine($"95% percentile bootstrap intervals of the Gaussian MI (rho = 0.6, N = 300): {covered} of 100 cover the truth");
        Assert.True(covered >= 88, $"{covered} of 100 intervals cover the truth");
    }

    [Fact]
    public void KnnIntervalsAreSubsamplingIntervalsThatCoverTheTruth()
    {
        // The percentile bootstrap repeats rows, which KSG reads as neighbours at distance 0: on 2000 Gaussian pairs
        // (estimate 0.19 nats) it gave [0.89, 1.15]. The k-NN family gets half samples without replacement instead
        // (Politis & Romano 1994). Truth: -ln(1 - 0.36)/2 = 0.22314 nats (Cover & Thomas 8.5). 60 data sets of N = 300,
        // 100 half samples each: the 95% interval covers the truth in 95% +- 3 x 2.8% of them, at least 52 of 60.
        double truth = -0.5 * Math.Log(1 - 0.36);
        int covered = 0;
        double widths = 0;
        for (int r = 0; r < 60; r++)
        {
            var (x, y) = Gaussian(300, 0.6, 3000 + r);
            var i = EstimatorUncertainty.MutualInformation("ksg1", [x], [y], [], null, InformationUnit.Nats, new BootstrapOptions { Replicates = 100, Seed = r });
            Assert.Equal(IntervalMethod.Subsampling, i.Method);
            Assert.InRange(i.Estimate, i.Lower, i.Upper);
            covered += i.Lower <= truth && truth <= i.Upper ? 1 : 0;
            widths += i.Upper - i.Lower;
        }

        output.WriteLine(FormattableString.Invariant($"95% subsampling intervals of KSG 1 (rho = 0.6, N = 300): {covered} of 60 cover the truth; mean width {widths / 60:F3} nats"));
        Assert.True(covered >= 52, $"{covered} of 60 intervals cover the truth");

        // Estimators that repeated rows do not mislead keep the percentile bootstrap.
        var (gx, gy) = Gaussian(300, 0.6, 1);
        Assert.Equal(IntervalMethod.PercentileBootstrap, EstimatorUncertainty.MutualInformation("gaussian", [gx], [gy], [], null, InformationUnit.Nats, new BootstrapOptions { Replicates = 50 }).Method);
    }

    [Fact]
    public void ConditionalPermutationsShuffleWithinCategoricalStrataAndRefuseRealZ()
    {
        var z = SampleColumn.FromCodes("z", [.. Enumerable.Range(0, 60).Select(i => i % 3)]);
        var x = SampleColumn.FromCodes("x", [.. Enumerable.Range(0, 60).Select(i => (i % 3) + (i / 30))]);
        var y = SampleColumn.FromCodes("y", [.. Enumerable.Range(0, 60).Select(i => (i % 3) + (i / 30))]);
        var test = EstimatorUncertainty.MutualInformationPermutation("plugin", [x], [y], [z], null, InformationUnit.Bits, new PermutationTestOptions { Permutations = 49, Seed = 1 });
        Assert.Equal(0.02, test.PValue, 12); // x = y given z: no within-stratum shuffle keeps all of the CMI
        var (rx, ry) = Gaussian(30, 0.5, 3);
        var rz = rx.Select([.. Enumerable.Range(0, 30).Reverse()]);

        // A real-valued Z with a KSG statistic: Runge's (2018) local permutation test, named in the result.
        var local = EstimatorUncertainty.MutualInformationPermutation("ksg1", [rx], [ry], [rz], null, InformationUnit.Bits, new PermutationTestOptions { Permutations = 19, Seed = 2 });
        Assert.InRange(local.PValue, 1.0 / 20, 1.0);
        Assert.Contains(local.Observed.Warnings, w => w.Contains("Runge", StringComparison.Ordinal));

        // Any other statistic cannot shuffle within strata of a real Z: refused, naming the fix.
        var e = Assert.ThrowsAny<ArgumentException>(() => EstimatorUncertainty.MutualInformationPermutation("binned", [rx], [ry], [rz], null, InformationUnit.Bits));
        Assert.Equal("z", e.ParamName);
        Assert.Contains("Runge", e.Message, StringComparison.Ordinal);
    }
}
