using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Shannon.Web.Tests;

/// <summary>
/// A bounded load test on loopback: 1,000 requests from 4 concurrent clients over every panel's endpoint and the page's
/// files; no error is allowed. It stops by itself (a fixed count, and a 60 s cancellation as a guard). The latencies are
/// printed and written to TestResults/load-test.txt, not asserted (speed is not a unit-test property).
/// </summary>
[Collection("server")]
public sealed class LoadTest(ServerFixture server, ITestOutputHelper output)
{
    public const int Requests = 1000;
    public const int Concurrency = 4;

    private static readonly string[] Targets =
    [
        "api/coin?p=0.37",
        "api/gaussians?mu1=0.5&sigma1=1.2&mu2=-1&sigma2=0.7",
        "api/correlation?rho=0.45&n=300&bins=8",
        "api/temperature?t=0.8",
        "api/venn?rows=3&columns=3&weights=1,2,3,4,5,6,7,8,9",
        "api/coin?p=7", // a refused request is part of the mix: it must be a 400, not an error
        "",
        "app.js",
    ];

    [Fact]
    public async Task ThousandRequests_FourConcurrent_NoErrors()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var latencies = new double[Requests];
        int next = -1, errors = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                string target = Targets[i % Targets.Length];
                var sw = Stopwatch.StartNew();
                try
                {
                    using var response = await server.Client.GetAsync(target, cts.Token);
                    await response.Content.ReadAsByteArrayAsync(cts.Token);
                    int expected = target.EndsWith("p=7", StringComparison.Ordinal) ? 400 : 200;
                    if ((int)response.StatusCode != expected)
                    {
                        Interlocked.Increment(ref errors);
                        failures.Enqueue($"{target}: {(int)response.StatusCode}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                    failures.Enqueue($"{target}: {e.GetType().Name} {e.Message}");
                }

                latencies[i] = sw.Elapsed.TotalMilliseconds;
            }
        })).ToArray();
        await Task.WhenAll(workers);
        total.Stop();

        Array.Sort(latencies);
        string report = string.Create(CultureInfo.InvariantCulture,
            $"load test: {Requests} requests, {Concurrency} concurrent, {errors} errors, {total.Elapsed.TotalSeconds:F2} s ({Requests / total.Elapsed.TotalSeconds:F0} req/s), " +
            $"latency p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms ({Environment.ProcessorCount} cores)");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(ServerFixture.ResultsDirectory("."), "load-test.txt"), report + Environment.NewLine);
        Assert.True(errors == 0, report + "\n" + string.Join("\n", failures.Take(10)));
        await server.AssertStillServingAsync();
    }

    private static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
