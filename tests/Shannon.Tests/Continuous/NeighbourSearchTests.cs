using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Tests.Continuous;

/// <summary>The neighbour indexes against brute force, including the cases where the grid refuses and the tree takes over.</summary>
public class NeighbourSearchTests
{
    private static double Distance(double[][] c, int a, int b, DistanceNorm norm)
    {
        double acc = 0;
        foreach (double[] col in c)
        {
            double d = Math.Abs(col[a] - col[b]);
            acc = norm == DistanceNorm.Maximum ? Math.Max(acc, d) : acc + d * d;
        }

        return norm == DistanceNorm.Maximum ? acc : Math.Sqrt(acc);
    }

    private static double[][] Points(int n, int d, int seed, bool heavyTailed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, d).Select(_ => Enumerable.Range(0, n).Select(_ =>
            heavyTailed ? Math.Tan(Math.PI * (random.NextDouble() - 0.5)) : Math.Round(random.NextDouble() * 50) / 50).ToArray()).ToArray();
    }

    [Theory]
    [InlineData(2, DistanceNorm.Maximum, false)]
    [InlineData(2, DistanceNorm.Euclidean, false)]
    [InlineData(2, DistanceNorm.Maximum, true)]
    [InlineData(3, DistanceNorm.Maximum, false)]
    [InlineData(3, DistanceNorm.Euclidean, true)]
    public void KthDistancesMatchBruteForce(int d, DistanceNorm norm, bool heavyTailed)
    {
        // Rounded values (many ties and duplicates) and Cauchy tails (which the grid refuses).
        double[][] c = Points(700, d, 11 + d, heavyTailed);
        INeighbourIndex index = NeighbourIndex.Create(c, norm);
        var tree = new KdTree(c, norm);
        Span<int> rows = stackalloc int[4];
        Span<double> distances = stackalloc double[4];
        for (int i = 0; i < 700; i++)
        {
            double[] brute = Enumerable.Range(0, 700).Where(j => j != i).Select(j => Distance(c, i, j, norm)).OrderBy(v => v).Take(4).ToArray();
            index.NearestNeighboursUnchecked(i, 4, rows, distances);
            Assert.Equal(brute, distances.ToArray());
            tree.NearestNeighbours(i, 4, rows, distances);
            Assert.Equal(brute, distances.ToArray());
            for (int m = 0; m < 4; m++)
            {
                Assert.NotEqual(i, rows[m]);
                Assert.Equal(distances[m], Distance(c, i, rows[m], norm));
            }
        }
    }

    [Fact]
    public void RadiusCountsMatchBruteForce()
    {
        double[][] c = Points(500, 2, 5, heavyTailed: false);
        var tree = new KdTree(c, DistanceNorm.Maximum);
        var sorted = new SortedMarginal(c[0]);
        foreach (int i in new[] { 0, 17, 250, 499 })
        {
            foreach (double r in new[] { 0.0, 0.02, 0.1, 0.5 })
            {
                int strict = Enumerable.Range(0, 500).Count(j => j != i && Distance(c, i, j, DistanceNorm.Maximum) < r);
                int inclusive = Enumerable.Range(0, 500).Count(j => j != i && Distance(c, i, j, DistanceNorm.Maximum) <= r);
                Assert.Equal(strict, tree.CountWithin(i, r, inclusive: false));
                Assert.Equal(inclusive, tree.CountWithin(i, r, inclusive: true));
                int strict1 = Enumerable.Range(0, 500).Count(j => j != i && Math.Abs(c[0][j] - c[0][i]) < r);
                int inclusive1 = Enumerable.Range(0, 500).Count(j => j != i && Math.Abs(c[0][j] - c[0][i]) <= r);
                Assert.Equal(strict1, sorted.CountWithin(i, r, inclusive: false));
                Assert.Equal(inclusive1, sorted.CountWithin(i, r, inclusive: true));
            }
        }
    }

    [Fact]
    public void HintedCountsEqualUnhintedCountsInAnyOrder()
    {
        double[][] c = Points(400, 1, 9, heavyTailed: false);
        var sorted = new SortedMarginal(c[0]);
        int upper = -1, lower = -1, valueUpper = -1, valueLower = -1;
        var random = new Random(4);
        for (int t = 0; t < 2000; t++)
        {
            int i = random.Next(400);
            double r = random.NextDouble() * 0.3;
            bool inclusive = random.Next(2) == 0;
            int unhinted = sorted.CountWithinUnchecked(i, r, inclusive);
            Assert.Equal(unhinted, sorted.CountWithinUnchecked(i, r, inclusive, ref upper, ref lower));

            // The count by value (no row lookup, its own hints) against brute force.
            int brute = Enumerable.Range(0, 400).Count(j => j != i && (inclusive ? Math.Abs(c[0][j] - c[0][i]) <= r : Math.Abs(c[0][j] - c[0][i]) < r));
            Assert.Equal(brute, unhinted);
            Assert.Equal(brute, sorted.CountAroundValue(c[0][i], r, inclusive, ref valueUpper, ref valueLower));
        }
    }

    [Fact]
    public void TiesAreReportedAndJitterIsReproducible()
    {
        double[][] c = Points(300, 2, 3, heavyTailed: false); // values on a 1/50 lattice: many ties
        var plain = new KsgMutualInformationEstimator().Estimate(c[0], c[1], InformationUnit.Nats);
        Assert.True(plain.TiedValueCount > 400);
        Assert.Contains(plain.Warnings, w => w.Contains("tied values", StringComparison.Ordinal));
        var options = KsgOptions.Default with { Jitter = 1e-10, Seed = 5 };
        double a = new KsgMutualInformationEstimator(options).Estimate(c[0], c[1], InformationUnit.Nats).Value;
        double b = new KsgMutualInformationEstimator(options).Estimate(c[0], c[1], InformationUnit.Nats).Value;
        double other = new KsgMutualInformationEstimator(options with { Seed = 6 }).Estimate(c[0], c[1], InformationUnit.Nats).Value;
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
    }

    [Fact]
    public void InputsAreNotMutated()
    {
        double[][] c = Points(200, 2, 8, heavyTailed: true);
        double[][] copy = c.Select(col => (double[])col.Clone()).ToArray();
        new KsgMutualInformationEstimator(KsgOptions.Default with { Jitter = 0.1 }).Estimate(c[0], c[1], InformationUnit.Nats);
        _ = new KdTree(c, DistanceNorm.Euclidean);
        Assert.Equal(copy, c);
    }

    [Fact]
    public void CeilingWarningFiresForNearDeterministicData()
    {
        // y = x + 1e-9 noise: the true MI is about 20 nats, far above psi(N) - psi(k) - 1/k = 4.3 nats at N = 200.
        var random = new Random(2);
        double[] x = Enumerable.Range(0, 200).Select(_ => random.NextDouble()).ToArray();
        double[] y = x.Select(v => v + 1e-9 * random.NextDouble()).ToArray();
        var estimate = new KsgMutualInformationEstimator(KsgOptions.Default with { Algorithm = KsgAlgorithm.Algorithm2 }).Estimate(x, y, InformationUnit.Nats);
        Assert.True(estimate.Value <= KsgMutualInformationEstimator.Ceiling(200, 3) + 1e-12);
        Assert.Contains(estimate.Warnings, w => w.Contains("Gao et al. 2015", StringComparison.Ordinal));
    }
}
