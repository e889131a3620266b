using System.Diagnostics;
using System.Globalization;
using Shannon.Lab.Models;

namespace Shannon.Benchmarks.Bottleneck;

/// <summary>
/// plane [epochs] [kde] [relu]: one tanh (or ReLU) run (minibatch 256) with the binned estimators at ~110 log-spaced epochs; with
/// "kde" the KDE estimator too (its time is printed separately).
/// runs [epochs] [R] [binned]: R runs each for tanh and ReLU, in parallel over the cores, binned estimators + KDE
/// (only the two binned estimators with "binned").
/// </summary>
internal static class PlaneTimings
{
    public static void Run(string what, string[] args)
    {
        int epochs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        if (what == "plane")
        {
            bool kde = args.Contains("kde");
            var activation = args.Contains("relu") ? HiddenActivation.Relu : HiddenActivation.Tanh;
            var estimators = kde
                ? new[] { PlaneEstimator.FixedRangeBinning, PlaneEstimator.FixedWidthBinning, PlaneEstimator.KernelDensityUpperBound }
                : new[] { PlaneEstimator.FixedRangeBinning, PlaneEstimator.FixedWidthBinning };
            var options = new InformationPlaneOptions { Epochs = epochs, Estimators = estimators, Activation = activation };
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var run = InformationPlaneTraining.Run(options);
            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            Console.WriteLine($"{activation} run, {epochs} epochs, batch 256, {run.Epochs.Length} tracked epochs: {watch.Elapsed.TotalSeconds:0.00} s wall, {cpu.TotalSeconds:0.00} s cpu; " +
                $"training {run.TrainingSeconds:0.00} s; " + string.Join("; ", run.EstimatorSeconds.Select(kv => $"{kv.Key} {kv.Value:0.00} s")));
            int last = run.Epochs.Length - 1;
            Console.WriteLine($"final train acc {run.TrainAccuracy[last]:0.000}, test acc {run.TestAccuracy[last]:0.000}, train loss {run.TrainLoss[last]:0.0000}");
            foreach (var (estimator, plane) in run.Planes)
            {
                Console.WriteLine($"{estimator}: last layer-1 I(X;T) {plane[last, 0].MutualInformationXT:0.000}, output I(T;Y) {plane[last, plane.GetLength(1) - 1].MutualInformationTY:0.000}");
            }
        }
        else if (what == "runs")
        {
            int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
            bool binnedOnly = args.Length > 2 && args[2] == "binned";
            var estimators = binnedOnly
                ? new[] { PlaneEstimator.FixedRangeBinning, PlaneEstimator.FixedWidthBinning }
                : new[] { PlaneEstimator.FixedRangeBinning, PlaneEstimator.FixedWidthBinning, PlaneEstimator.KernelDensityUpperBound };
            var watch = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var jobs = new[] { HiddenActivation.Tanh, HiddenActivation.Relu }.SelectMany(a => Enumerable.Range(0, runs).Select(r => (a, r))).ToArray();
            Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, job =>
                InformationPlaneTraining.Run(new InformationPlaneOptions { Activation = job.a, Epochs = epochs, Seed = job.r, Estimators = estimators }));
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            Console.WriteLine($"{runs} runs x (tanh, relu), {epochs} epochs, {(binnedOnly ? "binned estimators" : "all estimators")}: {watch.Elapsed.TotalSeconds:0.0} s wall, {cpu.TotalSeconds:0.0} s cpu");
        }
        else
        {
            Console.WriteLine($"unknown benchmark {what}");
        }
    }
}
