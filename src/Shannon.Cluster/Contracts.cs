using Shannon.Estimators.Discrete;

namespace Shannon.Cluster;

/// <summary>A column of a shard as its silo's DuckDB sees it.</summary>
[GenerateSerializer, Immutable]
public sealed class ShardColumn
{
    /// <summary>The column's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>DuckDB's type name (BIGINT, VARCHAR, DOUBLE, ...).</summary>
    [Id(1)] public required string SqlType { get; init; }

    /// <summary>True for real (floating-point or decimal) columns, false for labels.</summary>
    [Id(2)] public required bool Real { get; init; }
}

/// <summary>The range of a real column over one shard or, merged, over all of them (minima and maxima merge exactly).</summary>
[GenerateSerializer, Immutable]
public sealed class ColumnRange
{
    /// <summary>The column's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The smallest value.</summary>
    [Id(1)] public required double Min { get; init; }

    /// <summary>The largest value.</summary>
    [Id(2)] public required double Max { get; init; }

    /// <summary>The number of values.</summary>
    [Id(3)] public required long Count { get; init; }
}

/// <summary>
/// The count, means and co-moments (sums of products of deviations from the means) of real columns over one shard
/// or, merged, over several: the sufficient statistics of a Gaussian fit, which merge exactly in exact arithmetic.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class ColumnMoments
{
    /// <summary>The number of rows.</summary>
    [Id(0)] public required long Count { get; init; }

    /// <summary>Each column's mean.</summary>
    [Id(1)] public required double[] Means { get; init; }

    /// <summary>M[a][b] = sum over rows of (v_a - mean_a)(v_b - mean_b).</summary>
    [Id(2)] public required double[][] Comoments { get; init; }

    /// <summary>
    /// The moments of two parts together, by the pairwise update of Chan, Golub &amp; LeVeque (1979): N = N1 + N2, the
    /// means weighted by the counts, M = M1 + M2 + d d^T N1 N2 / N with d the difference of the means.
    /// </summary>
    /// <param name="other">The other part's moments, of the same columns.</param>
    /// <returns>The merged moments.</returns>
    public ColumnMoments Merge(ColumnMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        int d = Means.Length;
        long n = Count + other.Count;
        var delta = new double[d];
        var means = new double[d];
        for (int a = 0; a < d; a++)
        {
            delta[a] = other.Means[a] - Means[a];
            means[a] = Means[a] + (delta[a] * other.Count / n);
        }

        double weight = (double)Count * other.Count / n;
        var comoments = new double[d][];
        for (int a = 0; a < d; a++)
        {
            comoments[a] = new double[d];
            for (int b = 0; b < d; b++)
            {
                comoments[a][b] = Comoments[a][b] + other.Comoments[a][b] + (delta[a] * delta[b] * weight);
            }
        }

        return new ColumnMoments { Count = n, Means = means, Comoments = comoments };
    }
}

/// <summary>The equal-width bins a real column is cut into on every shard (edges Binning.EqualWidthEdges(Min, Max, Count)).</summary>
[GenerateSerializer, Immutable]
public sealed class ColumnBins
{
    /// <summary>The column's name.</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>The first edge: the column's minimum over all shards.</summary>
    [Id(1)] public required double Min { get; init; }

    /// <summary>The last edge: the column's maximum over all shards.</summary>
    [Id(2)] public required double Max { get; init; }

    /// <summary>The number of bins.</summary>
    [Id(3)] public required int Count { get; init; }
}

/// <summary>
/// A count table as it travels: for each column its levels (the distinct values as text, in ordinal order) and each
/// occupied cell's level code, with the cell counts. This is what a shard sends instead of its rows: one entry per
/// occupied combination, never more than the shard's row count and usually far fewer.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class CountTablePart
{
    /// <summary>Per column: its levels in ordinal order (code c is Levels[column][c]).</summary>
    [Id(0)] public required string[][] Levels { get; init; }

    /// <summary>Per column: the level code of each cell.</summary>
    [Id(1)] public required int[][] Codes { get; init; }

    /// <summary>The count of each cell.</summary>
    [Id(2)] public required long[] Counts { get; init; }

    /// <summary>
    /// Per column: its number of bins B when it is a real column cut into bins (its levels are then bin indices "0" ..
    /// "B-1", still in ordinal order), 0 for a label column; null when no column is binned.
    /// </summary>
    [Id(3)] public int[]? BinCounts { get; init; }

    /// <summary>The total count.</summary>
    public long Total => Counts.Sum();

    /// <summary>Packs a table and its levels for the wire.</summary>
    /// <param name="table">The table.</param>
    /// <param name="levels">Each column's level labels, in code order.</param>
    /// <param name="binCounts">Per column its bin count (0: a label column), or null when none is binned.</param>
    /// <returns>The part.</returns>
    public static CountTablePart From(CountTable table, IReadOnlyList<string>[] levels, int[]? binCounts = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(levels);
        return new CountTablePart
        {
            Levels = [.. levels.Select(l => l.ToArray())],
            Codes = [.. Enumerable.Range(0, table.VariableCount).Select(v => table.Codes(v).ToArray())],
            Counts = table.Counts.ToArray(),
            BinCounts = binCounts is null ? null : [.. binCounts],
        };
    }

    /// <summary>
    /// The library's count table of this part. A binned column's codes are its bin indices (0 .. B - 1 in edge order)
    /// and its level count B, empty bins included, as the library's binning numbers one column's bins.
    /// </summary>
    /// <returns>The table.</returns>
    public CountTable ToCountTable()
    {
        if (BinCounts is null || BinCounts.All(b => b == 0))
        {
            return CountTable.FromCells(Codes, Counts, [.. Levels.Select(l => l.Length)]);
        }

        var codes = new int[Codes.Length][];
        var levelCounts = new int[Codes.Length];
        for (int v = 0; v < Codes.Length; v++)
        {
            if (BinCounts[v] == 0)
            {
                codes[v] = Codes[v];
                levelCounts[v] = Levels[v].Length;
                continue;
            }

            int[] bin = [.. Levels[v].Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))];
            codes[v] = [.. Codes[v].Select(c => bin[c])];
            levelCounts[v] = BinCounts[v];
        }

        return CountTable.FromCells(codes, Counts, levelCounts);
    }
}

/// <summary>
/// A word co-occurrence table as it travels: the shard's words with their token counts, and the stored (x, y) pairs of
/// <see cref="Shannon.Text.CooccurrenceTable"/> as indices into <see cref="Words"/> with their counts.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class CooccurrencePart
{
    /// <summary>The distinct words of the shard.</summary>
    [Id(0)] public required string[] Words { get; init; }

    /// <summary>The token count of each word.</summary>
    [Id(1)] public required long[] WordCounts { get; init; }

    /// <summary>The first word of each pair (an index into <see cref="Words"/>).</summary>
    [Id(2)] public required int[] X { get; init; }

    /// <summary>The second word of each pair.</summary>
    [Id(3)] public required int[] Y { get; init; }

    /// <summary>n(x, y) of each pair.</summary>
    [Id(4)] public required long[] Counts { get; init; }
}

/// <summary>
/// What a grain answers: a value, or the reason its input was refused (a bad file, a column that is not there, a path
/// outside the silo's data folders). A refusal is final; a failed call (a silo gone) is retried elsewhere.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
[GenerateSerializer, Immutable]
public sealed class GrainReply<T>
{
    /// <summary>The value, when there is no error.</summary>
    [Id(0)] public T? Value { get; init; }

    /// <summary>One line saying why the input was refused, or null.</summary>
    [Id(1)] public string? Error { get; init; }

    /// <summary>The silo that did the work (host:port).</summary>
    [Id(2)] public string Silo { get; init; } = "";

    /// <summary>Seconds the silo spent on the work itself (reading and counting; no network, no test pause).</summary>
    [Id(3)] public double Seconds { get; init; }
}
