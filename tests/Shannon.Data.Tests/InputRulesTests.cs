using System.Text;

namespace Shannon.Data.Tests;

/// <summary>Issue 15: the streaming check of a file (what DuckDB reads) and the in-memory parser (the explorer) agree.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("a,b\n1,x\"y\n", CsvProblem.QuoteInUnquotedField, 2)]
    [InlineData("a,b\n1,\"x\"y\n", CsvProblem.TextAfterClosingQuote, 2)]
    [InlineData("a,b\n1,2\n\"3,4\n5,6\n", CsvProblem.UnclosedQuote, 3)]
    [InlineData("a,b\nx\0,1\n", CsvProblem.NulCharacter, 2)]
    [InlineData("a,A\n1,2\n", CsvProblem.DuplicateColumnName, 1)]
    [InlineData("a, \n1,2\n", CsvProblem.BlankColumnName, 1)]
    [InlineData("a,b\n1,2\n3\n", CsvProblem.FieldCount, 3)]
    public void StreamingCheck_RefusesWhatTheParserRefuses(string text, CsvProblem problem, int line)
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvRecords.Check(new MemoryStream(Encoding.UTF8.GetBytes(text))));
        Assert.Equal(problem, e.Problem);
        Assert.Equal(line, e.Line);
        if (problem is not (CsvProblem.DuplicateColumnName or CsvProblem.BlankColumnName or CsvProblem.FieldCount))
        {
            Assert.Equal(problem, Assert.Throws<CsvFormatException>(() => CsvRecords.Parse(text)).Problem);
        }
    }

    [Fact]
    public void StreamingCheck_AcceptsWhatTheParserAccepts()
    {
        string text = "\uFEFFname , text\r\nx,\"a, b\"\r\n\r\ny,\"two\nlines\"\r\nz,\"say \"\"hi\"\"\" \r\n";
        var (header, records) = CsvRecords.Check(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(["name", "text"], header);
        Assert.Equal(CsvRecords.Parse(text).Count - 1, records);
        Assert.Equal(3, records);
    }

    [Fact]
    public void OutputFile_MarksItsPngs()
    {
        // The smallest PNG: signature, IHDR (1 x 1, 8-bit grey), IDAT, IEND.
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");
        string path = Path.Combine(Path.GetTempPath(), "shannon-png-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            File.WriteAllBytes(path, png);
            Assert.False(OutputFile.IsShannonPng(path));
            OutputFile.WriteAtomically(path, s => s.Write(OutputFile.MarkPng(png)));
            Assert.True(OutputFile.IsShannonPng(path));
            Assert.Equal(png.Length + 12 + "Software\0Shannon".Length, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
