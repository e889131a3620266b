using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Tests.Continuous;

/// <summary>Every contract violation throws an ArgumentException whose ParamName and message name the parameter and the value.</summary>
public class BadInputTests
{
    private static readonly double[] Good = [0.1, 0.5, 0.3, 0.9, 0.7, 0.2, 0.8, 0.4];
    private static readonly double[] Other = [1.0, 0.2, 0.6, 0.4, 0.3, 0.9, 0.1, 0.5];

    private static void Throws(string parameter, string fragment, Action action)
    {
        var error = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains($"`{parameter}`", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NaNIsRejectedWithItsIndex()
    {
        double[] bad = (double[])Good.Clone();
        bad[5] = double.NaN;
        Throws("y", "NaN at index 5", () => new KsgMutualInformationEstimator().Estimate(Good, bad, InformationUnit.Nats));
        Throws("x", "NaN at index 5", () => new KozachenkoLeonenkoEntropyEstimator().Estimate(bad, InformationUnit.Nats));
        Throws("columns", "Infinity at row 2, column 1", () => Samples.FromColumns(Good, [0, 1, double.PositiveInfinity, 3, 4, 5, 6, 7]));
    }

    [Fact]
    public void KAtLeastNIsRejected()
    {
        var ksg = new KsgMutualInformationEstimator(KsgOptions.Default with { K = 8 });
        Throws("k", "got 8", () => ksg.Estimate(Good, Other, InformationUnit.Nats));
        Throws("k", "N = 8", () => ksg.Estimate(Good, Other, InformationUnit.Nats));
        Throws("k", "got 8", () => new KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions.Default with { K = 8 }).Estimate(Good, InformationUnit.Nats));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void NonPositiveKIsRejectedInTheConstructor(int k)
    {
        Throws("k", $"got {k}", () => _ = new KsgMutualInformationEstimator(KsgOptions.Default with { K = k }));
        Throws("k", $"got {k}", () => _ = new KsgConditionalMutualInformationEstimator(KsgOptions.Default with { K = k }));
        Throws("k", $"got {k}", () => _ = new KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions.Default with { K = k }));
        Throws("k", $"got {k}", () => _ = new KnnKullbackLeiblerEstimator(KnnKullbackLeiblerOptions.Default with { K = k }));
        Throws("k", $"got {k}", () => _ = new MixedMutualInformationEstimator(KsgOptions.Default with { K = k }));
    }

    [Fact]
    public void ConstantColumnIsRejected()
    {
        double[] constant = Enumerable.Repeat(2.5, 8).ToArray();
        Throws("y", "column 0 equal to 2.5", () => new KsgMutualInformationEstimator().Estimate(Good, constant, InformationUnit.Nats));
        Throws("x", "equal to 2.5", () => new GaussianCopulaMutualInformationEstimator().Estimate(constant, Good, InformationUnit.Nats));
        Throws("x", "equal to 2.5", () => new BinnedEntropyEstimator().Estimate(constant, InformationUnit.Nats));
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        Throws("y", "7 samples", () => new KsgMutualInformationEstimator().Estimate(Good, Other[..7], InformationUnit.Nats));
        Throws("z", "7 samples", () => new KsgConditionalMutualInformationEstimator().Estimate(Good, Other, Other[..7], InformationUnit.Nats));
        Throws("labels", "7 labels", () => new MixedMutualInformationEstimator().Estimate(Good, [0, 1, 0, 1, 0, 1, 0], InformationUnit.Nats));
        Throws("columns", "length 7 in column 1", () => Samples.FromColumns(Good, Other[..7]));
    }

    [Fact]
    public void OtherOptionsAreCheckedOnce()
    {
        Throws("jitter", "got -1", () => _ = new KsgMutualInformationEstimator(KsgOptions.Default with { Jitter = -1 }));
        // Issue 13 item 4 adds KSG algorithm 2 for conditional MI: an undefined algorithm is what is refused now.
        Throws("algorithm", "got 7", () => _ = new KsgConditionalMutualInformationEstimator(KsgOptions.Default with { Algorithm = (KsgAlgorithm)7 }));
        Throws("norm", "got 7", () => _ = new KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions.Default with { Norm = (DistanceNorm)7 }));
        Throws("binCount", "got 0", () => _ = new BinnedMutualInformationEstimator(BinningOptions.Default with { BinCount = 0 }));
        Throws("binWidth", "got 0", () => _ = new BinnedEntropyEstimator(BinningOptions.Default with { BinWidth = 0 }));
        Throws("maxDegreeOfParallelism", "got 0", () => _ = new KsgMutualInformationEstimator(KsgOptions.Default with { MaxDegreeOfParallelism = 0 }));
    }

    [Fact]
    public void DuplicatedPointsGiveAFiniteEntropyByTheNamedTieRuleNotMinusInfinity()
    {
        // Issue 13 item 3: ties are handled by default (it used to refuse these data). The rule is named and counted.
        double[] rounded = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3];
        var plain = new KozachenkoLeonenkoEntropyEstimator().Estimate(rounded, InformationUnit.Nats);
        Assert.True(double.IsFinite(plain.Value));
        Assert.Equal("cell-fraction", plain.TieRule);
        Assert.Equal(10, plain.TiedPointCount); // the 1s and 2s sit on 3 others at distance 0; each 3 has four 2s at its k-th distance
        Assert.Contains(plain.Warnings, w => w.Contains("ties: cell-fraction", StringComparison.Ordinal));
        // With jitter the same data gives a finite estimate and a warning that says so.
        var jittered = new KozachenkoLeonenkoEntropyEstimator(KozachenkoLeonenkoOptions.Default with { Jitter = 1e-6, Seed = 3 }).Estimate(rounded, InformationUnit.Nats);
        Assert.True(double.IsFinite(jittered.Value));
        Assert.Contains(jittered.Warnings, w => w.Contains("jitter", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyInputThrows()
    {
        Throws("x", "an empty sequence", () => new KsgMutualInformationEstimator().Estimate([], Good, InformationUnit.Nats));
    }
}
