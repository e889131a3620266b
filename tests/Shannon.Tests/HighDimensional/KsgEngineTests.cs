using Shannon.Distributions;
using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Tests.HighDimensional;

/// <summary>The k-NN engine against a plain scalar brute-force reference written here from the KSG definitions
/// (Kraskov et al. 2004, eqs. 8 and 9), for every X dimension 1..64 and both methods, at sizes on both sides of the
/// engine's no-pilot threshold (1500 points), where the automatic choice runs its timed pilot.</summary>
public class KsgEngineTests
{
    private static double[][] RandomColumns(int d, int n, Random random, double[][]? coupleTo = null)
    {
        var c = new double[d][];
        for (int j = 0; j < d; j++)
        {
            c[j] = new double[n];
            for (int i = 0; i < n; i++)
            {
                double z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                c[j][i] = coupleTo is null ? z : 0.7 * coupleTo[j % coupleTo.Length][i] + 0.7 * z;
            }
        }

        return c;
    }

    private static (double[] Radius, int[] Nx, int[] Ny) Reference(double[][] xs, double[][] ys, int k, bool second)
    {
        int n = xs[0].Length;
        var r = new double[n];
        var nx = new int[n];
        var ny = new int[n];
        for (int i = 0; i < n; i++)
        {
            var dx = new double[n];
            var dy = new double[n];
            var joint = new List<(double D, int J)>();
            for (int j = 0; j < n; j++)
            {
                foreach (double[] c in xs)
                {
                    dx[j] = Math.Max(dx[j], Math.Abs(c[i] - c[j]));
                }

                foreach (double[] c in ys)
                {
                    dy[j] = Math.Max(dy[j], Math.Abs(c[i] - c[j]));
                }

                if (j != i)
                {
                    joint.Add((Math.Max(dx[j], dy[j]), j));
                }
            }

            joint.Sort((a, b) => a.D.CompareTo(b.D));
            double eps = joint[k - 1].D;
            r[i] = eps;
            double ex = eps, ey = eps;
            if (second)
            {
                ex = joint.Take(k).Max(t => dx[t.J]);
                ey = joint.Take(k).Max(t => dy[t.J]);
            }

            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                nx[i] += second ? (dx[j] <= ex ? 1 : 0) : (dx[j] < eps ? 1 : 0);
                ny[i] += second ? (dy[j] <= ey ? 1 : 0) : (dy[j] < eps ? 1 : 0);
            }
        }

        return (r, nx, ny);
    }

    public static TheoryData<int> Dimensions()
    {
        var data = new TheoryData<int>();
        for (int d = 1; d <= 64; d++)
        {
            data.Add(d);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Counts_match_the_scalar_reference_in_every_dimension(int d)
    {
        var random = new Random(100 + d);
        int n = 97 + 2 * d; // odd sizes that exercise the vector tails
        double[][] xs = RandomColumns(d, n, random);
        double[][] ys = RandomColumns(1 + d % 4, n, random, xs);
        foreach (var algorithm in new[] { KsgAlgorithm.Algorithm1, KsgAlgorithm.Algorithm2 })
        {
            var expected = Reference(xs, ys, 3, algorithm == KsgAlgorithm.Algorithm2);
            // The tree is slow in high dimension (that is why the engine switches); it is checked up to 16 + 4 here.
            foreach (var search in d <= 16 ? new[] { NeighbourSearch.BruteForce, NeighbourSearch.Tree } : new[] { NeighbourSearch.BruteForce })
            {
                KsgCounts got = KsgNeighbourCounts.Compute(xs, ys, 3, algorithm, search, -1);
                Assert.Equal(expected.Radius, got.Radius);
                Assert.Equal(expected.Nx, got.CountX);
                Assert.Equal(expected.Ny, got.CountY);
            }
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 1601)]
    [InlineData(3, 3, 5, 1601)]
    [InlineData(6, 4, 4, 1703)]
    public void Counts_match_the_reference_above_the_pilot_threshold(int dx, int dy, int k, int n)
    {
        var random = new Random(dx * 31 + dy);
        double[][] xs = RandomColumns(dx, n, random);
        double[][] ys = RandomColumns(dy, n, random, xs);
        var expected = Reference(xs, ys, k, false);
        foreach (var search in new[] { NeighbourSearch.BruteForce, NeighbourSearch.Tree, NeighbourSearch.Automatic })
        {
            KsgCounts got = KsgNeighbourCounts.Compute(xs, ys, k, KsgAlgorithm.Algorithm1, search, -1);
            Assert.Equal(expected.Radius, got.Radius);
            Assert.Equal(expected.Nx, got.CountX);
            Assert.Equal(expected.Ny, got.CountY);
        }
    }

    [Fact]
    public void Standardized_estimate_equals_the_classic_ksg_estimator()
    {
        var (x, y) = MutualInformationTask.NormalSparse(4, 3).Sample(2500, 5);
        foreach (var algorithm in new[] { KsgAlgorithm.Algorithm1, KsgAlgorithm.Algorithm2 })
        {
            double classic = new KsgMutualInformationEstimator(new KsgOptions { Algorithm = algorithm }).Estimate(x, y, InformationUnit.Nats).Value;
            foreach (var search in new[] { NeighbourSearch.BruteForce, NeighbourSearch.Tree })
            {
                var estimator = new KnnMutualInformationEstimator(new KnnMutualInformationOptions
                {
                    Algorithm = algorithm, Preprocessing = MarginalPreprocessing.Standardize, Search = search,
                });
                var result = estimator.EstimateWithDiagnostics(x, y, InformationUnit.Nats);
                Assert.Equal(classic, result.Estimate.Value, 1e-12);
                Assert.Equal(search, result.Search);
            }
        }
    }

    [Fact]
    public void Normal_scores_make_the_estimate_invariant_under_monotone_marginal_maps()
    {
        var baseTask = MutualInformationTask.StudentT(2, 2, 2);
        var (bx, by) = baseTask.Sample(1500, 9);
        var (tx, ty) = MutualInformationTask.HalfCube(MutualInformationTask.Asinh(baseTask)).Sample(1500, 9);
        var estimator = new KnnMutualInformationEstimator();
        double a = estimator.Estimate(bx, by, InformationUnit.Nats).Value;
        double b = estimator.Estimate(tx, ty, InformationUnit.Nats).Value;
        Assert.Equal(a, b);
        double raw = new KnnMutualInformationEstimator(new KnnMutualInformationOptions { Preprocessing = MarginalPreprocessing.Standardize })
            .Estimate(tx, ty, InformationUnit.Nats).Value;
        Assert.NotEqual(a, raw);
    }

    [Fact]
    public void Bad_options_name_the_parameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new KnnMutualInformationEstimator(new KnnMutualInformationOptions { K = 0 }));
        Assert.Equal("k", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new KnnMutualInformationEstimator(new KnnMutualInformationOptions { Search = (NeighbourSearch)9 }));
        Assert.Equal("search", e.ParamName);
        var ex = Assert.Throws<ArgumentException>(() => new KnnMutualInformationEstimator().Estimate(
            Samples.FromColumn([1.0, 2, 3]), Samples.FromColumn([1.0, 2]), InformationUnit.Nats));
        Assert.Equal("y", ex.ParamName);
    }
}
