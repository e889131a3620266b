using CsCheck;
using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Discrete;

public sealed class MutualInformationPropertyTests
{
    private static readonly Gen<(int[] X, int[] Y)> Labels =
        Gen.Int[1, 200].SelectMany(n => Gen.Int[0, 5].Array[n].Select(Gen.Int[0, 4].Array[n]));

    [Fact]
    public void PluginMiIsBetweenZeroAndTheSmallerEntropy()
    {
        Labels.Sample((x, y) =>
        {
            var vx = DiscreteVariable.FromLabels(x);
            var vy = DiscreteVariable.FromLabels(y);
            var e = PluginEntropyEstimator.Instance;
            double mi = DiscreteInformation.MutualInformation(vx, vy, e, InformationUnit.Bits).Value;
            double hx = DiscreteInformation.Entropy(vx, e, InformationUnit.Bits).Value;
            double hy = DiscreteInformation.Entropy(vy, e, InformationUnit.Bits).Value;
            Assert.InRange(mi, -1e-12, Math.Min(hx, hy) + 1e-12);
            Assert.Equal(mi, DiscreteInformation.MutualInformation(vy, vx, e, InformationUnit.Bits).Value, 1e-12);
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void RelabellingSymbolsChangesNothing()
    {
        Labels.Sample((x, y) =>
        {
            var relabelled = x.Select(v => 1000 - 7 * v).ToArray();
            foreach (var name in new[] { "plugin", "miller-madow", "chao-shen", "grassberger", "james-stein", "jeffreys" })
            {
                var e = EntropyEstimators.Parse(name);
                Assert.Equal(
                    DiscreteInformation.MutualInformation(x, y, e, InformationUnit.Nats).Value,
                    DiscreteInformation.MutualInformation(relabelled, y, e, InformationUnit.Nats).Value, 1e-12);
            }
        }, iter: 100, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void ChainRuleHoldsForEveryEstimator()
    {
        // I(X; Y, Z) = I(X; Z) + I(X; Y | Z) holds exactly for every sum-of-entropies estimator: both sides are
        // H(X) + H(Y,Z) - H(X,Y,Z) with the same marginal counts and alphabets (NSB left out only for time).
        var rng = new Random(4);
        var x = Enumerable.Range(0, 300).Select(_ => rng.Next(3)).ToArray();
        var y = x.Select(v => (v + rng.Next(2)) % 3).ToArray();
        var z = y.Select(v => (v * 2 + rng.Next(2)) % 4).ToArray();
        var table = CountTable.FromSamples(DiscreteVariable.FromLabels(x), DiscreteVariable.FromLabels(y), DiscreteVariable.FromLabels(z));
        foreach (var name in EntropyEstimators.Names.Where(n => n != "nsb"))
        {
            var e = EntropyEstimators.Parse(name);
            double whole = DiscreteInformation.MutualInformation(table, [0], [1, 2], e, InformationUnit.Nats).Value;
            double parts = DiscreteInformation.MutualInformation(table, [0], [2], e, InformationUnit.Nats).Value
                + DiscreteInformation.ConditionalMutualInformation(table, [0], [1], [2], e, InformationUnit.Nats).Value;
            Assert.Equal(whole, parts, 1e-12);
        }
    }
}
