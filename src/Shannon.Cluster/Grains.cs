using System.Text;
using Orleans.Placement;
using Orleans.Runtime;
using Shannon.Data;
using Shannon.Estimators.Discrete;
using Shannon.Inference;
using Shannon.Text;

namespace Shannon.Cluster;

/// <summary>
/// Reads one shard on the silo that runs it and answers with tables, never rows. Keys are unique per job, unit and
/// attempt, so a retry after a silo dies is a new activation placed on a live silo.
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>The shard's columns.</summary>
    /// <param name="path">The shard (CSV, Parquet or JSON).</param>
    /// <returns>The columns, or a refusal.</returns>
    Task<GrainReply<ShardColumn[]>> Describe(string path);

    /// <summary>The count table of each set of columns, computed by DuckDB on the silo.</summary>
    /// <param name="path">The shard.</param>
    /// <param name="columnSets">Each set's column names.</param>
    /// <returns>One table per set, or a refusal.</returns>
    Task<GrainReply<CountTablePart[]>> CountTables(string path, string[][] columnSets);

    /// <summary>The minimum, maximum and count of real columns (the first pass of binning with edges shared by every shard).</summary>
    /// <param name="path">The shard.</param>
    /// <param name="columns">The real columns' names.</param>
    /// <returns>One range per column, or a refusal.</returns>
    Task<GrainReply<ColumnRange[]>> Ranges(string path, string[] columns);

    /// <summary>
    /// The count table of each set of columns with real columns cut into the given bins (the second pass: every shard
    /// cut by the same edges, so the tables add up), computed by DuckDB on the silo.
    /// </summary>
    /// <param name="path">The shard.</param>
    /// <param name="columnSets">Each set's column names.</param>
    /// <param name="bins">The bins of each real column; a column not named here is a label column.</param>
    /// <returns>One table per set, or a refusal.</returns>
    Task<GrainReply<CountTablePart[]>> BinnedCountTables(string path, string[][] columnSets, ColumnBins[] bins);

    /// <summary>The count, means and co-moments of real columns (a Gaussian fit's sufficient statistics), read on the silo.</summary>
    /// <param name="path">The shard.</param>
    /// <param name="columns">The real columns' names.</param>
    /// <returns>The moments, or a refusal.</returns>
    Task<GrainReply<ColumnMoments>> Moments(string path, string[] columns);

    /// <summary>The word co-occurrence table of a text shard.</summary>
    /// <param name="path">A UTF-8 text file.</param>
    /// <param name="window">The window W.</param>
    /// <returns>The table, or a refusal.</returns>
    Task<GrainReply<CooccurrencePart>> Cooccurrences(string path, int window);
}

/// <summary>Runs a range of the replicates of a permutation test or a bootstrap on a merged count table.</summary>
public interface IReplicateGrain : IGrainWithStringKey
{
    /// <summary>Permuted statistics of replicates first .. first + count - 1 (see <see cref="PermutationTest.MutualInformationNull"/>).</summary>
    /// <param name="request">The table, the groups, the estimator and the range.</param>
    /// <returns>The statistics in replicate order, or a refusal.</returns>
    Task<GrainReply<double[]>> Permutations(ReplicateRequest request);

    /// <summary>Bootstrap statistics of a range of replicates (see <see cref="Bootstrap.MutualInformationReplicates"/>).</summary>
    /// <param name="request">The table, the groups, the estimator and the range.</param>
    /// <returns>The statistics in replicate order, or a refusal.</returns>
    Task<GrainReply<double[]>> Bootstraps(ReplicateRequest request);
}

/// <summary>A range of replicates of a test on a merged count table.</summary>
[GenerateSerializer, Immutable]
public sealed class ReplicateRequest
{
    /// <summary>The merged table.</summary>
    [Id(0)] public required CountTablePart Table { get; init; }

    /// <summary>The table's variables that form X.</summary>
    [Id(1)] public required int[] X { get; init; }

    /// <summary>The variables of Y.</summary>
    [Id(2)] public required int[] Y { get; init; }

    /// <summary>The variables of Z (empty: MI).</summary>
    [Id(3)] public required int[] Z { get; init; }

    /// <summary>The discrete estimator's name.</summary>
    [Id(4)] public required string Estimator { get; init; }

    /// <summary>The unit, as the number of <see cref="InformationUnit"/>.</summary>
    [Id(5)] public required int Unit { get; init; }

    /// <summary>The seed of the whole test.</summary>
    [Id(6)] public required int Seed { get; init; }

    /// <summary>The first replicate.</summary>
    [Id(7)] public required int First { get; init; }

    /// <summary>How many replicates.</summary>
    [Id(8)] public required int Count { get; init; }
}

/// <summary>The shard grain: DuckDB on the silo, inside the silo's data folders only.</summary>
[RandomPlacement]
internal sealed class ShardGrain(ShardAccess access, ILocalSiloDetails silo) : Grain, IShardGrain
{
    public Task<GrainReply<ShardColumn[]>> Describe(string path) => Run(path, full =>
    {
        using var file = DataFile.Open(full);
        return file.Columns.Select(c => new ShardColumn { Name = c.Name, SqlType = c.SqlType, Real = c.Kind == ColumnKind.Real }).ToArray();
    });

    public Task<GrainReply<CountTablePart[]>> CountTables(string path, string[][] columnSets) => Run(path, full =>
    {
        using var file = DataFile.Open(full);
        return columnSets.Select(set =>
        {
            var columns = set.Select(n => file.Column(n, "column")).ToArray();
            if (columns.FirstOrDefault(c => c.Kind == ColumnKind.Real) is { } real)
            {
                throw new InvalidDataException($"column '{real.Name}' of shard '{full}' is real-valued ({real.SqlType}); count tables need label columns (integers, text, booleans).");
            }

            var (table, levels) = file.CountTable(columns);
            return CountTablePart.From(table, levels);
        }).ToArray();
    });

    public Task<GrainReply<ColumnRange[]>> Ranges(string path, string[] columns) => Run(path, full =>
    {
        using var file = DataFile.Open(full);
        return columns.Select(n =>
        {
            var column = file.Column(n, "column");
            if (column.Kind != ColumnKind.Real)
            {
                throw new InvalidDataException($"column '{column.Name}' of shard '{full}' is not real-valued ({column.SqlType}); only real columns are cut into bins.");
            }

            var (min, max, count) = file.Range(column);
            return new ColumnRange { Name = column.Name, Min = min, Max = max, Count = count };
        }).ToArray();
    });

    public Task<GrainReply<CountTablePart[]>> BinnedCountTables(string path, string[][] columnSets, ColumnBins[] bins) => Run(path, full =>
    {
        using var file = DataFile.Open(full);
        var byName = bins.ToDictionary(b => b.Name, StringComparer.Ordinal);
        return columnSets.Select(set =>
        {
            var columns = set.Select(n => file.Column(n, "column")).ToArray();
            var given = columns.Select(c => byName.TryGetValue(c.Name, out var b) ? new EqualWidthBins(b.Min, b.Max, b.Count) : null).ToArray();
            if (columns.Zip(given).FirstOrDefault(p => p.First.Kind == ColumnKind.Real && p.Second is null).First is { } real)
            {
                throw new InvalidDataException($"column '{real.Name}' of shard '{full}' is real-valued ({real.SqlType}) but has no bins; it is real in this shard and not in the first.");
            }

            var (table, levels) = file.CountTable(columns, given);
            return CountTablePart.From(table, levels, [.. given.Select(b => b?.Count ?? 0)]);
        }).ToArray();
    });

    public Task<GrainReply<ColumnMoments>> Moments(string path, string[] columns) => Run(path, full =>
    {
        using var file = DataFile.Open(full);
        var values = columns.Select(n =>
        {
            var column = file.Column(n, "column");
            return column.Kind == ColumnKind.Real
                ? file.ReadReal(column)
                : throw new InvalidDataException($"column '{column.Name}' of shard '{full}' is not real-valued ({column.SqlType}); the Gaussian fit needs real columns.");
        }).ToArray();
        int d = values.Length, rows = values.Length == 0 ? 0 : values[0].Length;
        var means = values.Select(v => v.Length == 0 ? 0 : v.Average()).ToArray();
        var comoments = new double[d][];
        for (int a = 0; a < d; a++)
        {
            comoments[a] = new double[d];
            for (int b = 0; b <= a; b++)
            {
                double sum = 0;
                for (int i = 0; i < rows; i++)
                {
                    sum += (values[a][i] - means[a]) * (values[b][i] - means[b]);
                }

                comoments[a][b] = sum;
            }
        }

        for (int a = 0; a < d; a++)
        {
            for (int b = a + 1; b < d; b++)
            {
                comoments[a][b] = comoments[b][a];
            }
        }

        return new ColumnMoments { Count = rows, Means = means, Comoments = comoments };
    });

    public Task<GrainReply<CooccurrencePart>> Cooccurrences(string path, int window) => Run(path, full =>
    {
        string text = ReadText(full);
        var tokens = WordTokens.FromText(text);
        string[] words = [.. tokens.Words];
        long[] wordCounts = [.. tokens.Counts];
        CooccurrenceTable? table = null;
        if (tokens.TokenCount >= 2)
        {
            try
            {
                table = CooccurrenceTable.FromTokens(tokens, window, maxDegreeOfParallelism: 1);
            }
            catch (ArgumentException)
            {
                // Every document of this shard has one word: it adds words but no pairs.
            }
        }

        return new CooccurrencePart
        {
            Words = words,
            WordCounts = wordCounts,
            X = table is null ? [] : [.. table.X],
            Y = table is null ? [] : [.. table.Y],
            Counts = table is null ? [] : [.. table.PairCounts],
        };
    });

    private async Task<GrainReply<T>> Run<T>(string path, Func<string, T> work)
    {
        string here = silo.SiloAddress.Endpoint.ToString();
        try
        {
            string? full = access.Allowed(path);
            if (full is null)
            {
                return new GrainReply<T> { Error = access.Refusal(path), Silo = here };
            }

            if (access.Delay > TimeSpan.Zero)
            {
                await Task.Delay(access.Delay);
            }

            // DuckDB blocks: off the grain's scheduler, then back.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var value = await Task.Run(() => work(full));
            return new GrainReply<T> { Value = value, Silo = here, Seconds = watch.Elapsed.TotalSeconds };
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return new GrainReply<T> { Error = ex.Message, Silo = here };
        }
        finally
        {
            DeactivateOnIdle();
        }
    }

    private static string ReadText(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        var bytes = File.ReadAllBytes(path);
        if (Array.IndexOf(bytes, (byte)0) is int nul and >= 0)
        {
            throw new InvalidDataException($"'{path}' must be a UTF-8 text file; it holds a NUL byte at offset {nul}.");
        }

        string text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }
}

/// <summary>The replicate grain: the library's permutation test and bootstrap on a range of replicates.</summary>
[RandomPlacement]
internal sealed class ReplicateGrain(ILocalSiloDetails silo) : Grain, IReplicateGrain
{
    public Task<GrainReply<double[]>> Permutations(ReplicateRequest request) => Run(request, r =>
    {
        var table = r.Table.ToCountTable();
        var samples = table.ToSamples();
        var estimator = EntropyEstimators.Parse(r.Estimator);
        var unit = (InformationUnit)r.Unit;
        var x = DiscreteVariable.Joint(samples, r.X);
        var y = DiscreteVariable.Joint(samples, r.Y);
        return r.Z.Length == 0
            ? PermutationTest.MutualInformationNull(x, y, estimator, unit, r.Seed, r.First, r.Count)
            : PermutationTest.ConditionalMutualInformationNull(x, y, DiscreteVariable.Joint(samples, r.Z), estimator, unit, r.Seed, r.First, r.Count);
    });

    public Task<GrainReply<double[]>> Bootstraps(ReplicateRequest request) => Run(request, r =>
        Bootstrap.MutualInformationReplicates(r.Table.ToCountTable(), r.X, r.Y, r.Z, EntropyEstimators.Parse(r.Estimator), (InformationUnit)r.Unit, r.Seed, r.First, r.Count));

    private async Task<GrainReply<double[]>> Run(ReplicateRequest request, Func<ReplicateRequest, double[]> work)
    {
        string here = silo.SiloAddress.Endpoint.ToString();
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var value = await Task.Run(() => work(request));
            return new GrainReply<double[]> { Value = value, Silo = here, Seconds = watch.Elapsed.TotalSeconds };
        }
        catch (ArgumentException ex)
        {
            return new GrainReply<double[]> { Error = ex.Message, Silo = here };
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
