namespace Shannon.Text;

/// <summary>
/// Word-word co-occurrence counts within a symmetric window: every pair of tokens at distance 1..W inside one
/// document is counted once in each order, (x, y) and (y, x), so the table is symmetric and its row and column
/// sums are equal. Counted in parallel (one hash table per chunk of the stream, merged), stored sparse and sorted
/// by (x, y) so every result is the same on any number of cores. From the table: p(x, y) = n(x, y) / N,
/// p(x) = n(x, ·) / N, and PMI(x, y) = log p(x, y) / (p(x) p(y)), whose count-weighted mean is the mutual information
/// I(X; Y) of the pair distribution. The table only counts: PMI, NPMI, shifted PPMI and context smoothing are the
/// library's (<see cref="Measures.PointwiseMutualInformationFromCounts"/> and its neighbours), applied to its counts.
/// </summary>
public sealed class CooccurrenceTable
{
    private readonly long[] _marginal;

    private CooccurrenceTable(int window, int[] x, int[] y, long[] counts, long[] marginal, long total)
    {
        Window = window;
        X = x;
        Y = y;
        PairCounts = counts;
        _marginal = marginal;
        Total = total;
    }

    /// <summary>The window W.</summary>
    public int Window { get; }

    /// <summary>The first word of each stored pair.</summary>
    public IReadOnlyList<int> X { get; }

    /// <summary>The second word of each stored pair.</summary>
    public IReadOnlyList<int> Y { get; }

    /// <summary>n(x, y) of each stored pair.</summary>
    public IReadOnlyList<long> PairCounts { get; }

    /// <summary>n(x, ·) = n(·, x) by word id.</summary>
    public IReadOnlyList<long> Marginal => _marginal;

    /// <summary>N, the sum of all pair counts.</summary>
    public long Total { get; }

    /// <summary>The number of distinct pairs stored.</summary>
    public int PairCount => PairCounts.Count;

    /// <summary>Counts the pairs of <paramref name="tokens"/> within <paramref name="window"/>.</summary>
    /// <param name="tokens">The tokens.</param>
    /// <param name="window">W &gt;= 1.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (0 = all cores).</param>
    /// <returns>The table.</returns>
    public static CooccurrenceTable FromTokens(WordTokens tokens, int window, int maxDegreeOfParallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(window), $"`window` must be >= 1; got {window}.");
        }

        var ids = tokens.IdArray;
        if (tokens.TokenCount < 2)
        {
            throw new ArgumentException($"`tokens` must hold at least 2 words; got {tokens.TokenCount}.", nameof(tokens));
        }

        int threads = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount;
        int chunks = Math.Max(1, Math.Min(threads, (ids.Length / 50_000) + 1));
        var parts = new (PackedKeyIndex Index, long[] Counts)[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            int from = (int)((long)ids.Length * c / chunks), to = (int)((long)ids.Length * (c + 1) / chunks);
            var index = new PackedKeyIndex(1 << 16);
            var counts = new long[1 << 16];
            for (int i = from; i < to; i++)
            {
                int a = ids[i];
                if (a < 0)
                {
                    continue;
                }

                int end = Math.Min(ids.Length - 1, i + window);
                for (int j = i + 1; j <= end; j++)
                {
                    int b = ids[j];
                    if (b < 0)
                    {
                        break;
                    }

                    // Each unordered pair once here; both orders are written out below.
                    Add(index, ref counts, a <= b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a);
                }
            }

            parts[c] = (index, counts);
        });

        var merged = parts[0].Index;
        var mergedCounts = parts[0].Counts;
        for (int c = 1; c < chunks; c++)
        {
            var keys = parts[c].Index.Keys;
            for (int g = 0; g < keys.Length; g++)
            {
                int id = merged.GetOrAdd(keys[g]);
                if (id >= mergedCounts.Length)
                {
                    Array.Resize(ref mergedCounts, Math.Max(mergedCounts.Length * 2, id + 1));
                }

                mergedCounts[id] += parts[c].Counts[g];
            }
        }

        var canonical = merged.Keys;
        int expanded = 0;
        foreach (ulong key in canonical)
        {
            expanded += (key >> 32) == (key & 0xFFFF_FFFFUL) ? 1 : 2;
        }

        var allKeys = new ulong[expanded];
        var allCounts = new long[expanded];
        for (int g = 0, at = 0; g < canonical.Length; g++)
        {
            ulong key = canonical[g];
            ulong a = key >> 32, b = key & 0xFFFF_FFFFUL;
            if (a == b)
            {
                allKeys[at] = key;
                allCounts[at++] = 2 * mergedCounts[g];
            }
            else
            {
                allKeys[at] = key;
                allCounts[at++] = mergedCounts[g];
                allKeys[at] = (b << 32) | a;
                allCounts[at++] = mergedCounts[g];
            }
        }

        Array.Sort(allKeys, allCounts);
        var x = new int[allKeys.Length];
        var y = new int[allKeys.Length];
        var marginal = new long[tokens.Words.Count];
        long total = 0;
        for (int g = 0; g < allKeys.Length; g++)
        {
            x[g] = (int)(allKeys[g] >> 32);
            y[g] = (int)(uint)allKeys[g];
            marginal[x[g]] += allCounts[g];
            total += allCounts[g];
        }

        if (total == 0)
        {
            throw new ArgumentException("`tokens` must hold two words within one document; got none (every document has one word).", nameof(tokens));
        }

        return new CooccurrenceTable(window, x, y, allCounts, marginal, total);
    }

    /// <summary>
    /// A table from its stored pairs, in the form <see cref="X"/>, <see cref="Y"/> and <see cref="PairCounts"/> hold them:
    /// sorted by (x, y) with no repeats, both orders of each pair present (e.g. the tables of shards of a corpus, merged
    /// by adding the counts of the same word pair). The marginals and the total are summed here, as in <see cref="FromTokens"/>.
    /// </summary>
    /// <param name="window">The window W the pairs were counted with (&gt;= 1).</param>
    /// <param name="wordCount">The number of word ids (every id is below it).</param>
    /// <param name="x">The first word of each pair.</param>
    /// <param name="y">The second word of each pair.</param>
    /// <param name="counts">n(x, y) of each pair (&gt;= 1).</param>
    /// <returns>The table.</returns>
    public static CooccurrenceTable FromPairs(int window, int wordCount, int[] x, int[] y, long[] counts)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(counts);
        if (window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(window), $"`window` must be >= 1; got {window}.");
        }

        if (y.Length != x.Length || counts.Length != x.Length)
        {
            throw new ArgumentException($"`y` and `counts` must have the length of `x` ({x.Length}); got {y.Length} and {counts.Length}.", nameof(counts));
        }

        var marginal = new long[wordCount];
        long total = 0;
        for (int g = 0; g < x.Length; g++)
        {
            if ((uint)x[g] >= (uint)wordCount || (uint)y[g] >= (uint)wordCount)
            {
                throw new ArgumentOutOfRangeException(nameof(x), $"`x` and `y` must be word ids below {wordCount}; got ({x[g]}, {y[g]}) at pair {g}.");
            }

            if (counts[g] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(counts), $"`counts` must be >= 1; got {counts[g]} at pair {g}.");
            }

            if (g > 0 && (x[g] < x[g - 1] || (x[g] == x[g - 1] && y[g] <= y[g - 1])))
            {
                throw new ArgumentException($"`x` and `y` must be sorted by (x, y) without repeats; got ({x[g - 1]}, {y[g - 1]}) before ({x[g]}, {y[g]}) at pair {g}.", nameof(x));
            }

            marginal[x[g]] += counts[g];
            total += counts[g];
        }

        if (total == 0)
        {
            throw new ArgumentException("`counts` must hold at least one pair; got none.", nameof(counts));
        }

        return new CooccurrenceTable(window, (int[])x.Clone(), (int[])y.Clone(), (long[])counts.Clone(), marginal, total);
    }

    private static void Add(PackedKeyIndex index, ref long[] counts, ulong key)
    {
        int id = index.GetOrAdd(key);
        if (id == counts.Length)
        {
            Array.Resize(ref counts, counts.Length * 2);
        }

        counts[id]++;
    }

    /// <summary>
    /// PMI of stored pair <paramref name="i"/> in nats, log n(x,y) N / (n(x) n(y)):
    /// <see cref="Measures.PointwiseMutualInformationFromCounts"/> of the pair's counts.
    /// </summary>
    /// <param name="i">The pair index.</param>
    /// <returns>PMI in nats.</returns>
    public double PointwiseMutualInformationNats(int i) =>
        Measures.PointwiseMutualInformationFromCounts(PairCounts[i], _marginal[X[i]], _marginal[Y[i]], Total, InformationUnit.Nats).Value;

    /// <summary>
    /// Normalised PMI of pair <paramref name="i"/>, PMI / -log p(x, y), in [-1, 1] (Bouma 2009):
    /// <see cref="Measures.NormalizedPointwiseMutualInformationFromCounts"/> of the pair's counts.
    /// </summary>
    /// <param name="i">The pair index.</param>
    /// <returns>NPMI.</returns>
    public double NormalizedPointwiseMutualInformation(int i) =>
        Measures.NormalizedPointwiseMutualInformationFromCounts(PairCounts[i], _marginal[X[i]], _marginal[Y[i]], Total);

    /// <summary>
    /// The context-distribution-smoothed probabilities p_alpha(y) = n(y)^alpha / sum n(y')^alpha of the marginal counts
    /// (<see cref="Measures.SmoothedContextDistributionFromCounts"/>; Levy, Goldberg &amp; Dagan 2015; word2vec's alpha = 0.75).
    /// </summary>
    /// <param name="alpha">alpha in (0, 1].</param>
    /// <returns>p_alpha by word id.</returns>
    public double[] SmoothedContextProbabilities(double alpha) =>
        Measures.SmoothedContextDistributionFromCounts(_marginal, alpha);

    /// <summary>
    /// Shifted positive PMI of pair <paramref name="i"/> in nats with context smoothing,
    /// max(log p(x, y) / (p(x) p_alpha(y)) - log k, 0) (Levy &amp; Goldberg 2014; k = 1 is plain PPMI):
    /// <see cref="Measures.ShiftedPositivePointwiseMutualInformation"/> with p = n / N.
    /// </summary>
    /// <param name="i">The pair index.</param>
    /// <param name="smoothedContext">From <see cref="SmoothedContextProbabilities"/>.</param>
    /// <param name="shift">k &gt;= 1.</param>
    /// <returns>SPPMI in nats, &gt;= 0.</returns>
    public double ShiftedPositivePointwiseMutualInformationNats(int i, double[] smoothedContext, double shift)
    {
        ArgumentNullException.ThrowIfNull(smoothedContext);
        double pxy = (double)PairCounts[i] / Total, px = (double)_marginal[X[i]] / Total;
        return Measures.ShiftedPositivePointwiseMutualInformation(pxy, px, smoothedContext[Y[i]], shift, InformationUnit.Nats).Value;
    }

    /// <summary>
    /// The mutual information of the pair distribution, I(X; Y) = sum_xy p(x, y) PMI(x, y), in nats: the count-weighted
    /// mean of <see cref="PointwiseMutualInformationNats"/>.
    /// </summary>
    /// <returns>I in nats (plug-in; its bias under independence is about (K - 1)^2 / (2 N) for K words).</returns>
    public double MutualInformationNats()
    {
        double sum = 0;
        for (int i = 0; i < PairCount; i++)
        {
            sum += PairCounts[i] * PointwiseMutualInformationNats(i);
        }

        return sum / Total;
    }

    /// <summary>The pairs with n(x, y) &gt;= minCount and x &lt; y (each unordered pair once), by PMI, largest first.</summary>
    /// <param name="minCount">The minimum pair count (&gt;= 1).</param>
    /// <param name="top">How many (&gt;= 1).</param>
    /// <returns>Pair indices.</returns>
    public int[] TopPairs(int minCount, int top)
    {
        if (minCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minCount), $"`minCount` must be >= 1; got {minCount}.");
        }

        if (top < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(top), $"`top` must be >= 1; got {top}.");
        }

        var candidates = new List<int>();
        for (int i = 0; i < PairCount; i++)
        {
            if (PairCounts[i] >= minCount && X[i] < Y[i])
            {
                candidates.Add(i);
            }
        }

        return candidates.OrderByDescending(PointwiseMutualInformationNats).ThenBy(i => i).Take(top).ToArray();
    }
}
