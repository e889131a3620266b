using System.Globalization;
using System.Text;

namespace Shannon.Data;

/// <summary>
/// A small CSV table held in memory, for a file or for uploaded text: the records of <see cref="CsvRecords"/> (RFC 4180),
/// a header row by <see cref="CsvRecords.CheckHeader"/> (every column named, no name twice), and every data row as
/// wide as the header. It is the one reader of whole small tables outside DuckDB: `calibration`, `ib --joint` and the
/// explorer's "Your data" panel; each surface decides what a cell must hold and says it in its own words.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    private CsvTable(string source, string[] header, List<string[]> rows, List<int> lines)
    {
        Source = source;
        Header = header;
        Rows = rows;
        Lines = lines;
        for (int i = 0; i < header.Length; i++)
        {
            _index.TryAdd(header[i], i);
        }
    }

    /// <summary>Where the table came from, for messages: a path, or a label such as "the uploaded CSV".</summary>
    public string Source { get; }

    /// <summary>The column names, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows, each with <see cref="Header"/>.Count fields (unquoted fields trimmed).</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>The 1-based line on which each data row starts.</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <summary>Parses a CSV text that starts with a header row.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">Where it came from, for messages (a path, or "the uploaded CSV").</param>
    /// <returns>The table (it may have no data rows; each caller says how many it needs).</returns>
    /// <exception cref="CsvFormatException">No header row, a quote out of place or never closed, a NUL character, a blank
    /// or repeated column name, or a row of another width than the header; the line is in the exception.</exception>
    public static CsvTable Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var records = CsvRecords.Parse(text);
        if (records.Count == 0)
        {
            throw new CsvFormatException(CsvProblem.NoHeader, 1);
        }

        string[] header = [.. records[0].Fields.Select(h => h.Trim())];
        CsvRecords.CheckHeader(header, records[0].Line);
        var rows = new List<string[]>(records.Count - 1);
        var lines = new List<int>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != header.Length)
            {
                throw new CsvFormatException(CsvProblem.FieldCount, line, $"a row of {fields.Length} fields; the header has {header.Length}.")
                {
                    Fields = (fields.Length, header.Length),
                };
            }

            rows.Add(fields);
            lines.Add(line);
        }

        return new CsvTable(source, header, rows, lines);
    }

    /// <summary>Reads and parses a CSV file (UTF-8).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read (a folder, a link loop, no permission).</exception>
    /// <exception cref="CsvFormatException">As <see cref="Parse"/>.</exception>
    public static CsvTable Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IOException(e.Message, e);
        }

        return Parse(text, path);
    }

    /// <summary>The index of the column with exactly this name, or -1.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The 0-based index, or -1.</returns>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;

    /// <summary>The number in a cell (invariant culture, as written by any tool), or false when it holds none.</summary>
    /// <param name="row">The 0-based data row.</param>
    /// <param name="column">The 0-based column.</param>
    /// <param name="value">The number (it may be an infinity or NaN when written so: the caller decides).</param>
    /// <returns>Whether the cell holds a number.</returns>
    public bool TryNumber(int row, int column, out double value) => TryNumber(Rows[row][column], out value);

    /// <summary>A field as a number, by the table's rule (invariant culture, as written by any tool), or false.</summary>
    /// <param name="field">The field's text (a cell, or a header name).</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the field is a number.</returns>
    public static bool TryNumber(string field, out double value) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The whole column as finite numbers, or null when some cell is not a finite number.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The numbers, or null.</returns>
    public double[]? FiniteNumbers(int column)
    {
        var values = new double[Rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!TryNumber(i, column, out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        return values;
    }
}
