using Shannon.Estimators;
using Shannon.Estimators.Discrete;
using Shannon.Inference;
using Shannon.Text;

namespace Shannon.Cluster;

/// <summary>
/// The job coordinator: splits a request over shards (count and co-occurrence tables), column sets (pairs) and
/// replicates (permutations, bootstraps), merges what comes back and hands it to the library's estimators. Only
/// tables and numbers cross the network. The answers equal the single-machine answers on the concatenated shards:
/// merged count tables are cell for cell the table of the concatenation, and replicate b has the same seed on every
/// silo.
/// </summary>
public sealed class ClusterJobs(ClusterConnection connection)
{
    /// <summary>Column sets per shard call: a shard answers at most this many tables at once.</summary>
    public const int SetsPerUnit = 64;

    /// <summary>The connection.</summary>
    public ClusterConnection Connection { get; } = connection;

    /// <summary>
    /// The columns of the shards, as the first shard has them (every shard is checked again when it is counted: a
    /// column missing or real-valued in any shard refuses the job).
    /// </summary>
    /// <param name="shards">The shard paths (as the silos see them).</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>The columns, in the first shard's order.</returns>
    public async Task<ShardColumn[]> DescribeAsync(IReadOnlyList<string> shards, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var described = await Connection.RunAsync(1, (key, _) => Connection.Grains.GetGrain<IShardGrain>(key).Describe(shards[0]), cancellation);
        return described[0];
    }

    /// <summary>The merged count table of each column set over every shard.</summary>
    /// <param name="shards">The shard paths.</param>
    /// <param name="columnSets">Each set's column names.</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>One merged table per set.</returns>
    public async Task<CountTablePart[]> CountTablesAsync(IReadOnlyList<string> shards, IReadOnlyList<string[]> columnSets, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(columnSets);
        return await CountTablesAsync(shards, columnSets, (grain, path, sets) => grain.CountTables(path, sets), cancellation);
    }

    private async Task<CountTablePart[]> CountTablesAsync(IReadOnlyList<string> shards, IReadOnlyList<string[]> columnSets,
        Func<IShardGrain, string, string[][], Task<GrainReply<CountTablePart[]>>> call, CancellationToken cancellation)
    {
        int blocks = (columnSets.Count + SetsPerUnit - 1) / SetsPerUnit;
        var parts = await Connection.RunAsync(shards.Count * blocks, (key, unit) =>
        {
            int shard = unit / blocks, block = unit % blocks;
            var sets = columnSets.Skip(block * SetsPerUnit).Take(SetsPerUnit).ToArray();
            return call(Connection.Grains.GetGrain<IShardGrain>(key), shards[shard], sets);
        }, cancellation);
        var merged = new CountTablePart[columnSets.Count];
        for (int set = 0; set < columnSets.Count; set++)
        {
            int block = set / SetsPerUnit, within = set % SetsPerUnit;
            merged[set] = TableMerge.CountTables([.. Enumerable.Range(0, shards.Count).Select(s => parts[s * blocks + block][within])]);
        }

        return merged;
    }

    /// <summary>
    /// The range of each real column over every shard (the first pass of binning): the smallest minimum, the largest
    /// maximum and the summed count, which are exactly the minimum, maximum and count of the concatenated shards.
    /// </summary>
    /// <param name="shards">The shard paths.</param>
    /// <param name="columns">The real columns' names.</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>One merged range per column, in order.</returns>
    public async Task<ColumnRange[]> RangesAsync(IReadOnlyList<string> shards, IReadOnlyList<string> columns, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(columns);
        string[] names = [.. columns];
        var parts = await Connection.RunAsync(shards.Count, (key, unit) => Connection.Grains.GetGrain<IShardGrain>(key).Ranges(shards[unit], names), cancellation);
        return [.. names.Select((name, c) =>
        {
            var occupied = parts.Select(p => p[c]).Where(r => r.Count > 0).ToArray();
            return new ColumnRange
            {
                Name = name,
                Min = occupied.Length == 0 ? 0 : occupied.Min(r => r.Min),
                Max = occupied.Length == 0 ? 0 : occupied.Max(r => r.Max),
                Count = parts.Sum(p => p[c].Count),
            };
        })];
    }

    /// <summary>
    /// The merged count table of each column set over every shard, real columns cut into the given bins (the second
    /// pass of binning: the same edges on every shard, so the tables add up to the table of the concatenation).
    /// </summary>
    /// <param name="shards">The shard paths.</param>
    /// <param name="columnSets">Each set's column names.</param>
    /// <param name="bins">The bins of the real columns (from <see cref="RangesAsync"/>).</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>One merged table per set, binned columns coded by bin index (<see cref="CountTablePart.ToCountTable"/>).</returns>
    public async Task<CountTablePart[]> BinnedCountTablesAsync(IReadOnlyList<string> shards, IReadOnlyList<string[]> columnSets, IReadOnlyList<ColumnBins> bins, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(columnSets);
        ArgumentNullException.ThrowIfNull(bins);
        ColumnBins[] all = [.. bins];
        return await CountTablesAsync(shards, columnSets, (grain, path, sets) => grain.BinnedCountTables(path, sets, all), cancellation);
    }

    /// <summary>The count, means and co-moments of real columns over every shard, merged shard by shard in shard order (<see cref="ColumnMoments.Merge"/>).</summary>
    /// <param name="shards">The shard paths.</param>
    /// <param name="columns">The real columns' names.</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>The merged moments.</returns>
    public async Task<ColumnMoments> MomentsAsync(IReadOnlyList<string> shards, IReadOnlyList<string> columns, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(columns);
        string[] names = [.. columns];
        var parts = await Connection.RunAsync(shards.Count, (key, unit) => Connection.Grains.GetGrain<IShardGrain>(key).Moments(shards[unit], names), cancellation);
        return parts.Aggregate((a, b) => a.Merge(b));
    }

    /// <summary>The merged word co-occurrence table of text shards (each shard its own document or documents).</summary>
    /// <param name="shards">The text shards.</param>
    /// <param name="window">The window W.</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>The table, its words and the token count.</returns>
    public async Task<(CooccurrenceTable Table, string[] Words, long TokenCount)> CooccurrencesAsync(IReadOnlyList<string> shards, int window, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var parts = await Connection.RunAsync(shards.Count, (key, unit) => Connection.Grains.GetGrain<IShardGrain>(key).Cooccurrences(shards[unit], window), cancellation);
        return TableMerge.Cooccurrences(parts, window);
    }

    /// <summary>
    /// A permutation test of X against Y (given Z) on a merged table, its replicates spread over the silos in
    /// contiguous ranges; equal to <see cref="PermutationTest.MutualInformation(CountTable, int[], int[], int[], IEntropyEstimator, InformationUnit, PermutationTestOptions?, CancellationToken)"/> on the same table.
    /// </summary>
    /// <param name="table">The merged table.</param>
    /// <param name="x">X's variables.</param>
    /// <param name="y">Y's variables.</param>
    /// <param name="z">Z's variables (empty: MI).</param>
    /// <param name="estimator">The discrete estimator's name.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="options">Permutations and seed.</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>The test.</returns>
    public async Task<PermutationTestResult> PermutationTestAsync(CountTablePart table, int[] x, int[] y, int[] z, string estimator, InformationUnit unit, PermutationTestOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var samples = table.ToCountTable().ToSamples();
        var e = EntropyEstimators.Parse(estimator);
        var xs = DiscreteVariable.Joint(samples, x);
        var ys = DiscreteVariable.Joint(samples, y);
        var observed = z.Length == 0
            ? DiscreteInformation.MutualInformation(xs, ys, e, unit)
            : DiscreteInformation.ConditionalMutualInformation(xs, ys, DiscreteVariable.Joint(samples, z), e, unit);
        var values = await Replicates(options.Permutations, table, x, y, z, estimator, unit, options.Seed, (g, r) => g.Permutations(r), cancellation);
        return PermutationTest.FromNull(observed, values);
    }

    /// <summary>A percentile bootstrap interval of I(X;Y) (given Z) on a merged table, replicates spread over the silos.</summary>
    /// <param name="table">The merged table.</param>
    /// <param name="x">X's variables.</param>
    /// <param name="y">Y's variables.</param>
    /// <param name="z">Z's variables (empty: MI).</param>
    /// <param name="estimator">The discrete estimator's name.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="options">Replicates, confidence and seed.</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>The interval, equal to <see cref="Bootstrap.MutualInformation"/> on the table.</returns>
    public async Task<BootstrapInterval> BootstrapAsync(CountTablePart table, int[] x, int[] y, int[] z, string estimator, InformationUnit unit, BootstrapOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var t = table.ToCountTable();
        var e = EntropyEstimators.Parse(estimator);
        double estimate = z.Length == 0
            ? DiscreteInformation.MutualInformation(t, x, y, e, unit).Value
            : DiscreteInformation.ConditionalMutualInformation(t, x, y, z, e, unit).Value;
        var values = await Replicates(options.Replicates, table, x, y, z, estimator, unit, options.Seed, (g, r) => g.Bootstraps(r), cancellation);
        return Bootstrap.FromReplicates(estimate, values, options.Confidence);
    }

    private async Task<double[]> Replicates(int total, CountTablePart table, int[] x, int[] y, int[] z, string estimator, InformationUnit unit, int seed,
        Func<IReplicateGrain, ReplicateRequest, Task<GrainReply<double[]>>> call, CancellationToken cancellation)
    {
        var silos = await Connection.LiveSilosAsync(cancellation);
        int ranges = Math.Min(total, Math.Max(1, 4 * silos.Length));
        var pieces = await Connection.RunAsync(ranges, (key, r) =>
        {
            int first = (int)((long)total * r / ranges), end = (int)((long)total * (r + 1) / ranges);
            return call(Connection.Grains.GetGrain<IReplicateGrain>(key), new ReplicateRequest
            {
                Table = table, X = x, Y = y, Z = z, Estimator = estimator, Unit = (int)unit, Seed = seed, First = first, Count = end - first,
            });
        }, cancellation);
        return [.. pieces.SelectMany(p => p)];
    }
}
