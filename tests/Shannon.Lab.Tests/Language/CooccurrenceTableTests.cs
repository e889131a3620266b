using Shannon.Distributions;
using Shannon.Text;

namespace Shannon.Lab.Tests.Language;

public class CooccurrenceTableTests
{
    private static WordTokens RandomWords(int words, int vocabulary, int seed, int documents = 1)
    {
        var random = new Random(seed);
        var docs = new List<List<string>>();
        for (int d = 0; d < documents; d++)
        {
            docs.Add(Enumerable.Range(0, words / documents).Select(_ => "w" + random.Next(vocabulary)).ToList());
        }

        return WordTokens.FromDocuments(docs);
    }

    [Fact]
    public void IndependentWordsHaveMutualInformationNearItsBias()
    {
        // K = 8 equiprobable words drawn independently, adjacent pairs (W = 1). The plug-in MI of a K x K table of
        // N pairs from independent variables has mean about (K - 1)^2 / (2 N) nats and standard deviation about
        // sqrt(2 (K - 1)^2) / (2 N) (2 N I ~ chi-square with (K - 1)^2 degrees of freedom). Here N = 2 (n - 1) counts
        // each adjacent pair twice, so the effective sample is n - 1 pairs.
        const int n = 200_001, k = 8;
        var table = CooccurrenceTable.FromTokens(RandomWords(n, k, seed: 42), 1);
        double effective = n - 1;
        double bias = (k - 1) * (k - 1) / (2 * effective);
        double sd = Math.Sqrt(2.0 * (k - 1) * (k - 1)) / (2 * effective);
        double mi = table.MutualInformationNats();
        Assert.InRange(mi, bias - (5 * sd), bias + (5 * sd));
        // Each pair: PMI = log of a ratio of counts with relative standard error about 1 / sqrt(n(x, y)).
        for (int i = 0; i < table.PairCount; i++)
        {
            Assert.InRange(table.PointwiseMutualInformationNats(i), -5 / Math.Sqrt(table.PairCounts[i]), 5 / Math.Sqrt(table.PairCounts[i]));
        }
    }

    [Fact]
    public void MutualInformationEqualsCountWeightedMeanPmiAndLibraryMeasure()
    {
        var tokens = RandomWords(3000, 12, seed: 9, documents: 3);
        var table = CooccurrenceTable.FromTokens(tokens, 3);
        int v = tokens.Words.Count;
        var dense = new double[v * v];
        double weighted = 0;
        for (int i = 0; i < table.PairCount; i++)
        {
            dense[(table.X[i] * v) + table.Y[i]] = table.PairCounts[i];
            weighted += table.PairCounts[i] * table.PointwiseMutualInformationNats(i);
        }

        weighted /= table.Total;
        var joint = JointDistribution.FromCounts(dense, v, v);
        double library = Measures.MutualInformation(joint, InformationUnit.Nats).Value;
        Assert.Equal(library, table.MutualInformationNats(), 1e-12);
        Assert.Equal(weighted, table.MutualInformationNats(), 1e-12);

        // PPMI with context smoothing and shift against the library's dense PPMI matrix.
        var ppmi = Measures.PositivePointwiseMutualInformationMatrix(joint, InformationUnit.Nats, 0.75, 5);
        var smoothed = table.SmoothedContextProbabilities(0.75);
        for (int i = 0; i < table.PairCount; i++)
        {
            Assert.Equal(ppmi[(table.X[i] * v) + table.Y[i]], table.ShiftedPositivePointwiseMutualInformationNats(i, smoothed, 5), 1e-12);
        }
    }

    [Fact]
    public void CountsAreSymmetricRespectBoundariesAndDoNotDependOnThreads()
    {
        var tokens = WordTokens.FromDocuments([["a", "b", "c"], ["c", "a"]]);
        var table = CooccurrenceTable.FromTokens(tokens, 5);
        // Pairs within documents only: (a,b), (a,c), (b,c) and (c,a), each counted in both orders: N = 8.
        Assert.Equal(8, table.Total);
        var pairs = Enumerable.Range(0, table.PairCount).ToDictionary(i => (tokens.Words[table.X[i]], tokens.Words[table.Y[i]]), i => table.PairCounts[i]);
        Assert.Equal(2, pairs[("a", "c")]);
        Assert.Equal(2, pairs[("c", "a")]);
        Assert.Equal(1, pairs[("b", "a")]);
        Assert.False(pairs.ContainsKey(("b", "b")));

        var big = RandomWords(120_000, 300, seed: 1, documents: 4);
        var one = CooccurrenceTable.FromTokens(big, 5, maxDegreeOfParallelism: 1);
        var many = CooccurrenceTable.FromTokens(big, 5, maxDegreeOfParallelism: 4);
        Assert.Equal(one.PairCounts, many.PairCounts);
        Assert.Equal(one.X, many.X);
        Assert.Equal(one.MutualInformationNats(), many.MutualInformationNats());
    }

    [Fact]
    public void AssociatedPairsRankFirstAndNpmiIsBounded()
    {
        var random = new Random(3);
        var words = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            words.Add("f" + random.Next(50));
            if (i % 50 == 0)
            {
                words.Add("hong");
                words.Add("kong");
            }
        }

        var tokens = WordTokens.FromDocuments([words]);
        var table = CooccurrenceTable.FromTokens(tokens, 2);
        int best = table.TopPairs(5, 1)[0];
        Assert.Equal(("hong", "kong"), (tokens.Words[table.X[best]], tokens.Words[table.Y[best]]) is var (a, b) && string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a));
        for (int i = 0; i < table.PairCount; i++)
        {
            Assert.InRange(table.NormalizedPointwiseMutualInformation(i), -1, 1);
        }
    }

    [Fact]
    public void TokenizerKeepsContractionsAndHyphens()
    {
        Assert.Equal(["don't", "stop", "well-known", "42", "caf\u00e9"], WordTokens.Split("Don't STOP -- well-known: 42 caf\u00e9!"));
        Assert.Throws<ArgumentOutOfRangeException>(() => CooccurrenceTable.FromTokens(WordTokens.FromText("a b c"), 0));
        Assert.Throws<ArgumentException>(() => CooccurrenceTable.FromTokens(WordTokens.FromText("lonely"), 2));
    }
}
