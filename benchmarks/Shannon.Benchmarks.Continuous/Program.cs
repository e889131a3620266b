using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using Shannon;
using Shannon.Estimators.Continuous;

namespace Shannon.Benchmarks.Continuous;

/// <summary>
/// Two modes:
///   timing FILE [FILE...] [--repeat R] [--k K]   time KSG 1 on point files written by benchmarks/peer_continuous.py
///                                                 (raw little-endian float64: N values of x, then N of y) and print
///                                                 one line per file: "shannon N wall-seconds estimate cpu-seconds".
///   stages FILE                                   single-threaded time of the k-d tree build, k-NN queries, sort and
///                                                 marginal counts (public API), to see where the time goes.
///   anything else                                 BenchmarkDotNet (e.g. --filter '*KsgKernel*').
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "timing")
        {
            return Timing(args[1..]);
        }

        if (args.Length > 0 && args[0] == "stages")
        {
            Stages(args[1]);
            return Stages(args[1]); // the second pass runs jitted code
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Single-threaded time of each stage of KSG 1 on one point file, to see where the time goes.</summary>
    private static int Stages(string file)
    {
        byte[] bytes = File.ReadAllBytes(file);
        ReadOnlySpan<double> all = MemoryMarshal.Cast<byte, double>(bytes);
        int n = all.Length / 2;
        double[] x = all[..n].ToArray();
        double[] y = all[n..].ToArray();
        var watch = Stopwatch.StartNew();
        cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var tree = new Shannon.Spatial.KdTree([x, y], Shannon.Spatial.DistanceNorm.Maximum);
        Console.WriteLine($"build tree {Cpu(watch)}");
        watch = Stopwatch.StartNew(); cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var eps = new double[n];
        Span<int> rows = stackalloc int[3];
        Span<double> d = stackalloc double[3];
        for (int i = 0; i < n; i++)
        {
            tree.NearestNeighbours(i, 3, rows, d);
            eps[i] = d[2];
        }

        Console.WriteLine($"knn {Cpu(watch)}");
        watch = Stopwatch.StartNew(); cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var mx = new Shannon.Spatial.SortedMarginal(x);
        Console.WriteLine($"sort x {Cpu(watch)}");
        watch = Stopwatch.StartNew(); cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            total += mx.CountWithin(i, eps[i], false);
        }

        Console.WriteLine($"count x {Cpu(watch)} (mean {total / (double)n:F1})");
        watch = Stopwatch.StartNew(); cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var opts = KsgOptions.Default with { MaxDegreeOfParallelism = 1 };
        double v = new KsgMutualInformationEstimator(opts).Estimate(x, y, InformationUnit.Nats).Value;
        Console.WriteLine($"whole estimate, one thread {Cpu(watch)} ({v:R})");
        return 0;
    }

    private static TimeSpan cpu0;

    private static string Cpu(Stopwatch watch) =>
        string.Create(CultureInfo.InvariantCulture, $"wall {watch.Elapsed.TotalSeconds:F3} s, cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds:F3}");

    private static int Timing(string[] args)
    {
        int repeat = 3, k = 3, threads = -1;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeat": repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--k": k = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: files.Add(args[i]); break;
            }
        }

        var estimator = new KsgMutualInformationEstimator(KsgOptions.Default with { K = k, MaxDegreeOfParallelism = threads });

        // Warm-up (JIT, thread pool) on a small problem, not timed.
        var warm = new Random(1);
        double[] wx = Enumerable.Range(0, 20_000).Select(_ => warm.NextDouble()).ToArray();
        double[] wy = wx.Select(v => v + warm.NextDouble()).ToArray();
        estimator.Estimate(wx, wy, InformationUnit.Nats);

        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            ReadOnlySpan<double> all = MemoryMarshal.Cast<byte, double>(bytes);
            int n = all.Length / 2;
            double[] x = all[..n].ToArray();
            double[] y = all[n..].ToArray();
            double best = double.PositiveInfinity, bestCpu = double.PositiveInfinity, value = double.NaN;
            for (int r = 0; r < repeat; r++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                value = estimator.Estimate(x, y, InformationUnit.Nats).Value;
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
                bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"shannon {n} {best:F4} {value:R} {bestCpu:F4}"));
        }

        return 0;
    }
}
