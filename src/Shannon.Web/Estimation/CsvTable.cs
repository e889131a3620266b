using System.Globalization;
using Shannon.Data;

namespace Shannon.Web.Estimation;

/// <summary>
/// A small, strict CSV reader for the "Your data" panel: the records come from <see cref="CsvRecords"/> (RFC 4180,
/// shared with the command). A header row is required, every row has the header's field count, no cell is
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
        var records = CsvRecords.Parse(text);
        if (records.Count == 0)
        {
            throw new FormatException("the CSV is empty; it needs a header row naming the columns and at least two data rows.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        if (header.Length > MaxColumns)
        {
            throw new FormatException($"the CSV has {header.Length} columns; the explorer takes at most {MaxColumns}.");
        }

        // The input rules of Shannon.Data, shared with the data commands: every column named, no name twice.
        CsvRecords.CheckHeader(header, records[0].Line);

        var rows = new List<string[]>(records.Count - 1);
        foreach (var (recLine, recFields) in records.Skip(1))
        {
            if (recFields.Length != header.Length)
            {
                throw new FormatException($"line {recLine} has {recFields.Length} fields; the header has {header.Length}.");
            }

            for (int j = 0; j < recFields.Length; j++)
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
