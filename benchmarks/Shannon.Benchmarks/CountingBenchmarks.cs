using BenchmarkDotNet.Attributes;
using Shannon;
using Shannon.Estimators.Discrete;

namespace Shannon.Benchmarks;

/// <summary>
/// Counting kernels against the plain scalar loop (baseline), at an odd small size and at 10^7 values.
/// The estimate is printed next to the time by returning it.
/// </summary>
[MemoryDiagnoser]
public class CountingBenchmarks
{
    private int[] _x = [];
    private int[] _y = [];

    [Params(6 * 512 + 7, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _x = new int[N];
        _y = new int[N];
        for (int i = 0; i < N; i++)
        {
            _x[i] = rng.Next(16);
            _y[i] = rng.NextDouble() < 0.5 ? _x[i] : rng.Next(16);
        }
    }

    [Benchmark(Baseline = true)]
    public long ScalarJointHistogram()
    {
        var counts = new long[256];
        for (int i = 0; i < _x.Length; i++)
        {
            counts[_x[i] * 16 + _y[i]]++;
        }

        return counts[0];
    }

    [Benchmark]
    public long JointHistogram() => Histogram.CountPairs(_x, _y, 16, 16)[0];

    [Benchmark]
    public long Histogram16() => Histogram.Count(_x, 16)[0];

    [Benchmark]
    public double PluginMutualInformation() =>
        DiscreteInformation.MutualInformation(_x, _y, PluginEntropyEstimator.Instance, InformationUnit.Bits).Value;

    [Benchmark]
    public int SparseJointCountsCells() => SparseJointCounts.Count(_x, _y, 16, 16).Keys.Count;
}
