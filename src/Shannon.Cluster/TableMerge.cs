using Shannon.Estimators.Discrete;
using Shannon.Text;

namespace Shannon.Cluster;

/// <summary>
/// Merges the tables of shards. Count tables merge by addition: each column's levels are the union of the shards'
/// levels in ordinal order (the order <see cref="Shannon.Data.DataFile.CountTable(IReadOnlyList{Shannon.Data.ColumnInfo})"/> gives one file), cells with the
/// same levels add their counts, and the cells are sorted by their codes, so the merged table is the table of the
/// concatenated shards, cell for cell. Co-occurrence tables merge the same way, with words renumbered by their total
/// count (ties in ordinal order), as <see cref="WordTokens.FromText"/> numbers one text. Cost: O(total cells log cells).
/// </summary>
public static class TableMerge
{
    /// <summary>Merges count tables of the same columns.</summary>
    /// <param name="parts">The shards' tables (at least one).</param>
    /// <returns>The merged table, as a part (levels and cells).</returns>
    public static CountTablePart CountTables(IReadOnlyList<CountTablePart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("`parts` must hold at least one table; got none.", nameof(parts));
        }

        int variables = parts[0].Levels.Length;
        if (parts.Any(p => p.Levels.Length != variables))
        {
            throw new ArgumentException($"`parts` must all have {variables} columns; got tables with {string.Join(", ", parts.Select(p => p.Levels.Length).Distinct())}.", nameof(parts));
        }

        var levels = new string[variables][];
        var remap = new int[parts.Count][][];
        for (int v = 0; v < variables; v++)
        {
            var union = parts.SelectMany(p => p.Levels[v]).Distinct(StringComparer.Ordinal).ToList();
            union.Sort(StringComparer.Ordinal);
            levels[v] = [.. union];
            var index = new Dictionary<string, int>(union.Count, StringComparer.Ordinal);
            foreach (var level in union)
            {
                index[level] = index.Count;
            }

            for (int s = 0; s < parts.Count; s++)
            {
                remap[s] ??= new int[variables][];
                remap[s][v] = [.. parts[s].Levels[v].Select(l => index[l])];
            }
        }

        var cells = new Dictionary<int[], long>(CodeComparer.Instance);
        for (int s = 0; s < parts.Count; s++)
        {
            var part = parts[s];
            for (int c = 0; c < part.Counts.Length; c++)
            {
                var key = new int[variables];
                for (int v = 0; v < variables; v++)
                {
                    key[v] = remap[s][v][part.Codes[v][c]];
                }

                cells[key] = cells.GetValueOrDefault(key) + part.Counts[c];
            }
        }

        var keys = cells.Keys.ToArray();
        Array.Sort(keys, CodeComparer.Instance);
        var codes = new int[variables][];
        for (int v = 0; v < variables; v++)
        {
            codes[v] = [.. keys.Select(k => k[v])];
        }

        var binCounts = parts[0].BinCounts;
        if (parts.Any(p => !(p.BinCounts ?? []).SequenceEqual(binCounts ?? [])))
        {
            throw new ArgumentException("`parts` must all be cut into the same bins; got tables with different bin counts.", nameof(parts));
        }

        return new CountTablePart { Levels = levels, Codes = codes, Counts = [.. keys.Select(k => cells[k])], BinCounts = binCounts };
    }

    /// <summary>Merges co-occurrence tables counted with the same window.</summary>
    /// <param name="parts">The shards' tables.</param>
    /// <param name="window">The window W.</param>
    /// <returns>The merged table and its words by id.</returns>
    public static (CooccurrenceTable Table, string[] Words, long TokenCount) Cooccurrences(IReadOnlyList<CooccurrencePart> parts, int window)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            for (int i = 0; i < part.Words.Length; i++)
            {
                totals[part.Words[i]] = totals.GetValueOrDefault(part.Words[i]) + part.WordCounts[i];
            }
        }

        string[] words = [.. totals.Keys.OrderByDescending(w => totals[w]).ThenBy(w => w, StringComparer.Ordinal)];
        var id = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        foreach (var w in words)
        {
            id[w] = id.Count;
        }

        var pairs = new Dictionary<ulong, long>();
        foreach (var part in parts)
        {
            var local = part.Words.Select(w => id[w]).ToArray();
            for (int g = 0; g < part.Counts.Length; g++)
            {
                ulong key = ((ulong)(uint)local[part.X[g]] << 32) | (uint)local[part.Y[g]];
                pairs[key] = pairs.GetValueOrDefault(key) + part.Counts[g];
            }
        }

        if (pairs.Count == 0)
        {
            throw new InvalidDataException("the shards hold no two words within one document; there are no pairs to count.");
        }

        var keys = pairs.Keys.ToArray();
        Array.Sort(keys);
        var table = CooccurrenceTable.FromPairs(window, words.Length,
            [.. keys.Select(k => (int)(k >> 32))], [.. keys.Select(k => (int)(uint)k)], [.. keys.Select(k => pairs[k])]);
        return (table, words, totals.Values.Sum());
    }

    private sealed class CodeComparer : IEqualityComparer<int[]>, IComparer<int[]>
    {
        public static readonly CodeComparer Instance = new();

        public bool Equals(int[]? a, int[]? b) => a.AsSpan().SequenceEqual(b);

        public int GetHashCode(int[] key)
        {
            var h = new HashCode();
            foreach (int k in key)
            {
                h.Add(k);
            }

            return h.ToHashCode();
        }

        public int Compare(int[]? a, int[]? b) => a.AsSpan().SequenceCompareTo(b);
    }
}
