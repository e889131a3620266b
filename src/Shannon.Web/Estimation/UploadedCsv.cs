using Shannon.Data;

namespace Shannon.Web.Estimation;

/// <summary>
/// The "Your data" panel's rules for an uploaded CSV, on top of Shannon.Data's one table type (<see cref="CsvTable"/>,
/// RFC 4180 and the shared header rules): at most <see cref="MaxColumns"/> columns, at least two data rows, and no
/// empty cell. Anything else is a <see cref="FormatException"/> that names the line.
/// </summary>
internal static class UploadedCsv
{
    public const int MaxColumns = 32;

    public static CsvTable Parse(string text)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Parse(text, "the uploaded CSV");
        }
        catch (CsvFormatException e) when (e.Fields is var (row, header))
        {
            throw new FormatException($"line {e.Line} has {row} fields; the header has {header}.", e);
        }
        catch (CsvFormatException e) when (e.Problem == CsvProblem.NoHeader)
        {
            throw new FormatException("the CSV is empty; it needs a header row naming the columns and at least two data rows.", e);
        }

        if (table.Header.Count > MaxColumns)
        {
            throw new FormatException($"the CSV has {table.Header.Count} columns; the explorer takes at most {MaxColumns}.");
        }

        for (int r = 0; r < table.Rows.Count; r++)
        {
            for (int j = 0; j < table.Header.Count; j++)
            {
                if (table.Rows[r][j].Trim().Length == 0)
                {
                    throw new FormatException($"line {table.Lines[r]}: the value of column '{table.Header[j]}' is empty; the explorer needs complete rows.");
                }
            }
        }

        if (table.Rows.Count < 2)
        {
            throw new FormatException($"the CSV has {table.Rows.Count} data row(s); it needs at least two.");
        }

        return table;
    }

    public static int ColumnIndex(CsvTable table, string name, string parameter)
    {
        int i = table.IndexOf(name);
        return i >= 0 ? i : throw new FormatException($"`{parameter}` must name a column of the CSV ({string.Join(", ", table.Header)}); got '{name}'.");
    }
}
