using System.Diagnostics;
using Shannon;
using Shannon.Bottleneck;
using Shannon.Distributions;

// Timing script for issue #6 (a Stopwatch harness, not BenchmarkDotNet: the targets are whole runs of seconds).
// Usage (load and processor count are printed first; other processes share the cores, so cpu time is printed too):
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- ib              IB curve, |X|=256, |Y|=32, 30 betas x 3 restarts
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- ibdump          the same curve, per beta: L/beta = I(X;T)/beta - I(T;Y) in bits, to compare versions
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- ibquality       plain against accelerated sweeps: gaps to the best known L/beta over 5 seeds
//   benchmarks/run-bottleneck.sh                                                               the KDE bound against numpy/scipy on the same layers (kdetiming FILE N D R)
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- ibprobe         one restart, per-beta sweeps (IB_TOL=tolerance)
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- plane 10000     one tanh run, batch 256, binned MI at ~107 epochs
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- plane 10000 kde [relu] the same plus the KDE estimator (timed separately); relu: a ReLU run
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- runs 10000 50 [binned]   50 runs each of tanh and ReLU, all estimators (or the binned ones), parallel
string what = args.Length > 0 ? args[0] : "ib";
Console.WriteLine($"processors: {Environment.ProcessorCount}, load: {Load()}");
switch (what)
{
    case "ib":
        IbCurve(false);
        break;
    case "ibprobe":
        IbCurve(true);
        break;
    case "ibdump":
        IbCurve(false, dump: true);
        break;
    case "ibquality":
        IbQuality();
        break;
    case "kdetiming":
        KdeTiming(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
        break;
    default:
        Shannon.Benchmarks.Bottleneck.PlaneTimings.Run(what, args.Skip(1).ToArray());
        break;
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static void KdeTiming(string path, int n, int d, int repeat)
{
    // For benchmarks/peer_bottleneck.py: raw little-endian float64, the activities feature-major, then the labels.
    var raw = File.ReadAllBytes(path);
    var values = new double[raw.Length / 8];
    Buffer.BlockCopy(raw, 0, values, 0, raw.Length);
    var activity = values.AsSpan(0, n * d).ToArray();
    var labels = values.Skip(n * d).Take(n).Select(v => (int)v).ToArray();
    Shannon.Estimators.InformationPlane.LayerInformation.KernelDensityUpperBound(activity, d, labels, InformationUnit.Bits); // warm-up (JIT)
    double best = double.PositiveInfinity;
    Shannon.Estimators.InformationPlane.PlanePoint point = default;
    for (int r = 0; r < repeat; r++)
    {
        var watch = Stopwatch.StartNew();
        point = Shannon.Estimators.InformationPlane.LayerInformation.KernelDensityUpperBound(activity, d, labels, InformationUnit.Bits);
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }

    Console.WriteLine(FormattableString.Invariant($"kde {n} {d} {best:R} {point.MutualInformationXT:R} {point.MutualInformationTY:R}"));
}

static JointDistribution IbTable()
{
    // |X| = 256, |Y| = 32: a structured table (each x prefers a band of y around 32 x / 256, plus noise), seed 1.
    var random = new Random(1);
    var w = new double[256 * 32];
    for (int x = 0; x < 256; x++)
    {
        for (int y = 0; y < 32; y++)
        {
            double centre = x / 8.0;
            w[(x * 32) + y] = Math.Exp(-((y - centre) * (y - centre)) / 8.0) + (0.05 * random.NextDouble());
        }
    }

    return JointDistribution.FromCounts(w, 256, 32);
}

static double[] IbBetas() => Enumerable.Range(0, 30).Select(i => 0.5 * Math.Pow(1000, i / 29.0)).ToArray();

static void IbQuality()
{
    // The IB objective is not convex: plain and accelerated sweeps, each with 3 restarts and the default tolerance,
    // against the best known solution at each beta (the lowest L over 24 plain restarts at tolerance 1e-10 and all
    // the runs here). The gap is L/beta - best in bits; printed per method, over seeds 0..4.
    var joint = IbTable();
    var betas = IbBetas();
    var reference = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits,
        new InformationBottleneckOptions { Restarts = 24, Seed = 100, Tolerance = 1e-10, Accelerate = false });
    var best = reference.Solutions.Select(s => (s.MutualInformationXT / s.Beta) - s.MutualInformationTY).ToArray();
    var runs = new Dictionary<string, List<double[]>> { ["plain"] = [], ["accelerated"] = [] };
    foreach (var (name, accelerate) in new[] { ("plain", false), ("accelerated", true) })
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var c = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, new InformationBottleneckOptions { Seed = seed, Accelerate = accelerate });
            var l = c.Solutions.Select(s => (s.MutualInformationXT / s.Beta) - s.MutualInformationTY).ToArray();
            runs[name].Add(l);
            for (int i = 0; i < l.Length; i++)
            {
                best[i] = Math.Min(best[i], l[i]);
            }
        }
    }

    foreach (var (name, list) in runs)
    {
        var gaps = list.SelectMany(l => l.Select((v, i) => v - best[i])).ToArray();
        var perRun = list.Select(l => l.Select((v, i) => v - best[i]).Sum()).ToArray();
        Console.WriteLine(FormattableString.Invariant(
            $"{name,-12} gap to best known L/beta (bits): mean {gaps.Average():E2}, max {gaps.Max():E2}, within 1e-6 {gaps.Count(g => g <= 1e-6)}/{gaps.Length}; summed over the curve per seed: {string.Join(" ", perRun.Select(v => v.ToString("E2", System.Globalization.CultureInfo.InvariantCulture)))}"));
    }
}

static void IbCurve(bool probe, bool dump = false)
{
    var joint = IbTable();
    var betas = IbBetas();
    var options = new InformationBottleneckOptions { Restarts = 3, Seed = 0 };
    if (probe)
    {
        double tol = double.Parse(Environment.GetEnvironmentVariable("IB_TOL") ?? "1e-10", System.Globalization.CultureInfo.InvariantCulture);
        InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, options with { Restarts = 1, Tolerance = tol });
        var w0 = Stopwatch.StartNew();
        var c = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, options with { Restarts = 1, Tolerance = tol }, new ConsoleProgress());
        foreach (var s in c.Solutions)
        {
            Console.WriteLine($"beta {s.Beta:0.###} k {s.ClusterCount} it {s.Iterations} conv {s.Converged} ixt {s.MutualInformationXT:0.######} ity {s.MutualInformationTY:0.######}");
        }

        Console.WriteLine($"{w0.Elapsed.TotalMilliseconds:0} ms wall, {System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0} ms cpu (process)");
        return;
    }

    if (dump)
    {
        var c = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, options);
        foreach (var s in c.Solutions)
        {
            double l = (s.MutualInformationXT / s.Beta) - s.MutualInformationTY;
            Console.WriteLine(FormattableString.Invariant($"{s.Beta:R} {s.ClusterCount} {s.MutualInformationXT:R} {s.MutualInformationTY:R} {l:R}"));
        }

        return;
    }

    InformationBottleneck.Curve(joint, betas.Take(3).ToArray(), InformationUnit.Bits, options); // warm-up (JIT)
    for (int rep = 0; rep < 3; rep++)
    {
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var curve = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, options);
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var last = curve.Points[^1];
        Console.WriteLine($"ib curve |X|=256 |Y|=32, 30 betas x 3 restarts: {watch.Elapsed.TotalMilliseconds:0} ms wall, {cpu.TotalMilliseconds:0} ms cpu; " +
            $"converged {curve.Converged}; pareto {curve.ParetoFront.Count}; last: beta {last.Beta:0.#}, I(X;T) {last.MutualInformationXT:0.0000} bits, " +
            $"I(T;Y) {last.MutualInformationTY:0.0000} of I(X;Y) {curve.MutualInformationXY:0.0000}, |T| {last.ClusterCount}; " +
            $"sweeps {curve.Solutions.Sum(s => s.Iterations)}");
    }
}

internal sealed class ConsoleProgress : IProgress<InformationBottleneckProgress>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();

    public void Report(InformationBottleneckProgress value) =>
        Console.WriteLine($"  {_watch.Elapsed.TotalMilliseconds:0} ms beta {value.Beta:0.###} restart {value.Restart} I(X;T) {value.MutualInformationXT:0.####} I(T;Y) {value.MutualInformationTY:0.####}");
}
