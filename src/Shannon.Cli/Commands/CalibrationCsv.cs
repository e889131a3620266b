using Shannon.Data;

namespace Shannon.Cli.Commands;

/// <summary>
/// The CSV file of `shannon calibration`: Shannon.Data's one table type (<see cref="CsvTable"/>, RFC 4180 and the shared
/// header rules), with this command's needs (at least one data row) and its errors in the user's words: every one names
/// `FILE` and, where there is one, the file's line.
/// </summary>
internal sealed class CalibrationCsv
{
    private readonly CsvTable _table;

    private CalibrationCsv(CsvTable table) => _table = table;

    /// <summary>The file's path, as given.</summary>
    public string Path => _table.Source;

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Header => _table.Header;

    /// <summary>The data rows (each with Header.Count fields).</summary>
    public IReadOnlyList<string[]> Rows => _table.Rows;

    /// <summary>The 1-based line number where each data row starts.</summary>
    public IReadOnlyList<int> Lines => _table.Lines;

    /// <summary>Reads and checks the shape of a CSV file.</summary>
    public static CalibrationCsv Read(string path)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Read(path);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"`FILE` must be an existing CSV file; got '{path}', which does not exist.");
        }
        catch (IOException ex)
        {
            throw new InvalidDataException($"`FILE` must be a readable CSV file; got '{path}': {ex.Message}");
        }
        catch (CsvFormatException e) when (e.Problem == CsvProblem.NoHeader)
        {
            throw new InvalidDataException($"`FILE` must have a header row and at least one data row; got an empty file '{path}'.", e);
        }
        catch (CsvFormatException e) when (e.Fields is var (row, header))
        {
            throw new InvalidDataException($"`FILE` rows must have as many fields as the header ({header}); got {row} on line {e.Line} of '{path}'.", e);
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

        if (table.Rows.Count == 0)
        {
            throw new InvalidDataException($"`FILE` must have at least one data row after the header; got only the header of '{path}'.");
        }

        return new CalibrationCsv(table);
    }

    /// <summary>The index of a named column, or a usage error naming the option and the columns the file has.</summary>
    public int Column(string name, string option)
    {
        int i = _table.IndexOf(name);
        return i >= 0 ? i : throw new UsageException($"`{option}` must name a column of '{Path}'; got '{name}' (columns: {string.Join(", ", Header)}).");
    }

    /// <summary>The number in a cell, or an error naming the column and the line.</summary>
    public double Number(int row, int column)
    {
        string s = Rows[row][column];
        if (s.Length == 0)
        {
            throw new FormatException($"Column '{Header[column]}' must hold a number on every row; got an empty field on line {Lines[row]} of '{Path}'.");
        }

        if (!_table.TryNumber(row, column, out double v))
        {
            throw new FormatException($"Column '{Header[column]}' must hold numbers; got '{s}' on line {Lines[row]} of '{Path}'.");
        }

        return v;
    }
}
