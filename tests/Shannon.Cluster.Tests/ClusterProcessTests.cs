using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Shannon.Cli;

namespace Shannon.Cluster.Tests;

/// <summary>
/// Three silo processes of the real `shannon cluster silo` command on loopback TCP, twelve small shards: every
/// cluster answer is compared with the single-machine answer on the concatenated shards (label tables, texts, and
/// real-valued tables with binned estimates); then one silo is killed mid-job (the job still gives the same answer),
/// then the primary (a job through the survivor: exit 2, one line naming its address), then all (the same, no hang).
/// One test, because the later steps break the cluster the earlier ones need.
/// </summary>
public sealed class ClusterProcessTests
{
    [Fact]
    public void ThreeSiloProcessesGiveTheSingleMachineAnswersAndSurviveAKilledSilo()
    {
        using var shards = new Shards(count: 12, rows: 200);
        string clusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        var saved = new Dictionary<string, string?>();
        foreach (var (name, value) in new[] { ("SHANNON_CLUSTER_ID", clusterId), ("SHANNON_SERVICE_ID", "shannon-tests"), ("SHANNON_CLUSTER_CALL_TIMEOUT", "15"), ("SHANNON_CLUSTER_TRACE", "1"), ("SHANNON_CLUSTER_CONNECT_TIMEOUT", "30") })
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            // Shard reads pause 1 s on the silos, so that a job is still running when a silo is killed.
            using var silos = new SiloProcesses(clusterId, shards.Root, count: 3, shardDelayMs: 1000);
            string g = silos.Gateway;

            // mi with a 999-permutation test and a bootstrap: exact equality, every silo used.
            string[] mi = ["mi", "--x", "a,b", "--y", "t", "--estimator", "miller-madow", "--permutations", "999", "--bootstrap", "200", "--seed", "11", "--json"];
            var one = Json(Run([mi[0], shards.AllTable, .. mi[1..]]));
            var many = Json(Run([mi[0], shards.Tables, .. mi[1..], "--cluster", g]));
            foreach (var key in new[] { "value", "n", "h_x", "h_y", "h_xy", "p_value", "null_mean", "ci_low", "ci_high", "standard_error" })
            {
                if (one.TryGetProperty(key, out var expected))
                {
                    Assert.True(expected.GetDouble() == many.GetProperty(key).GetDouble(), $"mi {key}: one machine {expected}, cluster {many.GetProperty(key)}");
                }
            }

            Assert.Equal(3, many.GetProperty("silos_used").GetInt32());

            // (Retries are allowed here: on a loaded machine a call can pass its timeout and be retried; the answer stays the same.)

            // Conditional MI and entropy.
            SameNumbers(["mi", "{F}", "--x", "a", "--y", "t", "--z", "b", "--json"], shards, g, "value", "n");
            SameNumbers(["entropy", "{F}", "--column", "c", "--estimator", "chao-shen", "--json"], shards, g, "value", "n");

            // rank: the same features in the same order with the same values (to 1e-12: cell sums in another order).
            string[] rank = ["rank", "{F}", "--target", "t", "--estimator", "plugin", "--json"];
            var (rankOne, rankMany) = Both(rank, shards, g);
            SameFeatures(rankOne, rankMany);

            // matrix: every entry.
            var (matrixOne, matrixMany) = Both(["matrix", "{F}", "--estimator", "plugin", "--json"], shards, g);
            Close(matrixOne.GetProperty("values"), matrixMany.GetProperty("values"), "matrix values");
            Assert.Equal(matrixOne.GetProperty("columns").ToString(), matrixMany.GetProperty("columns").ToString());

            // pmi over text shards (each shard its own documents) against the shards joined by blank lines.
            var pmiOne = Json(Run(["pmi", shards.AllText, "--window", "3", "--min-count", "3", "--top", "10", "--json"]));
            var pmiMany = Json(Run(["pmi", shards.Texts, "--window", "3", "--min-count", "3", "--top", "10", "--json", "--cluster", g]));
            foreach (var key in new[] { "value", "n", "tokens", "vocabulary", "distinct_pairs" })
            {
                Assert.True(pmiOne.GetProperty(key).GetDouble() == pmiMany.GetProperty(key).GetDouble(), $"pmi {key}");
            }

            Assert.Equal(pmiOne.GetProperty("pairs").ToString(), pmiMany.GetProperty("pairs").ToString());

            // Real-valued columns, --estimator binned --bins B: a first pass gathers each real column's range over the
            // shards, a second counts every shard into the same edges; every number equals the single machine's, exactly.
            foreach (string[] args in new[]
            {
                new[] { "mi", "{R}", "--x", "u", "--y", "v", "--estimator", "binned", "--bins", "8", "--json" },
                ["mi", "{R}", "--x", "u,w", "--y", "v", "--estimator", "binned", "--bins", "5", "--json"],
                ["mi", "{R}", "--x", "u", "--y", "v", "--z", "a", "--estimator", "binned", "--bins", "6", "--json"],
                ["entropy", "{R}", "--column", "w", "--estimator", "binned", "--bins", "9", "--json"],
            })
            {
                var (realOne, realMany) = BothReals(args, shards, g);
                foreach (var key in new[] { "value", "n", "bins", "h_xz", "h_yz", "h_xyz", "h_z" })
                {
                    if (realOne.TryGetProperty(key, out var expected))
                    {
                        Assert.True(expected.GetDouble() == realMany.GetProperty(key).GetDouble(), $"{string.Join(' ', args)} {key}: one machine {expected}, cluster {realMany.GetProperty(key)}");
                    }
                }
            }

            var (realRankOne, realRankMany) = BothReals(["rank", "{R}", "--target", "v", "--estimator", "binned", "--bins", "7", "--json"], shards, g);
            Assert.Equal(Features(realRankOne), Features(realRankMany));
            var (realMatrixOne, realMatrixMany) = BothReals(["matrix", "{R}", "--estimator", "binned", "--bins", "7", "--json"], shards, g);
            Assert.Equal(realMatrixOne.GetProperty("values").ToString(), realMatrixMany.GetProperty("values").ToString());

            // The Gaussian fit from moments merged over the shards: the single machine's to 1e-12 (sums in another order).
            SameNumbers(["mi", "{F}", "--x", "u,w", "--y", "v", "--estimator", "gaussian", "--json"], shards, g, reals: true, "value", "n");
            var (gaussOne, gaussMany) = BothReals(["rank", "{R}", "--target", "v", "--columns", "u,w", "--estimator", "gaussian", "--json"], shards, g);
            SameFeatures(gaussOne, gaussMany);

            // Freedman-Diaconis needs the exact global IQR (every value in one place), and the k-NN family every row:
            // one-line usage errors that name the fix.
            foreach (var (args, needle) in new[]
            {
                (new[] { "mi", shards.Reals, "--x", "u", "--y", "v", "--estimator", "binned", "--cluster", g }, "needs `--bins B`"),
                (["mi", shards.Reals, "--x", "u", "--y", "v", "--estimator", "ksg1", "--cluster", g], "use --estimator binned --bins B"),
                (["mi", shards.Reals, "--x", "u", "--y", "v", "--cluster", g], "use --estimator binned --bins B"),
            })
            {
                var (code, output, err) = Run(args);
                Assert.True(code == 2, $"{string.Join(' ', args)}: exit {code}: {err}");
                Assert.Equal("", output);
                var errorLines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("trace:", StringComparison.Ordinal)).ToArray();
                Assert.Single(errorLines);
                Assert.Contains(needle, errorLines[0], StringComparison.Ordinal);
                Assert.Contains("--cluster", errorLines[0], StringComparison.Ordinal);
            }

            // A shard outside the silos' data folders is refused (exit 2, one line).
            string outside = Path.Combine(Path.GetTempPath(), "shannon-outside-" + Guid.NewGuid().ToString("N") + ".csv");
            File.Copy(Path.Combine(shards.Tables, "part-00.csv"), outside);
            try
            {
                var (code, _, err) = Run(["mi", outside, "--x", "a", "--y", "t", "--cluster", g]);
                Assert.Equal(2, code);
                Assert.Contains("outside this silo's data folders", err, StringComparison.Ordinal);
            }
            finally
            {
                File.Delete(outside);
            }

            // The fault: kill a secondary silo as soon as the counting units are sent; the job retries its share.
            int sent = 0;
            bool killed = false;
            Task? killer = null;
            var watch = new LineWriter(line =>
            {
                if (line.Contains("live silos", StringComparison.Ordinal) && Interlocked.Increment(ref sent) == 2)
                {
                    // The counting units are being sent; kill while they sit in the silos' 1 s pause.
                    killer = Task.Run(async () =>
                    {
                        await Task.Delay(400);
                        silos.Kill(2);
                        killed = true;
                    });
                }
            });
            // A short call timeout, so that a unit lost with its silo is retried within seconds.
            Environment.SetEnvironmentVariable("SHANNON_CLUSTER_CALL_TIMEOUT", "6");
            var timer = Stopwatch.StartNew();
            var (faultCode, faultOut, faultErr) = Run(rank.Select(a => a == "{F}" ? shards.Tables : a).Concat(["--cluster", g]).ToArray(), watch);
            killer?.Wait(TimeSpan.FromSeconds(20));
            Assert.True(killed, "the silo was not killed during the job: " + faultErr);
            Assert.True(faultCode == 0, $"exit {faultCode} after a killed silo: {faultErr}");
            var faulted = JsonDocument.Parse(faultOut).RootElement;
            SameFeatures(rankOne, faulted);
            Assert.True(faulted.GetProperty("retries").GetInt32() > 0, "no unit was retried: " + faultErr);
            // Not a speed test: a bound that only a hang (a unit never retried) can reach, even on a loaded 2-core machine.
            Assert.True(timer.Elapsed < TimeSpan.FromMinutes(5), $"the faulted job hung: {timer.Elapsed}");

            // The primary gone, a secondary still up: Orleans' development clustering keeps the membership table on the
            // primary, so the survivor cannot answer for the cluster; the job through the survivor's gateway ends with
            // exit 2 and one line naming that address (measured: 14 to 16 s, most of it the
            // 12 s the job waits for a membership to settle), never a hang.
            silos.Kill(0);
            string survivor = $"127.0.0.1:{silos.GatewayPorts[1]}";
            timer.Restart();
            var (orphanCode, orphanOut, orphanErr) = Run(["mi", shards.Tables, "--x", "a", "--y", "t", "--cluster", survivor]);
            Assert.True(orphanCode == 2, $"exit {orphanCode} with the primary gone: {orphanOut} {orphanErr}");
            Assert.Equal("", orphanOut);
            var orphanLines = orphanErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("trace:", StringComparison.Ordinal)).ToArray();
            Assert.Single(orphanLines);
            Assert.Contains(survivor, orphanLines[0], StringComparison.Ordinal);
            Assert.True(timer.Elapsed < TimeSpan.FromMinutes(2), $"the orphaned secondary hung before reporting: {timer.Elapsed}");

            // Every silo gone: exit 2 and one line naming the cluster address, well before any hang.
            silos.Kill(1);
            silos.Kill(0);
            Environment.SetEnvironmentVariable("SHANNON_CLUSTER_CONNECT_TIMEOUT", "10");
            timer.Restart();
            var (goneCode, goneOut, goneErr) = Run(["mi", shards.Tables, "--x", "a", "--y", "t", "--cluster", g]);
            Assert.Equal(2, goneCode);
            Assert.Equal("", goneOut);
            var lines = goneErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("trace:", StringComparison.Ordinal)).ToArray();
            Assert.Single(lines);
            Assert.Contains(g, lines[0], StringComparison.Ordinal);
            Assert.True(timer.Elapsed < TimeSpan.FromMinutes(2), $"the dead cluster hung before reporting: {timer.Elapsed}");
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    private static void SameNumbers(string[] args, Shards shards, string gateway, params string[] keys) => SameNumbers(args, shards, gateway, false, keys);

    private static void SameNumbers(string[] args, Shards shards, string gateway, bool reals, params string[] keys)
    {
        var (one, many) = reals ? BothReals([.. args.Select(a => a == "{F}" ? "{R}" : a)], shards, gateway) : Both(args, shards, gateway);
        foreach (var key in keys)
        {
            // Counts and replicates are exact; an estimate summed over the cells in another order may differ in its
            // last bits (the issue's 1e-12): the single-machine command sums over its in-memory table, the cluster
            // over the merged shard tables.
            double a = one.GetProperty(key).GetDouble(), b = many.GetProperty(key).GetDouble();
            Assert.True(Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(a)), $"{args[0]} {key}: {one.GetProperty(key)} vs {many.GetProperty(key)}");
        }
    }

    private static (JsonElement One, JsonElement Many) Both(string[] args, Shards shards, string gateway) =>
        (Json(Run([.. args.Select(a => a == "{F}" ? shards.AllTable : a)])),
         Json(Run([.. args.Select(a => a == "{F}" ? shards.Tables : a), "--cluster", gateway])));

    private static (JsonElement One, JsonElement Many) BothReals(string[] args, Shards shards, string gateway) =>
        (Json(Run([.. args.Select(a => a == "{R}" ? shards.AllReals : a)])),
         Json(Run([.. args.Select(a => a == "{R}" ? shards.Reals : a), "--cluster", gateway])));

    /// <summary>A rank's (column, value, estimator) triples, as text (exact: the doubles' round-trip form).</summary>
    private static string[] Features(JsonElement rank) =>
        [.. rank.GetProperty("features").EnumerateArray().Select(f => $"{f.GetProperty("column").GetString()} {f.GetProperty("value").GetDouble():R} {f.GetProperty("estimator").GetString()}")];

    private static void SameFeatures(JsonElement one, JsonElement many)
    {
        var a = one.GetProperty("features").EnumerateArray().ToArray();
        var b = many.GetProperty("features").EnumerateArray().ToArray();
        Assert.Equal(a.Select(f => f.GetProperty("column").GetString()), b.Select(f => f.GetProperty("column").GetString()));
        for (int i = 0; i < a.Length; i++)
        {
            Close(a[i].GetProperty("value"), b[i].GetProperty("value"), "rank " + a[i].GetProperty("column").GetString());
        }
    }

    /// <summary>Numbers (or nested lists of numbers and nulls) equal to 1e-12 relative, the same shape.</summary>
    private static void Close(JsonElement one, JsonElement many, string what)
    {
        Assert.Equal(one.ValueKind, many.ValueKind);
        if (one.ValueKind == JsonValueKind.Array)
        {
            var a = one.EnumerateArray().ToArray();
            var b = many.EnumerateArray().ToArray();
            Assert.Equal(a.Length, b.Length);
            for (int i = 0; i < a.Length; i++)
            {
                Close(a[i], b[i], what);
            }
        }
        else if (one.ValueKind == JsonValueKind.Number)
        {
            double x = one.GetDouble(), y = many.GetDouble();
            Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{what}: one machine {x:R}, cluster {y:R}");
        }
    }

    private static JsonElement Json((int Code, string Out, string Err) run)
    {
        Assert.True(run.Code == 0, $"exit {run.Code}: {run.Err}");
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    private static (int Code, string Out, string Err) Run(string[] args, TextWriter? error = null)
    {
        var output = new StringWriter();
        error ??= new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            int code = CliApp.Run(args, output, error);
            return (code, output.ToString(), error.ToString()!);
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    /// <summary>A writer that calls back on every line and keeps the text.</summary>
    private sealed class LineWriter(Action<string> onLine) : TextWriter
    {
        private readonly StringBuilder _all = new();
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            string? complete = null;
            lock (_all)
            {
                _all.Append(value);
                if (value == '\n')
                {
                    complete = _line.ToString();
                    _line.Clear();
                }
                else
                {
                    _line.Append(value);
                }
            }

            if (complete is not null)
            {
                onLine(complete);
            }
        }

        public override string ToString()
        {
            lock (_all)
            {
                return _all.ToString();
            }
        }
    }
}
