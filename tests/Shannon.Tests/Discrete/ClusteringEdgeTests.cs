using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Discrete;

public sealed class ClusteringEdgeTests
{
    [Fact]
    public void BothConstantLabellingsScoreOneAsInScikitLearn()
    {
        // scikit-learn 1.2: "Special limit cases: no clustering since the data is not split ... return 1.0".
        var x = DiscreteVariable.FromLabels(new int[5]);
        Assert.Equal(1.0, ClusteringScores.NormalizedMutualInformation(x, x));
        Assert.Equal(1.0, ClusteringScores.AdjustedMutualInformation(x, x));
    }

    [Fact]
    public void HugeAlphabetsUseTheHashedTableWithoutADenseAllocation()
    {
        // About 6e4 x 6e4 observed levels (3.5e9 possible pairs, far beyond a dense table): the plug-in MI must equal
        // a dictionary-based count written here as an independent oracle.
        var rng = new Random(7);
        int n = 60_000;
        var x = Enumerable.Range(0, n).Select(_ => rng.Next(1_000_000)).ToArray();
        var y = x.Select(v => rng.NextDouble() < 0.5 ? v : rng.Next(1_000_000)).ToArray();
        var mi = DiscreteInformation.MutualInformation(DiscreteVariable.FromLabels(x), DiscreteVariable.FromLabels(y), PluginEntropyEstimator.Instance, InformationUnit.Nats);
        Assert.Equal(OracleMi(x, y), mi.Value, 1e-9);

        var sparse = SparseJointCounts.Count(DiscreteVariable.FromLabels(x).Codes, DiscreteVariable.FromLabels(y).Codes,
            DiscreteVariable.FromLabels(x).LevelCount, DiscreteVariable.FromLabels(y).LevelCount);
        Assert.Equal(n, sparse.Counts.Sum());
        Assert.True(sparse.CellCount > 1L << 31);
        Assert.Equal(x.Zip(y).Distinct().Count(), sparse.Keys.Count);
    }

    internal static double OracleMi(int[] x, int[] y)
    {
        var cx = x.GroupBy(v => v).ToDictionary(g => g.Key, g => (double)g.Count());
        var cy = y.GroupBy(v => v).ToDictionary(g => g.Key, g => (double)g.Count());
        double n = x.Length, mi = 0;
        foreach (var g in x.Zip(y).GroupBy(p => p))
        {
            double c = g.Count();
            mi += c / n * Math.Log(c * n / (cx[g.Key.First] * cy[g.Key.Second]));
        }

        return mi;
    }
}
