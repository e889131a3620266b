using System.Data.Common;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Data;

/// <summary>How Shannon treats a column: labels (integers, text, booleans, dates) or real numbers.</summary>
public enum ColumnKind
{
    /// <summary>Integer, text, boolean or temporal values: categories for the discrete estimators.</summary>
    Discrete = 1,

    /// <summary>Floating-point or decimal values: for the continuous estimators (or binning).</summary>
    Real = 2,
}

/// <summary>A column of a data file.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="SqlType">DuckDB's type name (e.g. BIGINT, VARCHAR, DOUBLE).</param>
/// <param name="Kind">How Shannon treats it.</param>
public sealed record ColumnInfo(string Name, string SqlType, ColumnKind Kind);

/// <summary>
/// A CSV (header row required), Parquet or JSON file read in process by DuckDB. Discrete quantities never load rows:
/// the count table of the requested columns is computed inside DuckDB (GROUP BY, which DuckDB spills to disk beyond
/// its memory limit) and only the table (one row per occupied combination) comes back. Real columns are either binned
/// inside DuckDB as well (<see cref="BinnedCountTable"/>) or loaded as arrays for the estimators that need every value
/// (<see cref="ReadReal"/>), which refuses columns whose arrays would exceed a quarter of the memory available to the
/// process. Errors are <see cref="FileNotFoundException"/>, <see cref="InvalidDataException"/> or
/// <see cref="ArgumentException"/> with one line that names the file or column.
/// </summary>
public sealed class DataFile : IDisposable
{
    private readonly DuckDBConnection _connection;
    private string _source;

    private bool _materialize;

    private int _queries;

    private long _rowCount = -1;

    /// <summary>
    /// Delimited text files up to this size (256 MB) are parsed once into an in-memory DuckDB table when a command
    /// asks more than a few queries of them (`rank`, `matrix`: one per column or pair), so that each query reads only
    /// its columns at engine speed; larger ones, and files asked one or two questions, are streamed from the file.
    /// </summary>
    public const long MaterializeBytes = 256L << 20;

    private DataFile(string path, DuckDBConnection connection, string source, IReadOnlyList<ColumnInfo> columns)
    {
        Path = path;
        _connection = connection;
        _source = source;
        Columns = columns;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The table expression of the file for the next query; materialises a small text file on the third query.</summary>
    private string Source
    {
        get
        {
            if (_materialize && ++_queries > 2)
            {
                _materialize = false;
                using var create = _connection.CreateCommand();
                create.CommandText = $"CREATE TEMP TABLE shannon_data AS SELECT * FROM {_source}";
                try
                {
                    create.ExecuteNonQuery();
                    _source = "shannon_data";
                }
                catch (DuckDBException ex)
                {
                    throw new InvalidDataException($"'{Path}' cannot be read: {FirstLine(ex.Message)}", ex);
                }
            }

            return _source;
        }
    }

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<ColumnInfo> Columns { get; }

    /// <summary>The number of rows (at least 1); counted on first use (one pass over the file).</summary>
    public long RowCount
    {
        get
        {
            if (_rowCount < 0)
            {
                Query(_connection, Path, $"SELECT count(*) FROM {Source}", r => _rowCount = r.GetInt64(0));
            }

            return _rowCount;
        }
    }

    /// <summary>Opens a file: checks that it exists and has at least one data row, and reads its schema.</summary>
    /// <param name="path">A .csv/.tsv/.txt (optionally .gz), .parquet, or .json/.jsonl/.ndjson file.</param>
    /// <returns>The open file.</returns>
    public static DataFile Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string source = SourceFor(path);
        char? delimiter = DelimiterFor(path);
        if (delimiter is char d)
        {
            CheckCsv(path, d);
            source = CsvSource(path, d, null);
        }

        var connection = new DuckDBConnection("DataSource=:memory:");
        try
        {
            connection.Open();
            var columns = new List<ColumnInfo>();
            Query(connection, path, $"DESCRIBE SELECT * FROM {source}", r =>
            {
                string name = r.GetString(0), type = r.GetString(1);
                columns.Add(new ColumnInfo(name, type, KindOf(type)));
            });
            if (delimiter is char d2)
            {
                // The types are sniffed once; every later query reads with them fixed, so that a query on two columns
                // of a 10,000-column file does not sniff the whole file again (it cost 8-16 s a query).
                source = CsvSource(path, d2, columns);
            }

            long rows = 0;
            Query(connection, path, $"SELECT count(*) FROM (SELECT 1 FROM {source} LIMIT 1)", r => rows = r.GetInt64(0));
            if (rows == 0)
            {
                throw new InvalidDataException($"'{path}' has no data rows (0 rows); a header alone is not data.");
            }

            return new DataFile(path, connection, source, columns) { _materialize = delimiter is not null && new FileInfo(path).Length <= MaterializeBytes };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The column with this name, or an <see cref="ArgumentException"/> that lists the columns that exist.</summary>
    /// <param name="name">The column's name (exact, then case-insensitive).</param>
    /// <param name="option">The option that named it, for the message (e.g. "--x").</param>
    /// <returns>The column.</returns>
    public ColumnInfo Column(string name, string option = "column")
    {
        var c = Columns.FirstOrDefault(c => c.Name == name)
            ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return c ?? throw new ArgumentException(
            $"`{option}` must name a column of '{System.IO.Path.GetFileName(Path)}'; got '{name}'. Columns: {string.Join(", ", Columns.Select(c => c.Name))}.", option);
    }

    /// <summary>
    /// The count table of discrete columns, computed inside DuckDB with GROUP BY; each column's codes follow its
    /// values' text in ordinal order. Rejects NULLs (with the count of missing values).
    /// </summary>
    /// <param name="columns">The columns (resolved with <see cref="Column"/>), at least one.</param>
    /// <returns>The table and each column's level labels.</returns>
    public (CountTable Table, IReadOnlyList<string>[] Levels) CountTable(IReadOnlyList<ColumnInfo> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var expressions = columns.Select(c => $"CAST({Quote(c.Name)} AS VARCHAR)").ToArray();
        return GroupBy(columns, expressions);
    }

    /// <summary>
    /// The count table with real columns cut into equal-width bins inside DuckDB (discrete columns as they are).
    /// The bin count of each real column is <paramref name="bins"/> when given, otherwise Freedman-Diaconis by the
    /// library's rule (<see cref="Binning.FreedmanDiaconisBinCount"/>; the IQR by linear interpolation, DuckDB's
    /// quantile_cont): one bin when the IQR is 0. The bins are the library's (<see cref="Binning.Codes"/>): bin i holds
    /// edge_i &lt;= x &lt; edge_(i+1), the maximum in the last bin.
    /// </summary>
    /// <param name="columns">The columns.</param>
    /// <param name="bins">A fixed bin count for every real column, or null for Freedman-Diaconis.</param>
    /// <returns>The table, the levels, and the bin count used for each column (0 for discrete columns).</returns>
    public (CountTable Table, IReadOnlyList<string>[] Levels, int[] BinCounts) BinnedCountTable(IReadOnlyList<ColumnInfo> columns, int? bins)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var expressions = new string[columns.Count];
        var binCounts = new int[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (c.Kind == ColumnKind.Discrete)
            {
                expressions[i] = $"CAST({Quote(c.Name)} AS VARCHAR)";
                continue;
            }

            CheckFinite(c);
            string q = Quote(c.Name);
            double min = 0, max = 0, q1 = 0, q3 = 0;
            long n = 0;
            Query(_connection, Path, $"SELECT min({q})::DOUBLE, max({q})::DOUBLE, quantile_cont({q}, 0.25)::DOUBLE, quantile_cont({q}, 0.75)::DOUBLE, count({q}) FROM {Source}", r =>
            {
                min = r.GetDouble(0);
                max = r.GetDouble(1);
                q1 = r.GetDouble(2);
                q3 = r.GetDouble(3);
                n = r.GetInt64(4);
            });
            // Ruled and cut in a binary scale s where nothing overflows (a column near +-1e308 has max - min = Infinity):
            // scaling by a power of two is exact, so the bins are those of the unscaled column.
            bool overflows = !double.IsFinite(max - min) || !double.IsFinite(2 * (q3 - q1));
            double scale = overflows ? 0.25 : 1;
            double lo = scale * min, hi = scale * max;
            int b = bins ?? Binning.FreedmanDiaconisBinCount(hi - lo, (scale * q3) - (scale * q1), n);
            binCounts[i] = b;
            expressions[i] = hi > lo ? EqualWidthBinSql(q, scale, lo, hi, b) : "CAST(0 AS BIGINT)";
        }

        var (table, levels) = GroupBy(columns, expressions);
        return (table, levels, binCounts);
    }

    /// <summary>
    /// The minimum, the maximum and the number of values of a real column, in one query (NULL, NaN and infinities
    /// refused): what equal-width bins shared by several files need, since the minimum and the maximum of a
    /// concatenation are the minimum and the maximum of its parts, exactly.
    /// </summary>
    /// <param name="column">A real column (resolved with <see cref="Column"/>).</param>
    /// <returns>The minimum, the maximum and the count.</returns>
    public (double Min, double Max, long Count) Range(ColumnInfo column)
    {
        ArgumentNullException.ThrowIfNull(column);
        CheckFinite(column);
        string q = Quote(column.Name);
        double min = 0, max = 0;
        long n = 0;
        Query(_connection, Path, $"SELECT min({q})::DOUBLE, max({q})::DOUBLE, count({q}) FROM {Source}", r =>
        {
            n = r.GetInt64(2);
            if (n > 0)
            {
                min = r.GetDouble(0);
                max = r.GetDouble(1);
            }
        });
        return (min, max, n);
    }

    /// <summary>
    /// The count table with each real column cut into the equal-width bins it is given (edges
    /// <see cref="Binning.EqualWidthEdges"/> of the given minimum, maximum and bin count, e.g. those of a whole table
    /// split over files, so that every file is cut by the same edges and the tables add up to the table of the whole),
    /// discrete columns as <see cref="CountTable(IReadOnlyList{ColumnInfo})"/> counts them. A binned column's codes are
    /// its bin indices (bin i holds edge_i &lt;= x &lt; edge_(i+1), the last edge in the last bin, as <see cref="Binning.Codes"/>),
    /// its level count the bin count and its levels "0", "1", ...; a value outside [min, max] is refused.
    /// </summary>
    /// <param name="columns">The columns.</param>
    /// <param name="bins">For each column, its bins (real columns) or null (discrete columns).</param>
    /// <returns>The table and each column's level labels.</returns>
    public (CountTable Table, IReadOnlyList<string>[] Levels) CountTable(IReadOnlyList<ColumnInfo> columns, IReadOnlyList<EqualWidthBins?> bins)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(bins);
        if (bins.Count != columns.Count)
        {
            throw new ArgumentException($"`bins` must have one entry per column ({columns.Count}); got {bins.Count}.", nameof(bins));
        }

        var expressions = new string[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (bins[i] is not { } b)
            {
                expressions[i] = $"CAST({Quote(c.Name)} AS VARCHAR)";
                continue;
            }

            if (c.Kind != ColumnKind.Real)
            {
                throw new ArgumentException($"`bins` must be null for the discrete column '{c.Name}'; got {b}.", nameof(bins));
            }

            var (min, max, _) = Range(c);
            if (min < b.Min || max > b.Max)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"column '{c.Name}' of '{System.IO.Path.GetFileName(Path)}' has values in [{min:R}, {max:R}], outside the bins' range [{b.Min:R}, {b.Max:R}]."));
            }

            bool overflows = !double.IsFinite(b.Max - b.Min);
            double scale = overflows ? 0.25 : 1;
            double lo = scale * b.Min, hi = scale * b.Max;
            expressions[i] = hi > lo ? EqualWidthBinSql(Quote(c.Name), scale, lo, hi, b.Count) : "CAST(0 AS BIGINT)";
        }

        var (table, levels) = GroupBy(columns, expressions);
        var codes = new int[columns.Count][];
        var levelCounts = new int[columns.Count];
        var labels = new IReadOnlyList<string>[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            var source = table.Codes(i);
            if (bins[i] is { } b)
            {
                int[] index = [.. levels[i].Select(l => int.Parse(l, CultureInfo.InvariantCulture))];
                codes[i] = new int[source.Length];
                for (int cell = 0; cell < source.Length; cell++)
                {
                    codes[i][cell] = index[source[cell]];
                }

                levelCounts[i] = b.Count;
                labels[i] = [.. Enumerable.Range(0, b.Count).Select(k => k.ToString(CultureInfo.InvariantCulture))];
            }
            else
            {
                codes[i] = source.ToArray();
                levelCounts[i] = table.LevelCounts[i];
                labels[i] = levels[i];
            }
        }

        return (Estimators.Discrete.CountTable.FromCells(codes, table.Counts, levelCounts), labels);
    }

    /// <summary>Freedman-Diaconis bin count, the library's rule (<see cref="Binning.FreedmanDiaconisBinCount"/>): ceil(range / (2 IQR n^(-1/3))), at least 1; one bin when the IQR is 0.</summary>
    /// <param name="min">The minimum.</param>
    /// <param name="max">The maximum.</param>
    /// <param name="iqr">The interquartile range.</param>
    /// <param name="n">The number of values.</param>
    /// <returns>The bin count.</returns>
    public static int FreedmanDiaconis(double min, double max, double iqr, long n) => Binning.FreedmanDiaconisBinCount(max - min, iqr, n);

    /// <summary>
    /// The SQL of <see cref="Binning.Codes"/> for equal-width bins: bin i holds edge_i &lt;= x &lt; edge_(i+1), edge_i =
    /// i step + min as <see cref="Binning.EqualWidthEdges"/> computes it (the same double operations, so the same
    /// doubles), the maximum in the last bin. A first guess floor((x - min) / step) is corrected by one comparison
    /// with each neighbouring edge, which is all the rounding of the division can move it. Values are scaled by
    /// <paramref name="scale"/> (a power of two) first.
    /// </summary>
    private static string EqualWidthBinSql(string column, double scale, double lo, double hi, int bins)
    {
        double step = Binning.EqualWidthStep(lo, hi, bins);
        string D(double v) => "'" + v.ToString("R", CultureInfo.InvariantCulture) + "'::DOUBLE";
        string x = $"({column}::DOUBLE * {D(scale)})";
        string guess = $"least(greatest(CAST(floor(({x} - {D(lo)}) / {D(step)}) AS BIGINT), 0), {bins - 1})";
        string Edge(string k) => $"(CAST({k} AS DOUBLE) * {D(step)} + {D(lo)})";
        return $"({guess} - CAST({x} < {Edge(guess)} AS BIGINT) + CAST({guess} < {bins - 1} AND {x} >= {Edge(guess + " + 1")} AS BIGINT))";
    }

    /// <summary>
    /// Loads a real column as an array (for estimators that need every value). Refuses NULL, NaN and infinities, and
    /// columns whose array would take more than a quarter of the memory available to the process
    /// (8 bytes a row: 10^8 rows = 800 MB).
    /// </summary>
    /// <param name="column">The column.</param>
    /// <returns>The values, in file order.</returns>
    public double[] ReadReal(ColumnInfo column)
    {
        ArgumentNullException.ThrowIfNull(column);
        CheckFinite(column);
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / sizeof(double);
        if (RowCount > Math.Min(limit, Array.MaxLength))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"'{column.Name}' has {RowCount} rows; loading it needs {RowCount * 8 / 1e9:0.0} GB, more than a quarter of the memory available. Use a discrete or binned estimator (computed inside DuckDB)."));
        }

        var values = new double[RowCount];
        int i = 0;
        Query(_connection, Path, $"SELECT {Quote(column.Name)}::DOUBLE FROM {Source}", r => values[i++] = r.GetDouble(0));
        return values;
    }

    /// <summary>
    /// Reads columns for the estimator catalogue in one pass over the file (one query): numeric columns (integers,
    /// reals, decimals) as numbers, whose kind the library decides from the values (<see cref="ColumnKinds"/>); text,
    /// booleans and dates as categorical labels. Rejects missing values (with their count); NaN and infinities are
    /// rejected by the library, naming the column and row. Refuses tables that would take more than a quarter of the
    /// memory available (8 bytes a cell).
    /// </summary>
    /// <param name="columns">The columns (resolved with <see cref="Column"/>).</param>
    /// <param name="overrides">Kinds forced by the caller (e.g. <c>--discrete</c>, <c>--continuous</c>), by column name; null for none.</param>
    /// <returns>The columns, in the order asked.</returns>
    public SampleColumn[] ReadColumns(IReadOnlyList<ColumnInfo> columns, IReadOnlyDictionary<string, VariableKind>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            return [];
        }

        // One pass: no count(*) first; the buffers grow, and the memory limit is checked as they do.
        long limit = Math.Min(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / sizeof(double) / columns.Count, Array.MaxLength);
        bool[] numeric = [.. columns.Select(c => IsNumeric(c.SqlType))];
        for (int j = 0; j < columns.Count; j++)
        {
            if (!numeric[j] && overrides is not null && overrides.TryGetValue(columns[j].Name, out var kind) && kind != VariableKind.Categorical)
            {
                throw new ArgumentException($"`--continuous` must name numeric columns; got '{columns[j].Name}' ({columns[j].SqlType}), which is categorical.", "--continuous");
            }
        }

        int capacity = 1024;
        var numbers = new double[columns.Count][];
        var labels = new string[columns.Count][];
        for (int j = 0; j < columns.Count; j++)
        {
            if (numeric[j])
            {
                numbers[j] = new double[capacity];
            }
            else
            {
                labels[j] = new string[capacity];
            }
        }

        var missing = new long[columns.Count];
        var select = string.Join(", ", columns.Select((c, j) => numeric[j] ? $"{Quote(c.Name)}::DOUBLE" : $"{Quote(c.Name)}::VARCHAR"));
        int row = 0;
        Query(_connection, Path, $"SELECT {select} FROM {_source}", r =>
        {
            if (row == capacity)
            {
                if (capacity >= limit)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"'{System.IO.Path.GetFileName(Path)}' has more than {row} rows; loading {columns.Count} columns would take more than a quarter of the memory available. Use fewer columns or a sample of the file."));
                }

                capacity = (int)Math.Min((long)capacity * 2, limit);
                for (int j = 0; j < columns.Count; j++)
                {
                    if (numeric[j])
                    {
                        Array.Resize(ref numbers[j], capacity);
                    }
                    else
                    {
                        Array.Resize(ref labels[j], capacity);
                    }
                }
            }

            for (int j = 0; j < numbers.Length; j++)
            {
                if (r.IsDBNull(j))
                {
                    missing[j]++;
                }
                else if (numeric[j])
                {
                    numbers[j][row] = r.GetDouble(j);
                }
                else
                {
                    labels[j][row] = r.GetString(j);
                }
            }

            row++;
        });
        int n = row;
        var result = new SampleColumn[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var c = columns[j];
            if (missing[j] > 0)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"column '{c.Name}' of '{System.IO.Path.GetFileName(Path)}' has {missing[j]} missing values (empty or NULL); remove or fill them first."));
            }

            VariableKind? kind = overrides is not null && overrides.TryGetValue(c.Name, out var k) ? k : null;
            result[j] = numeric[j]
                ? SampleColumn.FromNumbers(c.Name, numbers[j].AsSpan(0, n), kind)
                : SampleColumn.FromLabels(c.Name, new ArraySegment<string>(labels[j], 0, n), c.SqlType.StartsWith("BOOL", StringComparison.OrdinalIgnoreCase) ? "boolean values" : $"text values ({c.SqlType})");
        }

        return result;
    }

    /// <summary>Whether a DuckDB type is read as numbers (integers, reals, decimals) rather than labels.</summary>
    /// <param name="sqlType">DuckDB's type name.</param>
    /// <returns>True for numeric types.</returns>
    public static bool IsNumeric(string sqlType)
    {
        ArgumentNullException.ThrowIfNull(sqlType);
        string t = sqlType.ToUpperInvariant();
        return t is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT"
            or "DOUBLE" or "FLOAT" or "REAL" || t.StartsWith("DECIMAL", StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads a discrete column as dense integer codes 0..L-1 (levels numbered in order of first appearance), in file order.
    /// NULLs are rejected.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <returns>The codes, in file order.</returns>
    public int[] ReadCodes(ColumnInfo column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (RowCount > Array.MaxLength)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"'{column.Name}' has {RowCount} rows, too many to load as codes."));
        }

        var codes = new int[RowCount];
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        int i = 0;
        Query(_connection, Path, $"SELECT {Quote(column.Name)}::VARCHAR FROM {Source}", r =>
        {
            if (r.IsDBNull(0))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"column '{column.Name}' has a missing value at row {i + 1}; remove or fill it."));
            }

            string v = r.GetString(0);
            if (!levels.TryGetValue(v, out int code))
            {
                CheckLabel(column, v);
                code = levels.Count;
                levels[v] = code;
            }

            codes[i++] = code;
        });
        return codes;
    }

    /// <summary>
    /// Reads a counts file: a CSV (or Parquet/JSON) whose column <c>count</c> holds non-negative integers, one bin per row.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The counts.</returns>
    public static long[] ReadCounts(string path)
    {
        using var file = Open(path);
        var column = file.Columns.FirstOrDefault(c => string.Equals(c.Name, "count", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException($"'{path}' must have a column named `count`; got columns: {string.Join(", ", file.Columns.Select(c => c.Name))}.");
        var counts = new List<long>();
        long row = 0;
        Query(file._connection, path, $"SELECT CAST({Quote(column.Name)} AS VARCHAR) FROM {file.Source}", r =>
        {
            row++;
            string? text = r.IsDBNull(0) ? null : r.GetString(0);
            if (text is null)
            {
                throw new InvalidDataException($"`count` must be a non-negative integer in every row; got an empty value in data row {row} of '{path}'.");
            }

            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v))
            {
                // Accept 3.0 but not 3.5, NaN or infinity.
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d)
                    || d != Math.Floor(d) || Math.Abs(d) > 9e15)
                {
                    throw new InvalidDataException($"`count` must be a non-negative integer in every row; got '{text}' in data row {row} of '{path}'.");
                }

                v = (long)d;
            }

            if (v < 0)
            {
                throw new InvalidDataException($"`count` must be a non-negative integer in every row; got {text} in data row {row} of '{path}'.");
            }

            counts.Add(v);
        });
        if (counts.All(c => c == 0))
        {
            throw new InvalidDataException($"`count` must have a positive total; every count in '{path}' is 0.");
        }

        return [.. counts];
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private (CountTable Table, IReadOnlyList<string>[] Levels) GroupBy(IReadOnlyList<ColumnInfo> columns, string[] expressions)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("`columns` must be non-empty; got no columns.", nameof(columns));
        }

        // One pass: NULLs come back as their own groups and are counted here instead of in a separate query.
        var missing = new long[columns.Count];
        var select = string.Join(", ", expressions.Select((e, i) => $"{e} AS v{i}"));
        var groups = string.Join(", ", expressions.Select((_, i) => $"v{i}"));
        var values = columns.Select(_ => new List<string>()).ToArray();
        var counts = new List<long>();
        Query(_connection, Path, $"SELECT {select}, count(*) AS n FROM {Source} GROUP BY {groups} ORDER BY {groups}", r =>
        {
            long n = r.GetInt64(columns.Count);
            bool hasNull = false;
            for (int i = 0; i < columns.Count; i++)
            {
                if (r.IsDBNull(i))
                {
                    missing[i] += n;
                    hasNull = true;
                }
            }

            if (hasNull)
            {
                return;
            }

            for (int i = 0; i < columns.Count; i++)
            {
                string v = r.GetValue(i)?.ToString() ?? "";
                CheckLabel(columns[i], v);
                values[i].Add(v);
            }

            counts.Add(n);
        });
        for (int i = 0; i < columns.Count; i++)
        {
            if (missing[i] > 0)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"column '{columns[i].Name}' of '{System.IO.Path.GetFileName(Path)}' has {missing[i]} missing values (empty or NULL); remove or fill them first."));
            }
        }

        var codes = new int[columns.Count][];
        var levels = new IReadOnlyList<string>[columns.Count];
        var levelCounts = new int[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            var distinct = values[i].Distinct().ToList();
            if (expressions[i].StartsWith("CAST(least", StringComparison.Ordinal) || expressions[i] == "CAST(0 AS BIGINT)")
            {
                distinct.Sort((a, b) => long.Parse(a, CultureInfo.InvariantCulture).CompareTo(long.Parse(b, CultureInfo.InvariantCulture)));
            }
            else
            {
                distinct.Sort(StringComparer.Ordinal);
            }

            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in distinct)
            {
                index[d] = index.Count;
            }

            codes[i] = [.. values[i].Select(v => index[v])];
            levels[i] = distinct;
            levelCounts[i] = distinct.Count;
        }

        return (Estimators.Discrete.CountTable.FromCells(codes, [.. counts], levelCounts), levels);
    }

    /// <summary>A label with a NUL character is refused: "x\0" would be a symbol of its own that prints as "x".</summary>
    private void CheckLabel(ColumnInfo column, string value)
    {
        int at = value.IndexOf('\0', StringComparison.Ordinal);
        if (at >= 0)
        {
            throw new InvalidDataException($"column '{column.Name}' of '{System.IO.Path.GetFileName(Path)}' holds a label with a NUL character ('{value.Replace("\0", "\\0", StringComparison.Ordinal)}'); remove it.");
        }
    }

    private void CheckFinite(ColumnInfo c)
    {
        string q = Quote(c.Name);
        long missing = 0, bad = 0;
        Query(_connection, Path, $"SELECT count(*) - count({q}), count(*) FILTER (WHERE isnan({q}::DOUBLE) OR isinf({q}::DOUBLE)) FROM {Source}", r =>
        {
            missing = r.GetInt64(0);
            bad = r.GetInt64(1);
        });
        if (missing > 0 || bad > 0)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"column '{c.Name}' of '{System.IO.Path.GetFileName(Path)}' must be finite in every row; got {missing} missing and {bad} NaN or infinite values."));
        }
    }

    private static ColumnKind KindOf(string type)
    {
        string t = type.ToUpperInvariant();
        return t.StartsWith("DOUBLE", StringComparison.Ordinal) || t.StartsWith("FLOAT", StringComparison.Ordinal)
            || t.StartsWith("REAL", StringComparison.Ordinal) || t.StartsWith("DECIMAL", StringComparison.Ordinal)
            ? ColumnKind.Real
            : ColumnKind.Discrete;
    }

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The field separator of a delimited text file (null for Parquet and JSON): ',' for .csv, tab for .tsv, and for .txt the most frequent of ',', tab, ';' and '|' on the first line.</summary>
    private static char? DelimiterFor(string path)
    {
        string name = path.ToLowerInvariant();
        bool gz = name.EndsWith(".gz", StringComparison.Ordinal);
        if (gz)
        {
            name = name[..^3];
        }

        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            return ',';
        }

        if (name.EndsWith(".tsv", StringComparison.Ordinal))
        {
            return '\t';
        }

        if (!name.EndsWith(".txt", StringComparison.Ordinal))
        {
            return null;
        }

        using var stream = OpenText(path, gz);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[1 << 16];
        int n = reader.ReadBlock(buffer, 0, buffer.Length);
        var first = new string(buffer, 0, n).Split('\n')[0];
        char best = ',';
        int bestCount = 0;
        foreach (char c in ",\t;|")
        {
            int count = first.Count(x => x == c);
            if (count > bestCount)
            {
                (best, bestCount) = (c, count);
            }
        }

        return best;
    }

    private static Stream OpenText(string path, bool gz)
    {
        Stream stream = File.OpenRead(path);
        return gz ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : stream;
    }

    /// <summary>
    /// The input rules, checked in one pass before DuckDB reads the file, so that every surface agrees on what a CSV
    /// is (the explorer and `calibration` parse with <see cref="CsvRecords"/>): quotes closed and in place, no NUL
    /// byte, every column named once (without regard to case), and every row as long as the header.
    /// </summary>
    private static void CheckCsv(string path, char delimiter)
    {
        try
        {
            using var stream = OpenText(path, path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
            CsvRecords.Check(stream, delimiter);
        }
        catch (CsvFormatException ex)
        {
            throw new InvalidDataException($"'{path}' is not valid CSV: {ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            // A corrupt .gz file.
            throw new InvalidDataException($"'{path}' cannot be read: {FirstLine(ex.Message)}", ex);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"'{path}' cannot be read: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>read_csv with the quoting of RFC 4180 fixed, and, once known, the column types fixed (no sniffing).</summary>
    private static string CsvSource(string path, char delimiter, IReadOnlyList<ColumnInfo>? columns)
    {
        string options = $"header = true, delim = {Literal(delimiter.ToString())}, quote = '\"', escape = '\"', strict_mode = true";
        if (columns is null)
        {
            return $"read_csv({Literal(path)}, {options})";
        }

        string types = string.Join(", ", columns.Select(c => $"{Literal(c.Name)}: {Literal(c.SqlType)}"));
        return $"read_csv({Literal(path)}, {options}, auto_detect = false, columns = {{{types}}})";
    }

    private static string SourceFor(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"'{path}' is a directory, not a data file.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length == 0)
            {
                throw new InvalidDataException($"'{path}' is empty (0 bytes).");
            }
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"'{path}' cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidDataException($"'{path}' cannot be read: permission denied.");
        }

        string name = path.ToLowerInvariant();
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            name = name[..^3];
        }

        string p = Literal(path);
        if (name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".tsv", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal))
        {
            return $"read_csv({p}, header = true)";
        }

        if (name.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return $"read_parquet({p})";
        }

        if (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal))
        {
            return $"read_json_auto({p})";
        }

        throw new InvalidDataException($"'{path}' has an unknown file type; use .csv, .tsv, .parquet, .json or .jsonl.");
    }

    private static void Query(DuckDBConnection connection, string path, string sql, Action<DbDataReader> row)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                row(reader);
            }
        }
        catch (DuckDBException ex)
        {
            throw new InvalidDataException($"'{path}' cannot be read: {FirstLine(ex.Message)}", ex);
        }
    }

    private static string FirstLine(string message)
    {
        var sb = new StringBuilder();
        foreach (char ch in message)
        {
            if (ch is '\n' or '\r')
            {
                break;
            }

            sb.Append(ch);
        }

        return sb.ToString().Trim();
    }
}
