using System.Globalization;

namespace Shannon.Estimators.Discrete;

/// <summary>
/// A multivariate count table: the occupied cells (one code per variable) and their counts. Built from samples with
/// the fast counting kernels (<see cref="FromSamples"/>) or from a table computed elsewhere, e.g. a GROUP BY inside a
/// database (<see cref="FromCells"/>), so that data larger than memory never travels as rows. Marginals over any
/// group of variables (a group is one joint variable) feed the entropy estimators with the group's alphabet size,
/// the product of its variables' level counts (empty combinations included).
/// </summary>
public sealed class CountTable
{
    /// <summary>Tables with at most this many possible cells are counted densely; larger ones by hashing.</summary>
    internal const long DenseCellLimit = 1 << 24;

    private readonly int[][] _codes;
    private readonly long[] _counts;
    private readonly int[] _levelCounts;

    private CountTable(int[][] codes, long[] counts, int[] levelCounts, long total)
    {
        _codes = codes;
        _counts = counts;
        _levelCounts = levelCounts;
        Total = total;
    }

    /// <summary>The number of variables (columns).</summary>
    public int VariableCount => _levelCounts.Length;

    /// <summary>The number of samples N (the sum of the counts).</summary>
    public long Total { get; }

    /// <summary>The number of cells held (occupied cells, possibly with zeros when built from cells).</summary>
    public int CellCount => _counts.Length;

    /// <summary>Each variable's alphabet size.</summary>
    public IReadOnlyList<int> LevelCounts => _levelCounts;

    /// <summary>The cells' counts.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>The code of <paramref name="variable"/> in each cell.</summary>
    /// <param name="variable">The variable's index.</param>
    /// <returns>The codes, aligned with <see cref="Counts"/>.</returns>
    public ReadOnlySpan<int> Codes(int variable) => _codes[variable];

    /// <summary>Counts the samples of several variables of equal length.</summary>
    /// <param name="variables">The variables (at least one, equal lengths).</param>
    /// <returns>The table of occupied cells.</returns>
    public static CountTable FromSamples(params DiscreteVariable[] variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (variables.Length == 0)
        {
            throw Preconditions.Error(nameof(variables), "non-empty", "no variables");
        }

        int n = variables[0].Length;
        for (int v = 1; v < variables.Length; v++)
        {
            if (variables[v].Length != n)
            {
                throw Preconditions.Error(nameof(variables), $"variables of equal length ({n})",
                    $"length {variables[v].Length} at index {v}");
            }
        }

        int[] levels = [.. variables.Select(v => v.LevelCount)];
        long cells = Product(levels, nameof(variables));
        if (cells <= DenseCellLimit)
        {
            var dense = new long[cells];
            if (variables.Length == 1)
            {
                Histogram.CountUnchecked(variables[0].Codes, dense);
            }
            else if (variables.Length == 2)
            {
                Histogram.CountPairsUnchecked(variables[0].Codes, variables[1].Codes, levels[1], dense);
            }
            else
            {
                var index = new int[n];
                for (int v = 0; v < variables.Length; v++)
                {
                    var c = variables[v].Codes;
                    int radix = levels[v];
                    for (int i = 0; i < n; i++)
                    {
                        index[i] = index[i] * radix + c[i];
                    }
                }

                Histogram.CountUnchecked(index, dense);
            }

            return FromDense(dense, levels, n);
        }

        var table = new LongCountTable(1024);
        var keys = new long[n];
        for (int v = 0; v < variables.Length; v++)
        {
            var c = variables[v].Codes;
            int radix = levels[v];
            for (int i = 0; i < n; i++)
            {
                keys[i] = keys[i] * radix + c[i];
            }
        }

        foreach (long k in keys)
        {
            table.Add(k, 1);
        }

        var (ks, counts) = table.ToArrays();
        return new CountTable(Decode(ks, levels), counts, levels, n);
    }

    /// <summary>
    /// Counts two columns of integer labels without copying them: when both span small ranges the pairs are counted
    /// straight into a dense table with the labels' minima as offsets (one SIMD min/max pass per column, one parallel
    /// counting pass), and unused label values are dropped afterwards; otherwise the labels are encoded first.
    /// Each column's alphabet is its number of distinct labels.
    /// </summary>
    /// <param name="x">The first column (non-empty).</param>
    /// <param name="y">The second column, the same length.</param>
    /// <returns>The table of occupied cells.</returns>
    public static CountTable FromLabels(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        if (x.IsEmpty)
        {
            throw Preconditions.Error(nameof(x), "non-empty", "an empty sequence");
        }

        Preconditions.SameLength(y.Length, x.Length, nameof(y), nameof(x));
        var (minX, maxX) = Histogram.MinMax(x);
        var (minY, maxY) = Histogram.MinMax(y);
        long rangeX = (long)maxX - minX + 1, rangeY = (long)maxY - minY + 1;
        if (rangeX * rangeY > DenseCellLimit || rangeX * rangeY > 4L * x.Length + 1024)
        {
            return FromSamples(DiscreteVariable.FromLabels(x), DiscreteVariable.FromLabels(y));
        }

        var dense = new long[rangeX * rangeY];
        Histogram.CountPairsUnchecked(x, y, minX, minY, (int)rangeY, dense);

        // Drop label values that never occur.
        var rowUsed = new int[rangeX];
        var colUsed = new int[rangeY];
        for (long r = 0; r < rangeX; r++)
        {
            for (long c = 0; c < rangeY; c++)
            {
                if (dense[r * rangeY + c] > 0)
                {
                    rowUsed[r] = colUsed[c] = 1;
                }
            }
        }

        int[] rowCode = Renumber(rowUsed), colCode = Renumber(colUsed);
        int levelsX = rowUsed.Sum(), levelsY = colUsed.Sum();
        var cells = new List<(int, int, long)>();
        for (long r = 0; r < rangeX; r++)
        {
            for (long c = 0; c < rangeY; c++)
            {
                long n = dense[r * rangeY + c];
                if (n > 0)
                {
                    cells.Add((rowCode[r], colCode[c], n));
                }
            }
        }

        int[] cx = [.. cells.Select(t => t.Item1)], cy = [.. cells.Select(t => t.Item2)];
        long[] counts = [.. cells.Select(t => t.Item3)];
        return new CountTable([cx, cy], counts, [levelsX, levelsY], x.Length);
    }

    private static int[] Renumber(int[] used)
    {
        var code = new int[used.Length];
        int next = 0;
        for (int i = 0; i < used.Length; i++)
        {
            code[i] = used[i] == 1 ? next++ : -1;
        }

        return code;
    }

    /// <summary>
    /// Builds a table from cells computed elsewhere (e.g. GROUP BY in a database). Cells may repeat (they are summed
    /// by the marginals) and may have count 0.
    /// </summary>
    /// <param name="codes">One array of codes per variable, each in [0, levelCounts[v]), all the length of <paramref name="counts"/>.</param>
    /// <param name="counts">The cells' counts (&gt;= 0, positive total).</param>
    /// <param name="levelCounts">Each variable's alphabet size (&gt;= 1).</param>
    /// <returns>The table (a copy of the inputs).</returns>
    public static CountTable FromCells(IReadOnlyList<int[]> codes, ReadOnlySpan<long> counts, ReadOnlySpan<int> levelCounts)
    {
        ArgumentNullException.ThrowIfNull(codes);
        Preconditions.SameLength(codes.Count, levelCounts.Length, nameof(codes), nameof(levelCounts));
        if (levelCounts.IsEmpty)
        {
            throw Preconditions.Error(nameof(levelCounts), "non-empty", "no variables");
        }

        long total = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw Preconditions.Error(nameof(counts), ">= 0 everywhere", $"{counts[i].ToString(CultureInfo.InvariantCulture)} at index {i}");
            }

            total = Preconditions.AddCount(total, counts[i], nameof(counts));
        }

        if (total == 0)
        {
            throw Preconditions.Error(nameof(counts), "a vector with a positive total", counts.IsEmpty ? "an empty sequence" : "all zeros");
        }

        var copies = new int[codes.Count][];
        for (int v = 0; v < codes.Count; v++)
        {
            Preconditions.Positive(levelCounts[v], nameof(levelCounts));
            Preconditions.SameLength(codes[v].Length, counts.Length, nameof(codes), nameof(counts));
            Histogram.CheckRange(codes[v], levelCounts[v], nameof(codes));
            copies[v] = (int[])codes[v].Clone();
        }

        var levels = levelCounts.ToArray();
        Product(levels, nameof(levelCounts));
        return new CountTable(copies, counts.ToArray(), levels, total);
    }

    /// <summary>
    /// The counts of the joint variable made of <paramref name="variables"/> (the occupied combinations) and its
    /// alphabet size, the product of their level counts.
    /// </summary>
    /// <param name="variables">Indices of the variables, distinct (at least one).</param>
    /// <returns>The counts (may include zeros) and the alphabet size.</returns>
    public (long[] Counts, long AlphabetSize) Marginal(ReadOnlySpan<int> variables)
    {
        CheckGroup(variables, nameof(variables));
        int[] levels = new int[variables.Length];
        for (int i = 0; i < variables.Length; i++)
        {
            levels[i] = _levelCounts[variables[i]];
        }

        long size = Product(levels, nameof(variables));
        if (size <= DenseCellLimit && size <= 4L * _counts.Length + 1024)
        {
            var dense = new long[size];
            for (int c = 0; c < _counts.Length; c++)
            {
                dense[Key(c, variables)] += _counts[c];
            }

            return (dense, size);
        }

        var table = new LongCountTable(Math.Min(_counts.Length, 1 << 20));
        for (int c = 0; c < _counts.Length; c++)
        {
            if (_counts[c] > 0)
            {
                table.Add(Key(c, variables), _counts[c]);
            }
        }

        return (table.ToArrays().Values, size);
    }

    /// <summary>The contingency table of group X against group Y: dense row and column indices of occupied cells.</summary>
    internal (long[] RowTotals, long[] ColumnTotals, int[] Rows, int[] Columns, long[] Counts) Contingency(ReadOnlySpan<int> x, ReadOnlySpan<int> y)
    {
        var rowIndex = new Dictionary<long, int>();
        var colIndex = new Dictionary<long, int>();
        var cells = new Dictionary<(int, int), long>();
        for (int c = 0; c < _counts.Length; c++)
        {
            if (_counts[c] == 0)
            {
                continue;
            }

            long kx = Key(c, x), ky = Key(c, y);
            if (!rowIndex.TryGetValue(kx, out int r))
            {
                rowIndex[kx] = r = rowIndex.Count;
            }

            if (!colIndex.TryGetValue(ky, out int col))
            {
                colIndex[ky] = col = colIndex.Count;
            }

            cells[(r, col)] = cells.GetValueOrDefault((r, col)) + _counts[c];
        }

        var rowTotals = new long[rowIndex.Count];
        var colTotals = new long[colIndex.Count];
        var rows = new int[cells.Count];
        var cols = new int[cells.Count];
        var counts = new long[cells.Count];
        int j = 0;
        foreach (var ((r, col), n) in cells)
        {
            rows[j] = r;
            cols[j] = col;
            counts[j++] = n;
            rowTotals[r] += n;
            colTotals[col] += n;
        }

        return (rowTotals, colTotals, rows, cols, counts);
    }

    /// <summary>
    /// Expands the table back into samples (codes per variable), in cell order, e.g. for permutation tests.
    /// Needs 4 bytes per sample and variable.
    /// </summary>
    /// <returns>One variable per column of the table.</returns>
    public DiscreteVariable[] ToSamples()
    {
        if (Total > Array.MaxLength)
        {
            throw Preconditions.Error("table", $"at most {Array.MaxLength} samples to expand", Total.ToString(CultureInfo.InvariantCulture));
        }

        var result = new DiscreteVariable[VariableCount];
        for (int v = 0; v < VariableCount; v++)
        {
            var codes = new int[Total];
            int at = 0;
            for (int c = 0; c < _counts.Length; c++)
            {
                codes.AsSpan(at, (int)_counts[c]).Fill(_codes[v][c]);
                at += (int)_counts[c];
            }

            result[v] = DiscreteVariable.Wrap(codes, _levelCounts[v], new IndexLabels(_levelCounts[v]));
        }

        return result;
    }

    internal void CheckGroup(ReadOnlySpan<int> variables, string name)
    {
        if (variables.IsEmpty)
        {
            throw Preconditions.Error(name, "a non-empty group of variable indices", "an empty group");
        }

        for (int i = 0; i < variables.Length; i++)
        {
            if ((uint)variables[i] >= (uint)VariableCount)
            {
                throw Preconditions.Error(name, $"variable indices in [0, {VariableCount})", $"{variables[i].ToString(CultureInfo.InvariantCulture)} at index {i}");
            }

            for (int j = 0; j < i; j++)
            {
                if (variables[j] == variables[i])
                {
                    throw Preconditions.Error(name, "distinct variable indices", $"{variables[i].ToString(CultureInfo.InvariantCulture)} twice");
                }
            }
        }
    }

    private long Key(int cell, ReadOnlySpan<int> variables)
    {
        long key = 0;
        foreach (int v in variables)
        {
            key = key * _levelCounts[v] + _codes[v][cell];
        }

        return key;
    }

    private static long Product(int[] levels, string name)
    {
        long p = 1;
        foreach (int l in levels)
        {
            if (p > (1L << 62) / l)
            {
                throw Preconditions.Error(name, "variables whose joint alphabet has at most 2^62 combinations",
                    string.Join(" x ", levels.Select(x => x.ToString(CultureInfo.InvariantCulture))));
            }

            p *= l;
        }

        return p;
    }

    private static CountTable FromDense(long[] dense, int[] levels, long total)
    {
        int occupied = 0;
        foreach (long c in dense)
        {
            occupied += c > 0 ? 1 : 0;
        }

        var keys = new long[occupied];
        var counts = new long[occupied];
        int j = 0;
        for (int i = 0; i < dense.Length; i++)
        {
            if (dense[i] > 0)
            {
                keys[j] = i;
                counts[j++] = dense[i];
            }
        }

        return new CountTable(Decode(keys, levels), counts, levels, total);
    }

    private static int[][] Decode(long[] keys, int[] levels)
    {
        var codes = new int[levels.Length][];
        for (int v = 0; v < levels.Length; v++)
        {
            codes[v] = new int[keys.Length];
        }

        for (int i = 0; i < keys.Length; i++)
        {
            long k = keys[i];
            for (int v = levels.Length - 1; v >= 0; v--)
            {
                codes[v][i] = (int)(k % levels[v]);
                k /= levels[v];
            }
        }

        return codes;
    }
}
