namespace Shannon.Cluster;

/// <summary>
/// The shards a job names: one file, a folder (its data files, not recursive), or a glob in the last path segment
/// (<c>data/part-*.parquet</c>). Sorted by full path in ordinal order, so "the concatenation of the shards" is one
/// well-defined file.
/// </summary>
public static class ShardPaths
{
    private static readonly string[] TableExtensions = [".csv", ".tsv", ".txt", ".parquet", ".json", ".jsonl", ".ndjson", ".csv.gz", ".tsv.gz", ".txt.gz"];

    /// <summary>Resolves a FILE argument to shard paths.</summary>
    /// <param name="pattern">A file, a folder or a glob.</param>
    /// <param name="text">True for text shards (`pmi`: every regular file of a folder), false for tables.</param>
    /// <returns>The full paths, at least one.</returns>
    public static string[] Resolve(string pattern, bool text)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException($"`FILE` must name a file, a folder or a glob of shards; got '{pattern}'.", nameof(pattern));
        }

        string[] found;
        if (Directory.Exists(pattern))
        {
            found = Directory.GetFiles(pattern);
        }
        else if (pattern.AsSpan(pattern.LastIndexOf(Path.DirectorySeparatorChar) + 1).IndexOfAny('*', '?') >= 0)
        {
            string? folder = Path.GetDirectoryName(pattern);
            folder = string.IsNullOrEmpty(folder) ? "." : folder;
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"`FILE` names a glob in '{folder}', which does not exist.");
            }

            found = Directory.GetFiles(folder, Path.GetFileName(pattern));
        }
        else if (File.Exists(pattern))
        {
            found = [pattern];
        }
        else
        {
            throw new FileNotFoundException($"`FILE` must name a file, a folder or a glob of shards; '{pattern}' does not exist.", pattern);
        }

        var shards = found
            .Where(f => text || TableExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return shards.Length > 0
            ? shards
            : throw new FileNotFoundException($"`FILE` '{pattern}' holds no {(text ? "text" : "CSV, Parquet or JSON")} shards.", pattern);
    }
}
