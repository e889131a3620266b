using Shannon.Estimators.Discrete;
using Shannon.Inference;

namespace Shannon.Tests.Inference;

/// <summary>The permutation test on groups of a count table (the shape of the bootstrap's), and the joint-variable rule.</summary>
public sealed class CountTablePermutationTests
{
    [Fact]
    public void JointCodesAreMixedRadixWithTheFirstVariableMostSignificant()
    {
        // a has 2 levels, b has 3: the joint code of (a, b) is 3 a + b, over 6 values.
        var a = DiscreteVariable.FromCodes([0, 1, 1, 0], 2);
        var b = DiscreteVariable.FromCodes([2, 0, 1, 1], 3);
        var joint = DiscreteVariable.Joint([a, b], [0, 1]);
        Assert.Equal([2, 3, 4, 1], joint.Codes.ToArray());
        Assert.Equal(6, joint.LevelCount);
        Assert.Same(b, DiscreteVariable.Joint([a, b], [1]));
        Assert.Throws<ArgumentException>(() => DiscreteVariable.Joint([a, b], []));
    }

    [Fact]
    public void TheTableShapeIsTheTestOnTheTablesJoinedSamples()
    {
        var random = new Random(19);
        var x = DiscreteVariable.FromLabels([.. Enumerable.Range(0, 300).Select(_ => random.Next(3))]);
        var y = DiscreteVariable.FromLabels([.. Enumerable.Range(0, 300).Select(i => (x.Codes[i] + random.Next(2)) % 3)]);
        var w = DiscreteVariable.FromLabels([.. Enumerable.Range(0, 300).Select(_ => random.Next(2))]);
        var table = CountTable.FromSamples(x, w, y);
        var options = new PermutationTestOptions { Permutations = 99, Seed = 4 };
        var samples = table.ToSamples();

        var viaTable = PermutationTest.MutualInformation(table, [0, 1], [2], [], MillerMadowEntropyEstimator.Instance, InformationUnit.Bits, options);
        var viaSamples = PermutationTest.MutualInformation(DiscreteVariable.Joint(samples, [0, 1]), samples[2], MillerMadowEntropyEstimator.Instance, InformationUnit.Bits, options);
        Assert.Equal(viaSamples.PValue, viaTable.PValue);
        Assert.Equal(viaSamples.NullMean, viaTable.NullMean);
        Assert.Equal(viaSamples.Observed.Value, viaTable.Observed.Value);
        Assert.Equal(0.01, viaTable.PValue); // y depends on x: no shuffle reaches the observed MI

        var conditional = PermutationTest.MutualInformation(table, [0], [2], [1], MillerMadowEntropyEstimator.Instance, InformationUnit.Bits, options);
        var direct = PermutationTest.ConditionalMutualInformation(samples[0], samples[2], samples[1], MillerMadowEntropyEstimator.Instance, InformationUnit.Bits, options);
        Assert.Equal(direct.PValue, conditional.PValue);
        Assert.Equal(direct.NullMean, conditional.NullMean);
    }
}
