using System.Diagnostics;
using Shannon;
using Shannon.Bottleneck;
using Shannon.Distributions;

// Timing script for issue #6 (a Stopwatch harness, not BenchmarkDotNet: the targets are whole runs of seconds).
// Usage (load and processor count are printed first; other processes share the cores, so cpu time is printed too):
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- ib              IB curve, |X|=256, |Y|=32, 30 betas x 3 restarts
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- ibdump          the same curve, per beta: L/beta = I(X;T)/beta - I(T;Y) in bits, to compare versions
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- ibprobe         one restart, per-beta sweeps (IB_TOL=tolerance)
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- plane 10000     one tanh run, batch 256, binned MI at ~107 epochs
//   dotnet run -c Release --project benchmarks/Shannon.Benchmarks.Bottleneck -- plane 10000 kde the same plus the KDE estimator (timed separately)
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
    default:
        Shannon.Benchmarks.Bottleneck.PlaneTimings.Run(what, args.Skip(1).ToArray());
        break;
}

static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static void IbCurve(bool probe, bool dump = false)
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

    var joint = JointDistribution.FromCounts(w, 256, 32);
    var betas = Enumerable.Range(0, 30).Select(i => 0.5 * Math.Pow(1000, i / 29.0)).ToArray();
    var options = new InformationBottleneckOptions { Restarts = 3, Seed = 0 };
    if (probe)
    {
        double tol = double.Parse(Environment.GetEnvironmentVariable("IB_TOL") ?? "1e-10", System.Globalization.CultureInfo.InvariantCulture);
        var w0 = Stopwatch.StartNew();
        var c = InformationBottleneck.Curve(joint, betas, InformationUnit.Bits, options with { Restarts = 1, Tolerance = tol });
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
