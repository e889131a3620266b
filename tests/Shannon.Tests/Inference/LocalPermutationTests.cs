using Shannon.Estimators.Continuous;
using Shannon.Inference;

namespace Shannon.Tests.Inference;

/// <summary>
/// Runge's (2018) local permutation test of conditional independence with continuous Z (issue 13, item 5): p-values
/// uniform under the null (a Kolmogorov-Smirnov check over seeds), small under dependence, reproducible and
/// independent of the thread count.
/// </summary>
public class LocalPermutationTests
{
    private static (Samples X, Samples Y, Samples Z) Data(int seed, int n, double coupling)
    {
        // Z drives both X and Y (so X and Y are dependent, but independent given Z when coupling = 0).
        var random = new Random(seed);
        double[] z = new double[n], x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++)
        {
            z[i] = ColumnStatistics.StandardNormal(random);
            x[i] = z[i] + 0.5 * ColumnStatistics.StandardNormal(random);
            y[i] = z[i] + coupling * x[i] + 0.5 * ColumnStatistics.StandardNormal(random);
        }

        return (Samples.FromColumns(x), Samples.FromColumns(y), Samples.FromColumns(z));
    }

    [Fact]
    public void PValuesAreUniformUnderConditionalIndependence()
    {
        // 40 data sets (N = 100) with X and Y independent given Z, B = 19 permutations each (kept small: the suite's time).
        // Kolmogorov-Smirnov distance of the 40 p-values from the uniform: the 5% critical value for n = 40 is
        // 1.36 / sqrt(40) = 0.215 (Massey 1951), and the p-values' grid of 1/20 adds at most 0.05. A global shuffle would
        // test X independent of (Y, Z) instead, which is false here (both depend on Z).
        var estimator = new KsgConditionalMutualInformationEstimator(KsgOptions.Default with { MaxDegreeOfParallelism = 1 });
        var options = LocalPermutationTestOptions.Default with { Permutations = 19 };
        var p = new List<double>();
        for (int s = 0; s < 40; s++)
        {
            var (x, y, z) = Data(100 + s, 100, 0);
            p.Add(LocalPermutationTest.ConditionalMutualInformation(x, y, z, estimator, InformationUnit.Nats, options with { Seed = s }).PValue);
        }

        p.Sort();
        double d = 0;
        for (int i = 0; i < p.Count; i++)
        {
            d = Math.Max(d, Math.Max((i + 1.0) / p.Count - p[i], p[i] - (double)i / p.Count));
        }

        Assert.True(d < 0.215 + 0.05, $"KS distance {d}; p-values {string.Join(", ", p)}");
    }

    [Fact]
    public void PValueIsSmallUnderDependenceAndReproducibleAcrossThreadCounts()
    {
        var (x, y, z) = Data(7, 200, 0.5);
        var estimator = new KsgConditionalMutualInformationEstimator(KsgOptions.Default with { MaxDegreeOfParallelism = 1 });
        var options = LocalPermutationTestOptions.Default with { Permutations = 49, Seed = 3 };
        var all = LocalPermutationTest.ConditionalMutualInformation(x, y, z, estimator, InformationUnit.Nats, options);
        Assert.Equal(0.02, all.PValue, 1e-12); // no permuted CMI reaches the observed one: (0 + 1) / (49 + 1)
        Assert.True(all.NullMean < all.Observed.Value);
        var one = LocalPermutationTest.ConditionalMutualInformation(x, y, z, estimator, InformationUnit.Nats, options with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(all.PValue, one.PValue);
        Assert.Equal(all.NullMean, one.NullMean);
        var (x0, y0, z0) = Data(8, 200, 0);
        var a = LocalPermutationTest.ConditionalMutualInformation(x0, y0, z0, estimator, InformationUnit.Nats, options);
        var b = LocalPermutationTest.ConditionalMutualInformation(x0, y0, z0, estimator, InformationUnit.Nats, options);
        Assert.Equal(a.PValue, b.PValue);
        Assert.Equal(a.NullMean, b.NullMean);
        Assert.Equal(a.Observed.Value, b.Observed.Value);
    }

    [Fact]
    public void EachSampleDrawsFromItsOwnNeighbours()
    {
        int[][] neighbours = [[0, 1], [1, 0], [2, 3], [3, 2]];
        for (int s = 0; s < 20; s++)
        {
            int[] p = LocalPermutationTest.Draw(neighbours, new Random(s));
            for (int i = 0; i < 4; i++)
            {
                Assert.Contains(p[i], neighbours[i]);
            }
        }
    }

    [Fact]
    public void BadOptionsNameTheParameter()
    {
        var (x, y, z) = Data(1, 20, 0);
        var estimator = new KsgConditionalMutualInformationEstimator(KsgOptions.Default with { MaxDegreeOfParallelism = 1 });
        var e = Assert.ThrowsAny<ArgumentException>(() => LocalPermutationTest.ConditionalMutualInformation(x, y, z, estimator, InformationUnit.Nats, new LocalPermutationTestOptions { Permutations = 0 }));
        Assert.Equal("permutations", e.ParamName);
        e = Assert.ThrowsAny<ArgumentException>(() => LocalPermutationTest.ConditionalMutualInformation(x, y, z, estimator, InformationUnit.Nats, new LocalPermutationTestOptions { NeighbourCount = 20 }));
        Assert.Equal("neighbourCount", e.ParamName);
    }
}
