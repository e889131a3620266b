using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Discrete;

/// <summary>The conformance suite every discrete entropy estimator passes (one abstract suite, one subclass per estimator).</summary>
public abstract class EntropyEstimatorConformance
{
    protected abstract IEntropyEstimator Create();

    [Fact]
    public void EmptyCountsThrowNamingTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => Create().Estimate([], InformationUnit.Bits));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("non-empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllZeroCountsThrow()
    {
        var e = Assert.Throws<ArgumentException>(() => Create().Estimate([0, 0, 0], InformationUnit.Bits));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("all zeros", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeCountsThrowWithTheIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => Create().Estimate([3, -1, 2], InformationUnit.Bits));
        Assert.Equal("counts", e.ParamName);
        Assert.Contains("-1 at index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TooSmallAlphabetThrows()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Create().Estimate([3, 1, 2], 2, InformationUnit.Bits));
        Assert.Equal("alphabetSize", e.ParamName);
    }

    [Fact]
    public void InvalidUnitThrows()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Create().Estimate([3, 1], (InformationUnit)0));
        Assert.Equal("unit", e.ParamName);
    }

    [Fact]
    public void MismatchedLabelColumnsThrowNamingTheParameter()
    {
        var x = DiscreteVariable.FromLabels([0, 1, 1]);
        var y = DiscreteVariable.FromLabels([0, 1]);
        var e = Assert.Throws<ArgumentException>(() => DiscreteInformation.MutualInformation(x, y, Create(), InformationUnit.Bits));
        Assert.Equal("y", e.ParamName);
    }

    [Fact]
    public void InputsAreNotMutatedAndResultsAreReproducible()
    {
        long[] counts = [5, 0, 3, 1, 1, 9];
        long[] copy = [.. counts];
        var a = Create().Estimate(counts, InformationUnit.Bits);
        var b = Create().Estimate(counts, InformationUnit.Bits);
        Assert.Equal(copy, counts);
        Assert.Equal(a.Value, b.Value);
        Assert.True(double.IsFinite(a.Value));
    }

    [Fact]
    public void PermutingBinsChangesNothing()
    {
        long[] counts = [5, 0, 3, 1, 1, 9];
        long[] permuted = [1, 9, 5, 1, 0, 3];
        Assert.Equal(Create().Estimate(counts, InformationUnit.Nats).Value, Create().Estimate(permuted, InformationUnit.Nats).Value, 1e-12);
    }
}

public sealed class PluginConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => PluginEntropyEstimator.Instance; }

public sealed class MillerMadowConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => MillerMadowEntropyEstimator.Instance; }

public sealed class ChaoShenConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => ChaoShenEntropyEstimator.Instance; }

public sealed class JamesSteinConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => new JamesSteinEntropyEstimator(); }

public sealed class NsbConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => new NsbEntropyEstimator(); }

public sealed class GrassbergerConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => GrassbergerEntropyEstimator.Instance; }

public sealed class JeffreysConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => DirichletEntropyEstimator.For(DirichletPrior.Jeffreys); }

public sealed class LaplaceConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => DirichletEntropyEstimator.For(DirichletPrior.Laplace); }

public sealed class PerksConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => DirichletEntropyEstimator.For(DirichletPrior.Perks); }

public sealed class MinimaxConformance : EntropyEstimatorConformance { protected override IEntropyEstimator Create() => DirichletEntropyEstimator.For(DirichletPrior.Minimax); }
