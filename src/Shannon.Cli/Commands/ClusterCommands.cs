using System.CommandLine;
using System.Globalization;
using System.Net;
using Shannon.Cli.Output;
using Shannon.Cluster;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;
using Shannon.Inference;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon cluster silo` and the `--cluster HOST:GATEWAY` form of the data commands. Each data command routes here
/// first when --cluster is given, with the values it parsed read back by option name; without --cluster nothing
/// changes. On a cluster the discrete estimators run on count tables merged over the shards (FILE: a file, a folder
/// or a glob), so the answer is the single-machine answer on the concatenated shards.
/// </summary>
internal static class ClusterCommands
{
    /// <summary>The `--cluster` option every splittable data command takes, with the ids a job needs to join the cluster.</summary>
    public static void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Each command's help names only what that command takes (pmi has no estimator, entropy and matrix no gaussian).
        string estimators = command.Name switch
        {
            "pmi" => " Text shards, each its own documents.",
            "mi" or "rank" => " Discrete estimators, binned with --bins for real columns, and gaussian for real columns.",
            _ => " Discrete estimators, and binned with --bins for real columns.",
        };
        command.Add(new Option<string?>("--cluster")
        {
            Description = "Run on a Shannon cluster through its gateway(s), HOST:PORT[,HOST:PORT...]; FILE may then be a folder or a glob of shards." + estimators,
        });
        command.Add(new Option<string?>("--cluster-id") { Description = "With --cluster: the cluster's id (required, or SHANNON_CLUSTER_ID)." });
        command.Add(new Option<string?>("--service-id") { Description = "With --cluster: the cluster's service id (required, or SHANNON_SERVICE_ID)." });
    }

    /// <summary>True when the command line asked for a cluster.</summary>
    public static bool Requested(ParseResult result)
    {
        bool cluster = result.GetValue<string?>("--cluster") is not null;
        foreach (var flag in new[] { "--cluster-id", "--service-id" })
        {
            if (!cluster && result.GetValue<string?>(flag) is not null)
            {
                throw new UsageException($"`{flag}` goes with `--cluster HOST:PORT`; got it without --cluster. Add --cluster, or drop {flag} to run on this machine.");
            }
        }

        return cluster;
    }

    /// <summary>`shannon cluster silo ...`.</summary>
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Silo-to-silo port (default 11111).", DefaultValueFactory = _ => 11111 };
        var gateway = new Option<int>("--gateway") { Description = "Client gateway port (default 30000).", DefaultValueFactory = _ => 30000 };
        var primary = new Option<string?>("--primary") { Description = "HOST:PORT of the primary silo to join; without it this silo is the primary." };
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1: loopback only).", DefaultValueFactory = _ => "127.0.0.1" };
        var data = new Option<string[]>("--data") { Description = "A folder shards may be read from (repeat for several; default: the current folder). Paths outside are refused.", AllowMultipleArgumentsPerToken = false };
        var clusterId = new Option<string?>("--cluster-id") { Description = "The cluster id silos and clients must share (required, or SHANNON_CLUSTER_ID)." };
        var serviceId = new Option<string?>("--service-id") { Description = "The service id silos and clients must share (required, or SHANNON_SERVICE_ID)." };
        var membership = new Option<string?>("--membership") { Description = "A folder the silos of this machine share for Orleans' membership table, instead of the primary's memory: the cluster then survives any one silo, the first included (every silo names the same folder; no --primary)." };
        var silo = new Command("silo", "Run one Orleans silo in the foreground (the first without --primary is the primary; others join it).")
        {
            port, gateway, primary, host, data, clusterId, serviceId, membership,
        };
        silo.SetAction(result =>
        {
            int p = result.GetValue(port), g = result.GetValue(gateway);
            foreach (var (value, flag) in new[] { (p, "--port"), (g, "--gateway") })
            {
                if (value is < 1 or > 65535)
                {
                    throw new UsageException($"`{flag}` must be in 1..65535; got {value}.");
                }
            }

            if (p == g)
            {
                throw new UsageException($"`--port` and `--gateway` must differ; got {p} for both.");
            }

            string hostText = result.GetValue(host)!;
            var address = string.Equals(hostText, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
                : IPAddress.TryParse(hostText, out var parsed) ? parsed
                : throw new UsageException($"`--host` must be an IP address (or localhost); got '{hostText}'.");
            if (!IPAddress.IsLoopback(address))
            {
                result.Error().WriteLine($"warning: the silo listens on {address}, not loopback: anyone who can reach it and knows the cluster id can run jobs over its --data folders.");
            }

            var roots = result.GetValue(data) is { Length: > 0 } d ? d : [Directory.GetCurrentDirectory()];
            foreach (var root in roots)
            {
                if (!Directory.Exists(root))
                {
                    throw new UsageException($"`--data` must name an existing folder; got '{root}'.");
                }
            }

            string? membershipFolder = result.GetValue(membership);
            if (membershipFolder is not null)
            {
                if (result.GetValue(primary) is not null)
                {
                    throw new UsageException("`--membership` and `--primary` exclude each other: with a shared membership folder every silo finds the others there; drop --primary.");
                }

                if (!Directory.Exists(membershipFolder))
                {
                    throw new UsageException($"`--membership` must name an existing folder; got '{membershipFolder}'.");
                }
            }

            string cid = Id(result.GetValue(clusterId), ClusterDefaults.ClusterIdFromEnvironment, "--cluster-id");
            string sid = Id(result.GetValue(serviceId), ClusterDefaults.ServiceIdFromEnvironment, "--service-id");
            double delayMs = double.TryParse(Environment.GetEnvironmentVariable("SHANNON_SILO_DELAY_MS"), CultureInfo.InvariantCulture, out double ms) ? ms : 0;
            var settings = new SiloSettings
            {
                Host = address,
                SiloPort = p,
                GatewayPort = g,
                Primary = result.GetValue(primary) is string pt ? ConnectionEndpoint(pt, "--primary") : null,
                ClusterId = cid,
                ServiceId = sid,
                DataRoots = [.. roots.Select(Path.GetFullPath)],
                ShardDelay = TimeSpan.FromMilliseconds(Math.Max(0, delayMs)),
                MembershipFolder = membershipFolder is null ? null : Path.GetFullPath(membershipFolder),
            };
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
            try
            {
                SiloHost.RunAsync(settings, result.Output(), stop.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is not UsageException && ex is not OperationCanceledException)
            {
                throw new UsageException($"cannot run the silo on {address}:{p} (gateway {g}): {FirstLine(ex.Message)}", ex);
            }

            return 0;
        });
        return new Command("cluster", "Run Shannon on a Microsoft Orleans cluster: `shannon cluster silo` starts one silo.") { silo };
    }

    /// <summary>`entropy FILE --column C --cluster G`.</summary>
    public static int Entropy(ParseResult result)
    {
        var unit = CommonOptions.ParseUnit(result.GetValue<string>("--unit"));
        var settings = Settings(result);
        string name = DiscreteName(settings);
        string file = result.GetValue<string?>("FILE") ?? throw new UsageException("`entropy --cluster` needs `FILE --column C`.");
        string columnText = result.GetValue<string?>("--column") ?? throw new UsageException("`entropy FILE` needs `--column C`.");
        return WithCluster(result, async jobs =>
        {
            var shards = ShardPaths.Resolve(file, text: false);
            var columns = await jobs.DescribeAsync(shards);
            var cols = DataOptions.Names(columnText, "--column").Select(n => Column(columns, n, "--column")).ToArray();
            var table = (await Tables(jobs, shards, [cols], name, settings.Bins)).Parts[0].ToCountTable();
            var estimate = DiscreteInformation.Entropy(table, [.. Enumerable.Range(0, cols.Length)], Discrete(name), unit) with { Estimator = name };
            estimate = Binned(estimate, table, cols);
            if (Json(result))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "entropy").String("estimator", name).String("unit", InformationUnits.Name(unit))
                    .Number("value", estimate.Value).Number("n", estimate.SampleCount).String("n_counts", "samples").Strings("columns", cols.Select(c => c.Name));
                EstimateJson.WriteDetails(o.Writer, estimate);
                Footer(o, jobs, shards);
                o.Strings("warnings", estimate.Warnings);
            }
            else
            {
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"H({string.Join(",", cols.Select(c => c.Name))}) = {estimate.Information}  (estimator {name}, n = {estimate.SampleCount}; {Where(jobs, shards)})"));
            }
        });
    }

    /// <summary>`mi FILE --x ... --y ... [--z ...] [--permutations N] [--bootstrap N] --cluster G`.</summary>
    public static int Mi(ParseResult result)
    {
        var unit = CommonOptions.ParseUnit(result.GetValue<string>("--unit"));
        var settings = Settings(result);
        string name = DiscreteName(settings, gaussian: true);
        if (result.GetValue<string?>("--normalize") is not null || result.GetValue<bool>("--adjusted"))
        {
            throw new UsageException("`--normalize` and `--adjusted` are not available with `--cluster`; run them on one machine.");
        }

        int? perms = result.GetValue<int?>("--permutations"), boots = result.GetValue<int?>("--bootstrap");
        if (perms is int p && p < 1)
        {
            throw new UsageException($"`--permutations` must be >= 1; got {p}.");
        }

        if (boots is int b && b < 2)
        {
            throw new UsageException($"`--bootstrap` must be >= 2; got {b}.");
        }

        string file = result.GetValue<string>("FILE")!;
        string? xText = result.GetValue<string>("--x"), yText = result.GetValue<string>("--y"), zText = result.GetValue<string?>("--z");
        return WithCluster(result, async jobs =>
        {
            var shards = ShardPaths.Resolve(file, text: false);
            var columns = await jobs.DescribeAsync(shards);
            var xs = DataOptions.Names(xText, "--x").Select(n => Column(columns, n, "--x")).ToArray();
            var ys = DataOptions.Names(yText, "--y").Select(n => Column(columns, n, "--y")).ToArray();
            var zs = zText is null ? [] : DataOptions.Names(zText, "--z").Select(n => Column(columns, n, "--z")).ToArray();
            ShardColumn[] all = [.. xs, .. ys, .. zs];
            if (all.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            {
                throw new UsageException($"column '{duplicate.Key}' appears in more than one of --x, --y, --z; the groups must be disjoint.");
            }

            if (name is "binned" or "gaussian" && (perms is not null || boots is not null))
            {
                throw new UsageException($"`--permutations` and `--bootstrap` with `--estimator {name}` resample rows, so they run on one machine; drop --cluster, or drop the resampling.");
            }

            int[] xi = [.. Enumerable.Range(0, xs.Length)];
            int[] yi = [.. Enumerable.Range(xs.Length, ys.Length)];
            int[] zi = [.. Enumerable.Range(xs.Length + ys.Length, zs.Length)];
            InformationEstimate estimate;
            CountTablePart? part = null;
            if (name == "gaussian")
            {
                if (zs.Length > 0)
                {
                    throw new UsageException("`--estimator gaussian` estimates I(X;Y) without `--z` (on one machine too); drop --z, or use --estimator binned --bins B.");
                }

                estimate = await Gaussian(jobs, shards, all, xs.Length, unit);
            }
            else
            {
                var (parts, constant) = await Tables(jobs, shards, [all], name, settings.Bins);
                part = parts[0];
                var table = part.ToCountTable();
                estimate = zs.Length == 0
                    ? MutualInformation(table, xi, yi, all, name, constant, unit)
                    : Binned(DiscreteInformation.ConditionalMutualInformation(table, xi, yi, zi, Discrete(name), unit) with { Estimator = name }, table, all);
            }
            PermutationTestResult? test = perms is int np
                ? await jobs.PermutationTestAsync(part!, xi, yi, zi, name, unit, new PermutationTestOptions { Permutations = np, Seed = settings.Seed })
                : null;
            BootstrapInterval? interval = boots is int nb
                ? await jobs.BootstrapAsync(part!, xi, yi, zi, name, unit, new BootstrapOptions { Replicates = nb, Seed = settings.Seed })
                : null;
            string unitName = InformationUnits.Name(unit);
            if (Json(result))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", zs.Length > 0 ? "cmi" : "mi").String("estimator", name).String("unit", unitName)
                    .Number("value", estimate.Value).Number("n", estimate.SampleCount).String("n_counts", "samples")
                    .Strings("x", xs.Select(c => c.Name)).Strings("y", ys.Select(c => c.Name));
                if (zs.Length > 0)
                {
                    o.Strings("z", zs.Select(c => c.Name));
                }

                EstimateJson.WriteDetails(o.Writer, estimate);
                EstimateJson.WriteResampling(o.Writer, test, interval, settings.Seed);

                Footer(o, jobs, shards);
                o.Strings("warnings", estimate.Warnings);
            }
            else
            {
                string label = $"I({string.Join(",", xs.Select(c => c.Name))}; {string.Join(",", ys.Select(c => c.Name))}" +
                    (zs.Length > 0 ? $" | {string.Join(",", zs.Select(c => c.Name))})" : ")");
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} = {estimate.Information}  (estimator {name}, n = {estimate.SampleCount}; {Where(jobs, shards)})"));
                if (test is not null)
                {
                    result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"permutation test: p = {CommonOptions.Format(test.PValue)} ({test.CountAtLeast} of {test.Permutations} shuffles >= observed; null mean {CommonOptions.Format(test.NullMean)} {unitName}; seed {settings.Seed})"));
                }

                if (interval is not null)
                {
                    result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"bootstrap {interval.Confidence:P0} interval: [{CommonOptions.Format(interval.Lower)}, {CommonOptions.Format(interval.Upper)}] {unitName} ({interval.Replicates} resamples; seed {settings.Seed})"));
                }
            }
        });
    }

    /// <summary>`rank FILE --target C [--columns ...] --cluster G`.</summary>
    public static int Rank(ParseResult result)
    {
        var unit = CommonOptions.ParseUnit(result.GetValue<string>("--unit"));
        var settings = Settings(result);
        string name = DiscreteName(settings, gaussian: true);
        string file = result.GetValue<string>("FILE")!, targetName = result.GetValue<string>("--target")!;
        string? text = result.GetValue<string?>("--columns");
        return WithCluster(result, async jobs =>
        {
            var shards = ShardPaths.Resolve(file, text: false);
            var columns = await jobs.DescribeAsync(shards);
            var t = Column(columns, targetName, "--target");
            var candidates = (text is null ? columns.Where(c => c.Name != t.Name) : DataOptions.Names(text, "--columns").Select(n => Column(columns, n, "--columns")))
                .Where(c => c.Name != t.Name).ToArray();
            if (candidates.Length == 0)
            {
                throw new UsageException($"'{file}' has no column besides the target '{t.Name}' to rank.");
            }

            var rows = new List<(string Column, double Value, string Estimator)>();
            long n = 0;
            if (name == "gaussian")
            {
                // One pass of moments over every candidate and the target; each pair's 2 x 2 block is its fit.
                var moments = await GaussianMoments(jobs, shards, [.. candidates, t]);
                int last = candidates.Length;
                for (int i = 0; i < candidates.Length; i++)
                {
                    var block = new double[,] { { moments.Comoments[i][i], moments.Comoments[i][last] }, { moments.Comoments[last][i], moments.Comoments[last][last] } };
                    rows.Add((candidates[i].Name, GaussianMutualInformationEstimator.FromMoments(moments.Count, block, 1, unit).Value, name));
                }

                n = moments.Count;
            }
            else
            {
                var (tables, constant) = await Tables(jobs, shards, [.. candidates.Select(c => new[] { c, t })], name, settings.Bins);
                for (int i = 0; i < candidates.Length; i++)
                {
                    var estimate = MutualInformation(tables[i].ToCountTable(), [0], [1], [candidates[i], t], name, constant, unit);
                    rows.Add((candidates[i].Name, estimate.Value, name));
                    n = estimate.SampleCount;
                }
            }

            rows.Sort((a, b) => b.Value.CompareTo(a.Value));
            if (Json(result))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "rank").String("estimator", name).String("unit", InformationUnits.Name(unit))
                    .Number("value", rows[0].Value).Number("n", n).String("n_counts", "samples").String("target", t.Name);
                o.Writer.WriteStartArray("features");
                foreach (var (column, value, estimatorName) in rows)
                {
                    o.Writer.WriteStartObject();
                    o.Writer.WriteString("column", column);
                    o.Writer.WriteNumber("value", value);
                    o.Writer.WriteString("estimator", estimatorName);
                    o.Writer.WriteEndObject();
                }

                o.Writer.WriteEndArray();
                Footer(o, jobs, shards);
                o.Strings("warnings", []);
            }
            else
            {
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"I(column; {t.Name}) in {InformationUnits.Name(unit)}, n = {n} ({Where(jobs, shards)}):"));
                int width = Math.Max(6, rows.Max(r => r.Column.Length));
                foreach (var (column, value, estimatorName) in rows)
                {
                    result.Output().WriteLine($"  {column.PadRight(width)}  {value.ToString("0.000000", CultureInfo.InvariantCulture),12}  ({estimatorName})");
                }
            }
        });
    }

    /// <summary>`matrix FILE [--columns ...] --cluster G` (no --out: the heatmap is drawn on one machine).</summary>
    public static int Matrix(ParseResult result)
    {
        var unit = CommonOptions.ParseUnit(result.GetValue<string>("--unit"));
        var settings = Settings(result);
        string name = DiscreteName(settings);
        if (result.GetValue<string?>("--out") is not null)
        {
            throw new UsageException("`--out` is not available with `--cluster`; write the heatmap from `matrix --json` output or on one machine.");
        }

        string file = result.GetValue<string>("FILE")!;
        string? text = result.GetValue<string?>("--columns");
        return WithCluster(result, async jobs =>
        {
            var shards = ShardPaths.Resolve(file, text: false);
            var columns = await jobs.DescribeAsync(shards);
            var cols = text is null ? columns : DataOptions.Names(text, "--columns").Select(n => Column(columns, n, "--columns")).DistinctBy(c => c.Name).ToArray();
            if (cols.Length < 2)
            {
                throw new UsageException($"`matrix` needs at least two columns; got {cols.Length}.");
            }

            int m = cols.Length;
            var sets = new List<ShardColumn[]>();
            for (int i = 0; i < m; i++)
            {
                sets.Add([cols[i]]);
                for (int j = 0; j < i; j++)
                {
                    sets.Add([cols[i], cols[j]]);
                }
            }

            var (tables, constant) = await Tables(jobs, shards, sets, name, settings.Bins);
            var estimator = Discrete(name);
            var values = new double[m, m];
            long n = 0;
            for (int i = 0, at = 0; i < m; i++)
            {
                var h = DiscreteInformation.Entropy(tables[at++].ToCountTable(), [0], estimator, unit);
                values[i, i] = h.Value;
                n = h.SampleCount;
                for (int j = 0; j < i; j++)
                {
                    values[i, j] = values[j, i] = MutualInformation(tables[at++].ToCountTable(), [0], [1], [cols[i], cols[j]], name, constant, unit).Value;
                }
            }

            if (Json(result))
            {
                double max = double.NegativeInfinity;
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < m; j++)
                    {
                        max = i != j ? Math.Max(max, values[i, j]) : max;
                    }
                }

                using var o = new JsonOutput(result.Output());
                o.String("measure", "matrix").String("estimator", name).String("unit", InformationUnits.Name(unit))
                    .Number("value", max).Number("n", n).String("n_counts", "samples").Strings("columns", cols.Select(c => c.Name));
                o.Writer.WriteStartArray("values");
                for (int i = 0; i < m; i++)
                {
                    o.Writer.WriteStartArray();
                    for (int j = 0; j < m; j++)
                    {
                        o.Writer.WriteNumberValue(values[i, j]);
                    }

                    o.Writer.WriteEndArray();
                }

                o.Writer.WriteEndArray();
                Footer(o, jobs, shards);
                o.Strings("warnings", []);
            }
            else
            {
                int width = Math.Max(10, cols.Max(c => c.Name.Length));
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"I(row; column) in {InformationUnits.Name(unit)} (diagonal: H), estimator {name}, n = {n} ({Where(jobs, shards)})"));
                result.Output().WriteLine(new string(' ', width + 2) + string.Concat(cols.Select(c => c.Name.PadLeft(width + 2))));
                for (int i = 0; i < m; i++)
                {
                    result.Output().WriteLine(cols[i].Name.PadRight(width + 2) +
                        string.Concat(Enumerable.Range(0, m).Select(j => values[i, j].ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(width + 2))));
                }
            }
        });
    }

    /// <summary>`pmi FILE --cluster G`: FILE a folder or glob of text shards, each its own document(s).</summary>
    public static int Pmi(ParseResult result)
    {
        var (u, w, m, top, a, k) = PmiCommand.Settings(result);

        string file = result.GetValue<string>("FILE")!;
        return WithCluster(result, async jobs =>
        {
            var shards = ShardPaths.Resolve(file, text: true);
            var (table, words, tokenCount) = await jobs.CooccurrencesAsync(shards, w);
            double scale = 1.0 / InformationUnits.NatsPer(u);
            double mi = table.MutualInformationNats() * scale;
            var smoothed = table.SmoothedContextProbabilities(a);
            var pairs = table.TopPairs(m, top);
            string unitName = InformationUnits.Name(u);
            if (Json(result))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "mutual-information").String("estimator", "plugin").String("unit", unitName)
                    .Number("value", mi).Number("n", table.Total).String("n_counts", "pairs").Number("tokens", tokenCount)
                    .Number("vocabulary", (long)words.Length).Number("distinct_pairs", (long)table.PairCount)
                    .Number("window", (long)w).Number("min_count", (long)m).Number("alpha", a).Number("shift", k);
                var jw = o.Writer;
                jw.WriteStartArray("pairs");
                foreach (int i in pairs)
                {
                    PmiCommand.WritePair(jw, words, table, i, scale, smoothed, k);
                }

                jw.WriteEndArray();
                Footer(o, jobs, shards);
                o.Strings("warnings", pairs.Length == 0 ? [$"no pair occurs at least {m} times; lower --min-count"] : []);
            }
            else
            {
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tokenCount:N0} words ({words.Length:N0} distinct), window {w}: {table.Total:N0} pairs ({table.PairCount:N0} distinct); {Where(jobs, shards)}"));
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"I(X;Y) = E[PMI] = {mi:0.######} {unitName} (plug-in)"));
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"x",-16} {"y",-16} {"count",8} {"PMI",9} {"NPMI",7} {"PPMI(a)",9} {"SPPMI(k)",9}   ({unitName}; a = {a}, k = {k})"));
                foreach (int i in pairs)
                {
                    result.Output().WriteLine(PmiCommand.PairLine(words, table, i, scale, smoothed, k));
                }
            }
        });
    }

    private static int WithCluster(ParseResult result, Func<ClusterJobs, Task> job)
    {
        var gateways = ConnectionEndpoints(result.GetValue<string?>("--cluster")!);
        string cid = Id(result.GetValue<string?>("--cluster-id"), ClusterDefaults.ClusterIdFromEnvironment, "--cluster-id");
        string sid = Id(result.GetValue<string?>("--service-id"), ClusterDefaults.ServiceIdFromEnvironment, "--service-id");
        try
        {
            Task.Run(async () =>
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                await using var connection = await ClusterConnection.ConnectAsync(gateways, cid, sid);
                ClusterConnection.Trace($"connected after {sw.ElapsedMilliseconds} ms");
                await job(new ClusterJobs(connection));
                ClusterConnection.Trace($"job done after {sw.ElapsedMilliseconds} ms");
            }).GetAwaiter().GetResult();
        }
        catch (ClusterUnavailableException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        return 0;
    }

    private static IPEndPoint[] ConnectionEndpoints(string text)
    {
        try
        {
            return ClusterConnection.ParseEndpoints(text);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal), ex);
        }
    }

    private static IPEndPoint ConnectionEndpoint(string text, string option)
    {
        try
        {
            return ClusterConnection.ParseEndpoint(text, option);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal), ex);
        }
    }

    /// <summary>The estimator named by --estimator (the catalogue's name for an alias; null: the default), --seed and --bins.</summary>
    private sealed record ClusterSettings(string? Estimator, int Seed, int? Bins);

    private static ClusterSettings Settings(ParseResult r)
    {
        string? text = r.GetValue<string?>("--estimator");
        string? name = null;
        if (text is not null)
        {
            name = EstimatorCatalogue.TryGet(text.Trim(), out var e)
                ? e.Descriptor.Name
                : throw new UsageException($"`--estimator` must be one of {string.Join(", ", EstimatorCatalogue.Descriptors.Select(d => d.Name))}; got '{text}'.");
        }

        int? bins = r.GetValue<int?>("--bins");
        if (bins is int b && b < 1)
        {
            throw new UsageException($"`--bins` must be >= 1; got {b}.");
        }

        return new ClusterSettings(name, r.GetValue<int>("--seed"), bins);
    }

    private static bool Json(ParseResult r) => r.GetValue<bool>("--json");

    /// <summary>
    /// The estimator a cluster can run: a discrete one (count tables merge by addition) or <c>binned</c> (real columns
    /// cut into bins whose edges are fixed over the whole column first). Estimators that need every row in one place
    /// (the k-NN family, kernels, the Gaussian ones, the variational ones) are a usage error with the fix.
    /// </summary>
    private static string DiscreteName(ClusterSettings settings, bool gaussian = false)
    {
        string name = settings.Estimator ?? "plugin";
        if (name == "gaussian" && !gaussian)
        {
            throw new UsageException("`--estimator gaussian` runs on a cluster for `mi` and `rank` (from merged moments); here use --estimator binned --bins B, or drop --cluster.");
        }

        return EntropyEstimators.Names.Contains(name) || name == "binned" || name == "gaussian"
            ? name
            : throw new UsageException($"`--estimator {name}` needs every row in one place and `--cluster` sends only tables and moments; use --estimator binned --bins B (real columns), gaussian (mi, rank) or a discrete estimator ({string.Join(", ", EntropyEstimators.Names)}), or drop --cluster to run {name} on one machine.");
    }

    /// <summary>The merged moments of real columns for the Gaussian fit (a label column is a usage error).</summary>
    private static async Task<ColumnMoments> GaussianMoments(ClusterJobs jobs, string[] shards, IReadOnlyList<ShardColumn> columns)
    {
        if (columns.FirstOrDefault(c => !c.Real) is { } label)
        {
            throw new UsageException($"column '{label.Name}' is not real-valued ({label.SqlType}); `--estimator gaussian` with `--cluster` fits real columns; use --estimator binned --bins B for a mix, or drop --cluster.");
        }

        return await jobs.MomentsAsync(shards, [.. columns.Select(c => c.Name)]);
    }

    /// <summary>
    /// The Gaussian I(X; Y) from moments merged over the shards (count, means, co-moments; Chan et al.'s pairwise
    /// update), equal to the single machine's fit up to the rounding of sums taken in another order (1e-12).
    /// </summary>
    private static async Task<InformationEstimate> Gaussian(ClusterJobs jobs, string[] shards, IReadOnlyList<ShardColumn> columns, int dimensionX, InformationUnit unit)
    {
        var moments = await GaussianMoments(jobs, shards, columns);
        int d = columns.Count;
        var matrix = new double[d, d];
        for (int a = 0; a < d; a++)
        {
            for (int b = 0; b < d; b++)
            {
                matrix[a, b] = moments.Comoments[a][b];
            }
        }

        var e = GaussianMutualInformationEstimator.FromMoments(moments.Count, matrix, dimensionX, unit);
        return new InformationEstimate(e.Value, e.Unit, moments.Count, "gaussian") { Warnings = e.Warnings };
    }

    /// <summary>The discrete estimator that counts the cells: the named one, or the plug-in for <c>binned</c> (as the catalogue's binned entry).</summary>
    private static IEntropyEstimator Discrete(string name) => name == "binned" ? PluginEntropyEstimator.Instance : EntropyEstimators.Parse(name);

    private static void RequireDiscrete(IEnumerable<ShardColumn> columns, string name)
    {
        if (columns.FirstOrDefault(c => c.Real) is { } real)
        {
            throw new UsageException($"column '{real.Name}' is real-valued ({real.SqlType}); `--cluster` with `--estimator {name}` needs label columns (integers, text, booleans); use --estimator binned --bins B to cut real columns into bins, or drop --cluster.");
        }
    }

    /// <summary>
    /// The merged count table of each column set. With <c>binned</c>, real columns are binned in two passes: the first
    /// gathers each real column's minimum and maximum over every shard (exact: the extremes of the concatenation), the
    /// second counts every shard into the same equal-width edges, Binning.EqualWidthEdges(min, max, B), so the merged
    /// table is the single machine's table of bins. Freedman-Diaconis (binned without --bins) needs the exact
    /// interquartile range of the whole column, which no per-shard summary gives, so the cluster asks for --bins.
    /// </summary>
    private static async Task<(CountTablePart[] Parts, IReadOnlySet<string> Constant)> Tables(ClusterJobs jobs, string[] shards, IReadOnlyList<ShardColumn[]> sets, string name, int? bins)
    {
        string[][] names = [.. sets.Select(set => set.Select(c => c.Name).ToArray())];
        string[] reals = [.. sets.SelectMany(set => set).Where(c => c.Real).Select(c => c.Name).Distinct(StringComparer.Ordinal)];
        if (name != "binned" || reals.Length == 0)
        {
            RequireDiscrete(sets.SelectMany(set => set), name);
            return (await jobs.CountTablesAsync(shards, names), new HashSet<string>());
        }

        if (bins is not int b)
        {
            throw new UsageException($"`--estimator binned` with `--cluster` needs `--bins B` for the real columns ({string.Join(", ", reals)}): without it the bins follow Freedman-Diaconis, whose interquartile range needs every value of the column in one place; give --bins (e.g. --bins 10), or drop --cluster.");
        }

        var ranges = await jobs.RangesAsync(shards, reals);
        var parts = await jobs.BinnedCountTablesAsync(shards, names, [.. ranges.Select(r => new ColumnBins { Name = r.Name, Min = r.Min, Max = r.Max, Count = b })]);
        return (parts, ranges.Where(r => r.Min == r.Max).Select(r => r.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// I(X; Y) of a merged table by the estimator's rule on one machine: for <c>binned</c> with every column real, the
    /// binned estimator on the bin counts (the sample estimator's cells in its order, so the same doubles); otherwise
    /// the discrete estimator on the cells (the plug-in for binned, as the catalogue's binned entry does).
    /// </summary>
    private static InformationEstimate MutualInformation(CountTable table, int[] x, int[] y, IReadOnlyList<ShardColumn> columns, string name, IReadOnlySet<string> constant, InformationUnit unit)
    {
        if (name == "binned" && columns.All(c => c.Real))
        {
            if (columns.FirstOrDefault(c => constant.Contains(c.Name)) is { } flat)
            {
                throw new UsageException($"column '{flat.Name}' is constant over the shards (its minimum is its maximum); the binned MI of real columns needs columns that vary, as on one machine.");
            }

            var e = BinnedMutualInformationEstimator.FromBinCounts(table, x, y, unit);
            return Binned(new InformationEstimate(e.Value, e.Unit, e.SampleCount, "binned") { Warnings = e.Warnings }, table, columns);
        }

        return Binned(DiscreteInformation.MutualInformation(table, x, y, Discrete(name), unit) with { Estimator = name }, table, columns);
    }

    /// <summary>The largest bin count as the <c>bins</c> diagnostic (as the catalogue's binned entry reports it); others unchanged.</summary>
    private static InformationEstimate Binned(InformationEstimate estimate, CountTable table, IReadOnlyList<ShardColumn> columns)
    {
        if (estimate.Estimator != "binned" || !columns.Any(c => c.Real))
        {
            return estimate;
        }

        int bins = Enumerable.Range(0, columns.Count).Where(v => columns[v].Real).Max(v => table.LevelCounts[v]);
        var diagnostics = new Dictionary<string, double>(estimate.Diagnostics) { ["bins"] = bins };
        return estimate with { Diagnostics = new System.Collections.ObjectModel.ReadOnlyDictionary<string, double>(diagnostics) };
    }

    private static ShardColumn Column(ShardColumn[] columns, string name, string option) =>
        columns.FirstOrDefault(c => c.Name == name)
        ?? columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"`{option}` must name a column of the shards; got '{name}'. Columns: {string.Join(", ", columns.Select(c => c.Name))}.");

    private static void Footer(JsonOutput o, ClusterJobs jobs, string[] shards)
    {
        o.String("cluster", jobs.Connection.Address).Number("shards", (long)shards.Length)
            .Number("silos_used", (long)jobs.Connection.UnitsBySilo.Count).Number("retries", (long)jobs.Connection.Retries);
    }

    private static string Where(ClusterJobs jobs, string[] shards) => string.Create(CultureInfo.InvariantCulture,
        $"{shards.Length} shards on {jobs.Connection.UnitsBySilo.Count} silos at {jobs.Connection.Address}{(jobs.Connection.Retries > 0 ? $", {jobs.Connection.Retries} retried" : "")}");

    /// <summary>
    /// A cluster's id or service id, from the flag or else the environment; required (issue 19: no default a
    /// stranger could guess), so a missing one is a usage error that names the flag and its variable.
    /// </summary>
    private static string Id(string? given, string? fromEnvironment, string option)
    {
        string variable = option == "--cluster-id" ? "SHANNON_CLUSTER_ID" : "SHANNON_SERVICE_ID";
        if (given is null && fromEnvironment is null)
        {
            throw new UsageException($"`{option}` must name the cluster's {(option == "--cluster-id" ? "id" : "service id")} (or set {variable}); got none. Silos and jobs join only with the same --cluster-id and --service-id, e.g. --cluster-id lab --service-id shannon.");
        }

        string id = given ?? fromEnvironment!;
        return string.IsNullOrWhiteSpace(id) ? throw new UsageException($"`{option}` must be a non-empty id; got '{given}'.") : id.Trim();
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline >= 0 ? message[..newline] : message;
    }
}
