using System.Globalization;
using System.Text;

namespace Shannon.Cli.Commands;

/// <summary>
/// A small, self-contained CSV reader for `shannon calibration` (kept in one file so that it can be swapped for the
/// Shannon.Data reader later). RFC 4180: a header row, comma-separated fields, fields in double quotes may hold commas,
/// newlines and doubled quotes; whitespace around unquoted fields is trimmed; blank lines are skipped. Every error names
/// the file's line.
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

        string text = File.ReadAllText(path, Encoding.UTF8);
        var records = Parse(text, path);
        if (records.Count == 0)
        {
            throw new InvalidDataException($"`FILE` must have a header row and at least one data row; got an empty file '{path}'.");
        }

        var (headerLine, header) = records[0];
        if (records.Count == 1)
        {
            throw new InvalidDataException($"`FILE` must have at least one data row after the header; got only the header of '{path}'.");
        }

        var rows = new List<string[]>(records.Count - 1);
        var lines = new List<int>(records.Count - 1);
        for (int r = 1; r < records.Count; r++)
        {
            var (line, fields) = records[r];
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"`FILE` rows must have as many fields as the header ({header.Length}); got {fields.Length} on line {line} of '{path}'.");
            }

            rows.Add(fields);
            lines.Add(line);
        }

        _ = headerLine;
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

    private static List<(int Line, string[] Fields)> Parse(string text, string path)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, wasQuoted = false, any = false;
        int i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        void EndField()
        {
            fields.Add(wasQuoted ? field.ToString() : field.ToString().Trim());
            field.Clear();
            wasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            if (!(fields.Count == 1 && fields[0].Length == 0 && !any))
            {
                records.Add((recordLine, fields.ToArray()));
            }

            fields.Clear();
            any = false;
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    if (field.ToString().Trim().Length > 0)
                    {
                        throw new InvalidDataException($"`FILE` must be valid CSV; got a quote inside an unquoted field on line {line} of '{path}'.");
                    }

                    field.Clear();
                    quoted = true;
                    wasQuoted = true;
                    any = true;
                    break;
                case ',':
                    EndField();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    if (!char.IsWhiteSpace(c))
                    {
                        any = true;
                    }

                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"`FILE` must be valid CSV; got a quoted field opened on or before line {line} that never closes in '{path}'.");
        }

        EndRecord();
        return records;
    }
}
