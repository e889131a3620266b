using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using Shannon;
using Shannon.Estimators.Discrete;

// `time-mi FILE`: plug-in MI of the int32 pairs in FILE (x[N] then y[N], little-endian), timed in process (file read
// excluded, as in benchmarks/peer_discrete.py); `time-histogram FILE BINS`: histogram of the int32 values in FILE.
// Prints one JSON line. Anything else runs BenchmarkDotNet.
if (args.Length >= 2 && args[0] == "time-mi")
{
    var bytes = File.ReadAllBytes(args[1]);
    var all = MemoryMarshal.Cast<byte, int>(bytes).ToArray();
    int n = all.Length / 2;
    var x = all.AsSpan(0, n).ToArray();
    var y = all.AsSpan(n, n).ToArray();
    double value = 0;
    var times = Time(() => value = DiscreteInformation.MutualInformation(x, y, PluginEntropyEstimator.Instance, InformationUnit.Nats).Value);
    Report("shannon-mi", n, value, times);
    return 0;
}

if (args.Length >= 3 && args[0] == "time-histogram")
{
    var values = MemoryMarshal.Cast<byte, int>(File.ReadAllBytes(args[1])).ToArray();
    int bins = int.Parse(args[2], CultureInfo.InvariantCulture);
    long first = 0;
    var times = Time(() => first = Histogram.Count(values, bins)[0]);
    Report("shannon-histogram", values.Length, first, times);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

static double[] Time(Action action)
{
    action(); // warm-up (JIT, page faults)
    var times = new double[7];
    for (int i = 0; i < times.Length; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times[i] = watch.Elapsed.TotalMilliseconds;
    }

    Array.Sort(times);
    return times;
}

static void Report(string name, long n, double value, double[] times) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"name\": \"{name}\", \"n\": {n}, \"value\": {value:R}, \"best_ms\": {times[0]:0.###}, \"median_ms\": {times[times.Length / 2]:0.###}, \"cores\": {Environment.ProcessorCount}}}"));

/// <summary>The program (a class for BenchmarkSwitcher).</summary>
public partial class Program;
