using System.Globalization;
using System.Text;
using Shannon.Data;

namespace Shannon.Cli.Commands;

/// <summary>
/// The CSV reader of `shannon calibration`: the records come from <see cref="CsvRecords"/> (RFC 4180, shared with the
/// explorer); here a header row and at least one data row of the header's width are required. Every error names the
/// file's line.
/// </summary>
internal sealed class CalibrationCsv
{
    private readonly Dictionary<string, int> _index;

    private CalibrationCsv(string path, string[] header, List<string[]> rows, List<int> lines)
    {
        Path = path;
        Header = header;
        Rows = rows;
        Lines = lines;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            _index.TryAdd(header[i], i);
        }
    }

    /// <summary>The file's path, as given.</summary>
    public string Path { get; }

    /// <summary>The column names.</summary>
    public string[] Header { get; }

    /// <summary>The data rows (each with Header.Length fields).</summary>
    public List<string[]> Rows { get; }

    /// <summary>The 1-based line number where each data row starts.</summary>
    public List<int> Lines { get; }

    /// <summary>Reads and checks the shape of a CSV file.</summary>
    public static CalibrationCsv Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"`FILE` must be an existing CSV file; got '{path}', which does not exist.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"`FILE` must be a readable CSV file; got '{path}': {ex.Message}");
        }

        var records = Parse(text, path);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"`FILE` must have a header row and at least one data row; got an empty file '{path}'.");
        }

        var header = records[0].Fields;
        try
        {
            CsvRecords.CheckHeader(header, records[0].Line);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"`FILE` must be valid CSV; got {e.Message} of '{path}'.", e);
        }

        if (records.Count == 1)
        {
            throw new InvalidDataException($"`FILE` must have at least one data row after the header; got only the header of '{path}'.");
        }

        var rows = new List<string[]>(records.Count - 1);
        var lines = new List<int>(records.Count - 1);
        for (int r = 1; r < records.Count; r++)
        {
            var (line, fields) = (records[r].Line, records[r].Fields);
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"`FILE` rows must have as many fields as the header ({header.Length}); got {fields.Length} on line {line} of '{path}'.");
            }

            rows.Add(fields);
            lines.Add(line);
        }

        return new CalibrationCsv(path, header, rows, lines);
    }

    /// <summary>The index of a named column, or a usage error naming the option and the columns the file has.</summary>
    public int Column(string name, string option)
    {
        if (_index.TryGetValue(name, out int i))
        {
            return i;
        }

        throw new UsageException($"`{option}` must name a column of '{Path}'; got '{name}' (columns: {string.Join(", ", Header)}).");
    }

    /// <summary>The number in a cell, or an error naming the column and the line.</summary>
    public double Number(int row, int column)
    {
        string s = Rows[row][column];
        if (s.Length == 0)
        {
            throw new FormatException($"Column '{Header[column]}' must hold a number on every row; got an empty field on line {Lines[row]} of '{Path}'.");
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            throw new FormatException($"Column '{Header[column]}' must hold numbers; got '{s}' on line {Lines[row]} of '{Path}'.");
        }

        return v;
    }

    private static List<CsvRecord> Parse(string text, string path)
    {
        try
        {
            return CsvRecords.Parse(text);
        }
        catch (CsvFormatException e)
        {
            string problem = e.Problem switch
            {
                CsvProblem.QuoteInUnquotedField => $"a quote inside an unquoted field on line {e.Line}",
                CsvProblem.TextAfterClosingQuote => $"text after a closing quote on line {e.Line}",
                CsvProblem.UnclosedQuote => $"a quoted field opened on line {e.Line} that never closes",
                _ => e.Message,
            };
            throw new InvalidDataException($"`FILE` must be valid CSV; got {problem} of '{path}'.", e);
        }
    }
}
