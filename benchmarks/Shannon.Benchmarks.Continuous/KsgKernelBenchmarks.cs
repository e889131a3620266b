using BenchmarkDotNet.Attributes;
using Shannon;
using Shannon.Estimators.Continuous;
using Shannon.Spatial;

namespace Shannon.Benchmarks.Continuous;

/// <summary>
/// The KSG kernel: building the k-d tree, the k-NN queries, and the whole estimate, on an odd N (6*512+7 and a
/// larger one) of a bivariate Gaussian with rho = 0.6 (fixed seed). The brute-force O(N^2) max-norm search is the
/// plain scalar baseline for the k-NN step. Each KSG run prints its estimate next to the time (the
/// "Estimate" column), so speed never quietly costs accuracy.
/// </summary>
[MemoryDiagnoser]
public class KsgKernelBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];
    private KdTree _tree = null!;

    [Params(6 * 512 + 7, 100_003)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new double[N];
        _y = new double[N];
        for (int i = 0; i < N; i++)
        {
            double a = Normal(random), b = Normal(random);
            _x[i] = a;
            _y[i] = 0.6 * a + 0.8 * b;
        }

        _tree = new KdTree([_x, _y], DistanceNorm.Maximum);
        Console.WriteLine($"// N = {N}: KSG1 estimate {Ksg1():R} nats (truth {-0.5 * Math.Log(1 - 0.36):R})");
    }

    [Benchmark]
    public KdTree BuildTree() => new([_x, _y], DistanceNorm.Maximum);

    [Benchmark]
    public double KnnQueries()
    {
        Span<int> rows = stackalloc int[3];
        Span<double> distances = stackalloc double[3];
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            _tree.NearestNeighbours(i, 3, rows, distances);
            sum += distances[2];
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public double BruteForceKnnQueries()
    {
        // The plain scalar path: O(N^2), only run on the small size.
        if (N > 10_000)
        {
            return double.NaN;
        }

        Span<double> best = stackalloc double[3];
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            best.Fill(double.PositiveInfinity);
            for (int j = 0; j < N; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double d = Math.Max(Math.Abs(_x[j] - _x[i]), Math.Abs(_y[j] - _y[i]));
                if (d < best[2])
                {
                    int m = 2;
                    while (m > 0 && best[m - 1] > d)
                    {
                        best[m] = best[m - 1];
                        m--;
                    }

                    best[m] = d;
                }
            }

            sum += best[2];
        }

        return sum;
    }

    [Benchmark]
    public double Ksg1() => new KsgMutualInformationEstimator().Estimate(_x, _y, InformationUnit.Nats).Value;

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
