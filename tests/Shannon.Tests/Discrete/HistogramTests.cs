using CsCheck;
using Shannon.Estimators.Discrete;

namespace Shannon.Tests.Discrete;

public sealed class HistogramTests
{
    [Fact]
    public void CountMatchesAScalarLoopForEveryLength()
    {
        // Lengths 0..300 cover the unrolled loop's tails; 6 * 512 + 7 and a parallel-size input cover the rest.
        var rng = new Random(2);
        foreach (int length in Enumerable.Range(0, 301).Append(6 * 512 + 7).Append(Histogram.ParallelThreshold * 2 + 3))
        {
            var codes = Enumerable.Range(0, length).Select(_ => rng.Next(37)).ToArray();
            var expected = new long[37];
            foreach (int c in codes)
            {
                expected[c]++;
            }

            Assert.Equal(expected, Histogram.Count(codes, 37));
        }
    }

    [Fact]
    public void CountPairsMatchesAScalarLoop()
    {
        Gen.Int[0, 2000].Select(Gen.Int[1, 20], Gen.Int[1, 20]).Sample((n, kx, ky) =>
        {
            var rng = new Random(n);
            var x = Enumerable.Range(0, n).Select(_ => rng.Next(kx)).ToArray();
            var y = Enumerable.Range(0, n).Select(_ => rng.Next(ky)).ToArray();
            var expected = new long[kx * ky];
            for (int i = 0; i < n; i++)
            {
                expected[x[i] * ky + y[i]]++;
            }

            Assert.Equal(expected, Histogram.CountPairs(x, y, kx, ky));
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void OutOfRangeCodesThrowWithTheIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => Histogram.Count([0, 2, 5, 1], 4));
        Assert.Equal("codes", e.ParamName);
        Assert.Contains("5 at index 2", e.Message, StringComparison.Ordinal);
        var f = Assert.Throws<ArgumentException>(() => Histogram.CountPairs([0, 1], [0, -1], 2, 2));
        Assert.Equal("y", f.ParamName);
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => Histogram.CountPairs([0, 1], [0], 2, 2)).ParamName);
    }
}

public sealed class InPlaceLabelCountingTests
{
    [Fact]
    public void SpanLabelsWithOffsetsAndGapsMatchTheOracle()
    {
        // Negative labels, unused values inside the range, and a parallel-size input: the in-place dense path must
        // agree with a dictionary count (ClusteringEdgeTests.OracleMi).
        var rng = new Random(17);
        foreach (int n in new[] { 1, 7, 6 * 512 + 7, Histogram.ParallelThreshold + 11 })
        {
            var x = Enumerable.Range(0, n).Select(_ => -5 + 3 * rng.Next(6)).ToArray();
            var y = x.Select(v => rng.NextDouble() < 0.5 ? v + 100 : 90 + rng.Next(20)).ToArray();
            var mi = DiscreteInformation.MutualInformation(x, y, PluginEntropyEstimator.Instance, InformationUnit.Nats);
            Assert.Equal(ClusteringEdgeTests.OracleMi(x, y), mi.Value, 1e-9);
            var table = CountTable.FromLabels(x, y);
            Assert.Equal(x.Distinct().Count(), table.LevelCounts[0]);
            Assert.Equal(y.Distinct().Count(), table.LevelCounts[1]);
        }
    }

    [Fact]
    public void MismatchedOrEmptySpansThrow()
    {
        Assert.Equal("y", Assert.Throws<ArgumentException>(() => CountTable.FromLabels([1, 2], [1])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => CountTable.FromLabels([], [])).ParamName);
    }
}
