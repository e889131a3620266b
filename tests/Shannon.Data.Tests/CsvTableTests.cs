namespace Shannon.Data.Tests;

/// <summary>The one small-table type: RFC 4180 records, a checked header, rows as wide as the header, lines kept.</summary>
public sealed class CsvTableTests
{
    [Fact]
    public void QuotedFieldsHeaderAndLinesAreRead()
    {
        // RFC 4180 section 2: a quoted field holds commas, line breaks and doubled quotes.
        var table = CsvTable.Parse("name,\"a, b\"\n\"x\ny\",1.5\n\n\"say \"\"hi\"\"\",2\n", "test");
        Assert.Equal(["name", "a, b"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("x\ny", table.Rows[0][0]);
        Assert.Equal("say \"hi\"", table.Rows[1][0]);
        Assert.Equal([2, 5], table.Lines); // the first row starts on line 2, the second on 5 (a blank line skipped)
        Assert.Equal(1, table.IndexOf("a, b"));
        Assert.Equal(-1, table.IndexOf("A, B"));
        Assert.Equal([1.5, 2.0], table.FiniteNumbers(1)!);
        Assert.Null(table.FiniteNumbers(0));
        Assert.Equal("test", table.Source);
    }

    [Theory]
    [InlineData("", CsvProblem.NoHeader, 1)]
    [InlineData("\n\n", CsvProblem.NoHeader, 1)]
    [InlineData("a,b\n1,2\n3\n", CsvProblem.FieldCount, 3)]
    [InlineData("a,a\n1,2\n", CsvProblem.DuplicateColumnName, 1)]
    [InlineData("a,\n1,2\n", CsvProblem.BlankColumnName, 1)]
    [InlineData("a,b\n1,\"2\n", CsvProblem.UnclosedQuote, 2)]
    public void BadTextsAreRefusedWithTheirLine(string text, CsvProblem problem, int line)
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Parse(text, "test"));
        Assert.Equal(problem, e.Problem);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void NonFiniteCellsAreNumbersButNotFinite()
    {
        var table = CsvTable.Parse("x\nInfinity\n1\n", "test");
        Assert.True(table.TryNumber(0, 0, out double v) && double.IsPositiveInfinity(v));
        Assert.Null(table.FiniteNumbers(0));
    }

    [Fact]
    public void AMissingFileIsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => CsvTable.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv")));
    }
}
