using Shannon.Estimators;
using Shannon.Estimators.Catalogue;

namespace Shannon.Tests.Catalogue;

/// <summary>The kind rule (<see cref="ColumnKinds"/>) and the automatic choice of <see cref="EstimatorCatalogue"/>.</summary>
public sealed class ColumnKindsTests
{
    [Fact]
    public void WineProlineIsContinuousWithTiesAndDigitsPixelsAreCategorical()
    {
        // Shapes of scikit-learn's load_wine()['proline'] (94 distinct integers in 178 rows) and load_digits() pixels
        // (integers 0..16 in 1797 rows): floor(sqrt(178)) = 13 < 94; floor(sqrt(1797)) = 42 >= 17.
        double[] proline = [.. Enumerable.Range(0, 178).Select(i => 278.0 + (10 * (i % 94)))];
        var (kind, reason) = ColumnKinds.Classify(proline);
        Assert.Equal(VariableKind.ContinuousWithTies, kind);
        Assert.Contains("94 distinct values in 178 rows", reason, StringComparison.Ordinal);
        Assert.Contains("= 13", reason, StringComparison.Ordinal);

        double[] pixels = [.. Enumerable.Range(0, 1797).Select(i => (double)(i * 7 % 17))];
        Assert.Equal(VariableKind.Categorical, ColumnKinds.Classify(pixels).Kind);
    }

    [Theory]
    [InlineData(178, 13)]
    [InlineData(1797, 42)]
    [InlineData(3, 2)]
    [InlineData(1, 2)]
    [InlineData(100000, 316)]
    public void TheLevelLimitIsTheSquareRootRule(int n, int limit) => Assert.Equal(limit, ColumnKinds.CategoricalLevelLimit(n));

    [Fact]
    public void RealsAreContinuousAndRoundedRealsHaveTies()
    {
        Assert.Equal(VariableKind.Continuous, ColumnKinds.Classify([0.5, 1.25, -3.1, 2.0]).Kind);
        Assert.Equal(VariableKind.ContinuousWithTies, ColumnKinds.Classify([0.5, 0.5, 1.5, 2.5]).Kind);

        // Integers at the limit: 7 distinct values in 49 rows (floor(sqrt 49) = 7) are categorical, 8 are not.
        Assert.Equal(VariableKind.Categorical, ColumnKinds.Classify([.. Enumerable.Range(0, 49).Select(i => (double)(i % 7))]).Kind);
        Assert.Equal(VariableKind.ContinuousWithTies, ColumnKinds.Classify([.. Enumerable.Range(0, 49).Select(i => (double)(i % 8))]).Kind);
    }

    [Fact]
    public void OverridesWinAndSayWhatTheDataSaid()
    {
        double[] proline = [.. Enumerable.Range(0, 178).Select(i => 278.0 + (10 * (i % 94)))];
        var forced = SampleColumn.FromNumbers("proline", proline, VariableKind.Categorical);
        Assert.Equal(VariableKind.Categorical, forced.Kind);
        Assert.Equal(94, forced.LevelCount);
        Assert.Contains("--discrete", forced.Decision.Reason, StringComparison.Ordinal);

        var labels = SampleColumn.FromNumbers("target", [.. Enumerable.Range(0, 30).Select(i => (double)(i % 3))], VariableKind.Continuous);
        Assert.Equal(VariableKind.ContinuousWithTies, labels.Kind);
        Assert.Contains("--continuous", labels.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAutomaticChoiceFollowsTheKinds()
    {
        var label = SampleColumn.FromLabels("label", [.. Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? "a" : "b")]);
        var real = SampleColumn.FromNumbers("r", [.. Enumerable.Range(0, 60).Select(i => Math.Sin(i) + (0.001 * i))]);
        var other = SampleColumn.FromNumbers("s", [.. Enumerable.Range(0, 60).Select(i => Math.Cos(3 * i) + (0.002 * i))]);
        Assert.Equal("plugin", EstimatorCatalogue.ChooseMutualInformation([label], [label], []).Name);
        // Issue 17: two real sides default to the auto estimator; with a real Z the conditional KSG stays the choice.
        Assert.Equal("auto", EstimatorCatalogue.ChooseMutualInformation([real], [other], []).Name);
        Assert.Equal("ksg1", EstimatorCatalogue.ChooseMutualInformation([real], [other], [real]).Name);
        Assert.Equal("mixed-ross", EstimatorCatalogue.ChooseMutualInformation([real], [label], []).Name);
        Assert.Equal("binned", EstimatorCatalogue.ChooseMutualInformation([real], [other], [label]).Name);
        Assert.Equal("kozachenko-leonenko", EstimatorCatalogue.ChooseEntropy([real]).Name);

        var h = EstimatorCatalogue.Entropy(null, [real], null, InformationUnit.Nats);
        Assert.True(h.Differential);
        Assert.Equal(VariableKind.Continuous, Assert.Single(h.Kinds).Kind);
        var mi = EstimatorCatalogue.MutualInformation("auto", [real], [label], [], null, InformationUnit.Nats);
        Assert.Equal("mixed-ross", mi.Estimator);
        Assert.False(mi.Differential);
        Assert.Equal(3, mi.K);
    }

    [Fact]
    public void DiscreteEstimatorsRefuseRealColumnsNamingTheFix()
    {
        var real = SampleColumn.FromNumbers("r", [0.5, 1.5, 2.25, 3.0]);
        var label = SampleColumn.FromCodes("y", [0, 1, 0, 1]);
        var e = Assert.ThrowsAny<ArgumentException>(() => EstimatorCatalogue.MutualInformation("nsb", [real], [label], [], null, InformationUnit.Bits));
        Assert.Equal("r", e.ParamName);
        Assert.Contains("--discrete r", e.Message, StringComparison.Ordinal);
        var unknown = Assert.ThrowsAny<ArgumentException>(() => EstimatorCatalogue.Get("magic"));
        Assert.Equal("estimator", unknown.ParamName);
    }

    [Fact]
    public void AnMiAboveTheCategoricalEntropyIsFlaggedWithItsCause()
    {
        // H(label) = 1 bit (two balanced labels); an MI of 1.2 bits is impossible, 0.5 bits is not.
        var label = SampleColumn.FromCodes("label", [.. Enumerable.Range(0, 40).Select(i => i % 2)]);
        var real = SampleColumn.FromNumbers("r", [.. Enumerable.Range(0, 40).Select(i => Math.Round(i / 10.0))]);
        var impossible = new InformationEstimate(1.2, InformationUnit.Bits, 40, "mixed-ross");
        var warning = Assert.Single(EstimatorCatalogue.BoundWarnings(impossible, [real], [label], null));
        Assert.Contains("exceeds H(label) = 1 bits", warning, StringComparison.Ordinal);
        Assert.Contains("ties", warning, StringComparison.Ordinal);
        Assert.Empty(EstimatorCatalogue.BoundWarnings(impossible with { Value = 0.5 }, [real], [label], null));

        // Below -3 standard errors of 0: -0.2 bits with a bootstrap standard error of 0.05.
        Assert.Contains(EstimatorCatalogue.BoundWarnings(impossible with { Value = -0.2 }, [real], [label], 0.05), w => w.Contains("-3 standard errors", StringComparison.Ordinal));
        Assert.Empty(EstimatorCatalogue.BoundWarnings(impossible with { Value = -0.1 }, [real], [label], 0.05));
    }
}
