namespace Shannon.Benchmarks.Bottleneck;

internal static class PlaneTimings
{
    public static void Run(string what, string[] args) => Console.WriteLine($"unknown benchmark {what} {args.Length}");
}
