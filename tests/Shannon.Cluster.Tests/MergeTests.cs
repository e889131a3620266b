using Shannon.Data;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Inference;
using Shannon.Text;

namespace Shannon.Cluster.Tests;

/// <summary>The merges and the replicate split, in process: the cluster's arithmetic without the network.</summary>
public sealed class MergeTests
{
    [Fact]
    public void MergedCountTablesAreTheTableOfTheConcatenatedShards()
    {
        using var shards = new Shards(count: 5, rows: 120);
        foreach (string[] set in new[] { new[] { "a", "t" }, ["b"], ["c", "b", "t"] })
        {
            var parts = Directory.GetFiles(shards.Tables).Order(StringComparer.Ordinal).Select(path =>
            {
                using var file = DataFile.Open(path);
                var (table, levels) = file.CountTable([.. set.Select(n => file.Column(n))]);
                return CountTablePart.From(table, levels);
            }).ToArray();
            var merged = TableMerge.CountTables(parts);
            using var all = DataFile.Open(shards.AllTable);
            var (expected, expectedLevels) = all.CountTable([.. set.Select(n => all.Column(n))]);
            Assert.Equal(expectedLevels.Select(l => l.ToArray()), merged.Levels);
            for (int v = 0; v < set.Length; v++)
            {
                Assert.Equal(expected.Codes(v).ToArray(), merged.Codes[v]);
            }

            Assert.Equal(expected.Counts.ToArray(), merged.Counts);
            var x = Enumerable.Range(0, set.Length - 1).ToArray();
            int[] y = [set.Length - 1];
            if (set.Length > 1)
            {
                Assert.Equal(
                    DiscreteInformation.MutualInformation(expected, x, y, MillerMadowEntropyEstimator.Instance, InformationUnit.Bits).Value,
                    DiscreteInformation.MutualInformation(merged.ToCountTable(), x, y, MillerMadowEntropyEstimator.Instance, InformationUnit.Bits).Value);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(13)]
    public void ShardsBinnedByGlobalEdgesGiveTheSingleMachineBinnedEstimatesExactly(int binCount)
    {
        // Pass 1: each real column's range per shard, merged (min of minima, max of maxima); pass 2: every shard counted
        // into the same equal-width bins. The merged bin table must give the sample estimator's value on the
        // concatenation to the last bit, and the catalogue's binned entropy and mixed MI too.
        using var shards = new Shards(count: 5, rows: 150);
        string[] paths = [.. Directory.GetFiles(shards.Reals).Order(StringComparer.Ordinal)];
        string[] reals = ["u", "v", "w"];
        var ranges = paths.Select(path =>
        {
            using var file = DataFile.Open(path);
            return reals.Select(n => file.Range(file.Column(n))).ToArray();
        }).ToArray();
        var bins = reals.Select((n, c) => new EqualWidthBins(ranges.Min(r => r[c].Min), ranges.Max(r => r[c].Max), binCount)).ToArray();
        using var all = DataFile.Open(shards.AllReals);
        var columns = all.ReadColumns([.. new[] { "u", "v", "w", "t" }.Select(n => all.Column(n))]);
        foreach (string[] set in new[] { new[] { "u", "v" }, ["u", "w", "v"], ["w", "t"] })
        {
            var merged = TableMerge.CountTables([.. paths.Select(path =>
            {
                using var file = DataFile.Open(path);
                var given = set.Select(n => Array.IndexOf(reals, n) is int i and >= 0 ? bins[i] : null).ToArray();
                var (table, levels) = file.CountTable([.. set.Select(n => file.Column(n))], given);
                return CountTablePart.From(table, levels, [.. given.Select(b => b?.Count ?? 0)]);
            })]).ToCountTable();
            var group = set.Select(n => columns[Array.IndexOf(new[] { "u", "v", "w", "t" }, n)]).ToArray();
            var settings = new EstimatorSettings { Bins = binCount };
            int[] x = [.. Enumerable.Range(0, set.Length - 1)];
            int[] y = [set.Length - 1];
            double expected = EstimatorCatalogue.MutualInformation("binned", group[..^1], group[^1..], [], settings, InformationUnit.Nats).Value;
            double actual = set.Contains("t")
                ? DiscreteInformation.MutualInformation(merged, x, y, PluginEntropyEstimator.Instance, InformationUnit.Nats).Value
                : BinnedMutualInformationEstimator.FromBinCounts(merged, x, y, InformationUnit.Nats).Value;
            Assert.True(expected == actual, $"{string.Join(",", set)} with {binCount} bins: one file {expected:R}, merged shards {actual:R}");
            Assert.Equal(all.RowCount, merged.Total);
            double entropy = EstimatorCatalogue.Entropy("binned", group[..1], settings, InformationUnit.Nats).Value;
            Assert.True(entropy == DiscreteInformation.Entropy(merged, [0], PluginEntropyEstimator.Instance, InformationUnit.Nats).Value, $"H({set[0]}) with {binCount} bins");
        }
    }

    [Fact]
    public void MergedMomentsGiveTheSingleMachineGaussianFit()
    {
        // Chan, Golub & LeVeque's pairwise update of (count, means, co-moments), shard by shard: the Gaussian MI of
        // the merged moments is the sample estimator's on the concatenation, to 1e-12 (sums in another order).
        using var shards = new Shards(count: 5, rows: 150);
        string[] names = ["u", "w", "v"];
        var merged = Directory.GetFiles(shards.Reals).Order(StringComparer.Ordinal).Select(path =>
        {
            using var file = DataFile.Open(path);
            double[][] values = [.. names.Select(n => file.ReadReal(file.Column(n)))];
            double[] means = [.. values.Select(v => v.Average())];
            double[][] comoments = [.. names.Select((_, a) => names.Select((_, b) => values[a].Select((x, i) => (x - means[a]) * (values[b][i] - means[b])).Sum()).ToArray())];
            return new ColumnMoments { Count = values[0].Length, Means = means, Comoments = comoments };
        }).Aggregate((a, b) => a.Merge(b));
        using var all = DataFile.Open(shards.AllReals);
        double[][] columns = [.. names.Select(n => all.ReadReal(all.Column(n)))];
        Assert.Equal(all.RowCount, merged.Count);
        for (int a = 0; a < names.Length; a++)
        {
            Assert.True(Math.Abs(columns[a].Average() - merged.Means[a]) <= 1e-12, $"mean of {names[a]}");
        }

        foreach (var (x, y) in new[] { (new[] { 0 }, new[] { 2 }), ([0, 1], [2]), ([1], [2]) })
        {
            int[] order = [.. x, .. y];
            var matrix = new double[order.Length, order.Length];
            for (int a = 0; a < order.Length; a++)
            {
                for (int b = 0; b < order.Length; b++)
                {
                    matrix[a, b] = merged.Comoments[order[a]][order[b]];
                }
            }

            double expected = new GaussianMutualInformationEstimator().Estimate(Samples.FromColumns([.. x.Select(i => columns[i])]), Samples.FromColumns([.. y.Select(i => columns[i])]), InformationUnit.Nats).Value;
            double actual = GaussianMutualInformationEstimator.FromMoments(merged.Count, matrix, x.Length, InformationUnit.Nats).Value;
            Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{string.Join(",", x)}; {string.Join(",", y)}: one file {expected:R}, merged moments {actual:R}");
        }
    }

    [Fact]
    public void MergedCooccurrenceTablesAreTheTableOfTheConcatenatedTexts()
    {
        using var shards = new Shards(count: 4, rows: 10);
        var parts = Directory.GetFiles(shards.Texts).Order(StringComparer.Ordinal).Select(path =>
        {
            var tokens = WordTokens.FromText(File.ReadAllText(path));
            var t = CooccurrenceTable.FromTokens(tokens, 3);
            return new CooccurrencePart { Words = [.. tokens.Words], WordCounts = [.. tokens.Counts], X = [.. t.X], Y = [.. t.Y], Counts = [.. t.PairCounts] };
        }).ToArray();
        var (table, words, tokenCount) = TableMerge.Cooccurrences(parts, 3);
        var allTokens = WordTokens.FromText(File.ReadAllText(shards.AllText));
        var expected = CooccurrenceTable.FromTokens(allTokens, 3);
        Assert.Equal(allTokens.Words, words);
        Assert.Equal(allTokens.TokenCount, tokenCount);
        Assert.Equal(expected.X, table.X);
        Assert.Equal(expected.Y, table.Y);
        Assert.Equal(expected.PairCounts, table.PairCounts);
        Assert.Equal(expected.Marginal, table.Marginal);
        Assert.Equal(expected.MutualInformationNats(), table.MutualInformationNats());
    }

    [Fact]
    public void ReplicatesSplitIntoRangesGiveTheSingleRunTest()
    {
        var rng = new Random(3);
        var xs = Enumerable.Range(0, 300).Select(_ => rng.Next(3)).ToArray();
        var ys = xs.Select(v => rng.NextDouble() < 0.2 ? v : rng.Next(3)).ToArray();
        var x = DiscreteVariable.FromLabels(xs);
        var y = DiscreteVariable.FromLabels(ys);
        var e = PluginEntropyEstimator.Instance;
        var whole = PermutationTest.MutualInformation(x, y, e, InformationUnit.Bits, new PermutationTestOptions { Permutations = 101, Seed = 7 });
        double[] pieces = [
            .. PermutationTest.MutualInformationNull(x, y, e, InformationUnit.Bits, 7, 60, 41),
            .. PermutationTest.MutualInformationNull(x, y, e, InformationUnit.Bits, 7, 0, 17),
            .. PermutationTest.MutualInformationNull(x, y, e, InformationUnit.Bits, 7, 17, 43),
        ];
        double[] ordered = [.. pieces[41..58], .. pieces[58..], .. pieces[..41]];
        var split = PermutationTest.FromNull(whole.Observed, ordered);
        Assert.Equal(whole, split);

        var table = CountTable.FromSamples(x, y);
        var boot = Bootstrap.MutualInformation(table, [0], [1], [], e, InformationUnit.Bits, new BootstrapOptions { Replicates = 50, Seed = 5 });
        double[] replicates = [
            .. Bootstrap.MutualInformationReplicates(table, [0], [1], [], e, InformationUnit.Bits, 5, 0, 20),
            .. Bootstrap.MutualInformationReplicates(table, [0], [1], [], e, InformationUnit.Bits, 5, 20, 30),
        ];
        Assert.Equal(boot, Bootstrap.FromReplicates(boot.Estimate, replicates, boot.Confidence));
    }

    [Fact]
    public void ShardAccessRefusesPathsOutsideTheDataFolders()
    {
        using var shards = new Shards(count: 1, rows: 5);
        var access = new ShardAccess([shards.Tables]);
        Assert.NotNull(access.Allowed(Path.Combine(shards.Tables, "part-00.csv")));
        Assert.Null(access.Allowed(shards.AllTable));
        Assert.Null(access.Allowed(Path.Combine(shards.Tables, "..", "all.csv")));
        Assert.Null(access.Allowed("/etc/passwd"));
        Assert.Null(access.Allowed(shards.Tables + "-evil/x.csv"));
        string link = Path.Combine(shards.Tables, "escape.csv");
        File.CreateSymbolicLink(link, shards.AllTable);
        Assert.Null(access.Allowed(link));
        Assert.Contains("outside this silo's data folders", access.Refusal(link), StringComparison.Ordinal);
    }

    [Fact]
    public void ShardPathsResolveFoldersAndGlobsInOrdinalOrder()
    {
        using var shards = new Shards(count: 3, rows: 5);
        var folder = ShardPaths.Resolve(shards.Tables, text: false);
        Assert.Equal(3, folder.Length);
        Assert.Equal(folder.Order(StringComparer.Ordinal), folder);
        Assert.Equal(folder[1..], ShardPaths.Resolve(Path.Combine(shards.Tables, "part-0[12]*.csv").Replace("[12]", "?", StringComparison.Ordinal), text: false)[1..]);
        Assert.Single(ShardPaths.Resolve(Path.Combine(shards.Tables, "part-01.csv"), text: false));
        Assert.Throws<FileNotFoundException>(() => ShardPaths.Resolve(Path.Combine(shards.Root, "nothing"), text: false));
    }
}
