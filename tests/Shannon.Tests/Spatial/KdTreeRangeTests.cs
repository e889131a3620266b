using Shannon.Spatial;

namespace Shannon.Tests.Spatial;

/// <summary>The k-d tree over the whole double range (issue 15): coordinates near +-1e308 and near 1e-300.</summary>
public class KdTreeRangeTests
{
    [Theory]
    [InlineData(DistanceNorm.Maximum)]
    [InlineData(DistanceNorm.Euclidean)]
    public void NeighboursOfHugeAndTinyCoordinatesMatchThoseOfTheUnscaledPoints(DistanceNorm norm)
    {
        // The same 300 points times 2^1020 (near 1e307: differences and squares overflow) and times 2^-1000 (squares
        // underflow): power-of-two factors are exact, so the neighbours must be the same rows and the distances the
        // unscaled ones times the factor, exactly.
        var random = new Random(5);
        double[][] columns = [.. Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, 300).Select(_ => random.NextDouble() * 2 - 1).ToArray())];
        var plain = new KdTree(columns, norm);
        foreach (int e in new[] { 1020, -1000 })
        {
            var scaled = new KdTree(columns.Select(c => c.Select(v => Math.ScaleB(v, e)).ToArray()).ToArray(), norm);
            int[] rowsA = new int[4], rowsB = new int[4];
            double[] distA = new double[4], distB = new double[4];
            for (int i = 0; i < 300; i++)
            {
                plain.NearestNeighbours(i, 4, rowsA, distA);
                scaled.NearestNeighbours(i, 4, rowsB, distB);
                Assert.Equal(rowsA, rowsB);
                for (int m = 0; m < 4; m++)
                {
                    Assert.Equal(Math.ScaleB(distA[m], e), distB[m]);
                }

                Assert.Equal(plain.CountWithin(i, 0.1, inclusive: false), scaled.CountWithin(i, Math.ScaleB(0.1, e), inclusive: false));
            }
        }
    }

    [Fact]
    public void OppositeEndsOfTheRangeDoNotCrash()
    {
        // Issue 15's crash: +-1e308 in one column. The distance between 1e308 and -1e308 is 2e308, which is +infinity in
        // doubles; every query still returns its k rows.
        double[] a = [1e308, -1e308, 0, 5e307, -5e307, 1.7e308, -1.7e308, 1];
        var tree = new KdTree([a], DistanceNorm.Maximum);
        Span<int> rows = stackalloc int[7];
        Span<double> distances = stackalloc double[7];
        for (int i = 0; i < a.Length; i++)
        {
            tree.NearestNeighbours(i, 7, rows, distances);
            var expected = Enumerable.Range(0, a.Length).Where(j => j != i).Select(j => Math.Abs(a[j] - a[i])).Order().ToArray();
            Assert.Equal(expected, distances.ToArray());
        }

        tree.NearestNeighbours(0, 1, rows, distances);
        Assert.Equal(3, rows[0]); // from 1e308: 5e307 is 0.5e308 away, 1.7e308 is 0.7e308 away
    }
}
