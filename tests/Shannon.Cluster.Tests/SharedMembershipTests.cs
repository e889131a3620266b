using System.Diagnostics;
using System.Text.Json;
using Shannon.Cli;

namespace Shannon.Cluster.Tests;

/// <summary>
/// Three silo processes whose membership table lives in a folder they share (`shannon cluster silo --membership
/// DIR`) instead of in the first silo's memory: the first silo is killed, and a job through the other gateways still
/// gives the single machine's answer.
/// </summary>
public sealed class SharedMembershipTests
{
    [Fact]
    public void TheClusterSurvivesItsFirstSilo()
    {
        using var shards = new Shards(count: 6, rows: 200);
        string clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        string membership = Path.Combine(shards.Root, "membership");
        Directory.CreateDirectory(membership);
        var saved = new Dictionary<string, string?>();
        foreach (var (name, value) in new[] { ("SHANNON_CLUSTER_ID", clusterId), ("SHANNON_SERVICE_ID", "shannon-tests"), ("SHANNON_CLUSTER_CALL_TIMEOUT", "6"), ("SHANNON_CLUSTER_CONNECT_TIMEOUT", "30") })
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            using var silos = new SiloProcesses(clusterId, shards.Root, count: 3, shardDelayMs: 0, membership: membership);
            string[] rank = ["rank", "{F}", "--target", "t", "--estimator", "plugin", "--json"];
            string one = Features(Run([.. rank.Select(a => a == "{F}" ? shards.AllTable : a)]));
            Assert.Equal(one, Features(Run([.. rank.Select(a => a == "{F}" ? shards.Tables : a), "--cluster", silos.Gateway])));

            silos.Kill(0);
            string survivors = $"127.0.0.1:{silos.GatewayPorts[1]},127.0.0.1:{silos.GatewayPorts[2]}";
            var timer = Stopwatch.StartNew();
            var after = Run([.. rank.Select(a => a == "{F}" ? shards.Tables : a), "--cluster", survivors]);
            Assert.True(after.Code == 0, $"exit {after.Code} after the first silo died: {after.Err}");
            Assert.Equal(one, Features(after));
            // Not a speed test: only a hang (a unit never retried) reaches this.
            Assert.True(timer.Elapsed < TimeSpan.FromMinutes(3), $"the job after the first silo died hung: {timer.Elapsed}");
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [Fact]
    public void MembershipAndPrimaryAreOneLineUsageErrors()
    {
        string folder = Directory.CreateTempSubdirectory("shannon-membership-").FullName;
        try
        {
            foreach (var (args, needle) in new[]
            {
                (new[] { "cluster", "silo", "--membership", folder, "--primary", "127.0.0.1:11111", "--cluster-id", "c", "--service-id", "s" }, "`--membership` and `--primary` exclude each other"),
                (["cluster", "silo", "--membership", Path.Combine(folder, "missing"), "--cluster-id", "c", "--service-id", "s"], "`--membership` must name an existing folder"),
            })
            {
                var (code, output, err) = Run(args);
                Assert.Equal(2, code);
                Assert.Equal("", output);
                Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains(needle, err, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A rank's (column, value) pairs as text (exact: the doubles' round-trip form).</summary>
    private static string Features((int Code, string Out, string Err) run)
    {
        Assert.True(run.Code == 0, $"exit {run.Code}: {run.Err}");
        var root = JsonDocument.Parse(run.Out).RootElement;
        return string.Join("; ", root.GetProperty("features").EnumerateArray().Select(f => $"{f.GetProperty("column").GetString()} {f.GetProperty("value").GetDouble():R}"));
    }

    private static (int Code, string Out, string Err) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            int code = CliApp.Run(args, output, error);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}
