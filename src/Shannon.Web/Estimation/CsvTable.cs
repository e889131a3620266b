using System.Globalization;
using System.Text;

namespace Shannon.Web.Estimation;

/// <summary>
/// A small, strict CSV reader for the "Your data" panel (RFC 4180: comma separator, double-quoted fields with ""
/// escapes, LF or CRLF line ends). A header row is required, every row has the header's field count, no cell is
/// empty. Anything else is a <see cref="FormatException"/> that names the line.
/// </summary>
internal sealed class CsvTable
{
    public const int MaxColumns = 32;

    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public string[] Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public int ColumnIndex(string name, string parameter)
    {
        int i = Array.IndexOf(Header, name);
        return i >= 0 ? i : throw new FormatException($"`{parameter}` must name a column of the CSV ({string.Join(", ", Header)}); got '{name}'.");
    }

    public static CsvTable Parse(string text)
    {
        var records = new List<(int Line, List<string> Fields)>();
        var field = new StringBuilder();
        var fields = new List<string>();
        int line = 1, recordLine = 1;
        bool quoted = false, wasQuoted = false;
        for (int i = 0; i < text.Length; i++)
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
                case '"' when field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                case '"':
                    throw new FormatException($"line {line}: a quote inside an unquoted field; quote the whole field and double the inner quotes.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    wasQuoted = false;
                    records.Add((recordLine, fields));
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted)
                    {
                        throw new FormatException($"line {line}: text after a closing quote.");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"line {recordLine}: a quoted field is never closed.");
        }

        if (field.Length > 0 || fields.Count > 0 || wasQuoted)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        records.RemoveAll(r => r.Fields.Count == 1 && r.Fields[0].Length == 0);
        if (records.Count == 0)
        {
            throw new FormatException("the CSV is empty; it needs a header row naming the columns and at least two data rows.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        if (header.Length > MaxColumns)
        {
            throw new FormatException($"the CSV has {header.Length} columns; the explorer takes at most {MaxColumns}.");
        }

        for (int j = 0; j < header.Length; j++)
        {
            if (header[j].Length == 0)
            {
                throw new FormatException($"line 1: column {j + 1} has no name; the first row must name every column.");
            }

            if (Array.IndexOf(header, header[j]) != j)
            {
                throw new FormatException($"line 1: the column name '{header[j]}' appears twice.");
            }
        }

        var rows = new List<string[]>(records.Count - 1);
        foreach (var (recLine, recFields) in records.Skip(1))
        {
            if (recFields.Count != header.Length)
            {
                throw new FormatException($"line {recLine} has {recFields.Count} fields; the header has {header.Length}.");
            }

            for (int j = 0; j < recFields.Count; j++)
            {
                if (recFields[j].Trim().Length == 0)
                {
                    throw new FormatException($"line {recLine}: the value of column '{header[j]}' is empty; the explorer needs complete rows.");
                }
            }

            rows.Add(recFields.Select(f => f.Trim()).ToArray());
        }

        if (rows.Count < 2)
        {
            throw new FormatException($"the CSV has {rows.Count} data row(s); it needs at least two.");
        }

        return new CsvTable(header, rows);
    }

    /// <summary>The column as numbers, or null when some value is not a finite number.</summary>
    public double[]? Numeric(int column)
    {
        var values = new double[Rows.Count];
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.TryParse(Rows[i][column], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return null;
            }
        }

        return values;
    }
}
