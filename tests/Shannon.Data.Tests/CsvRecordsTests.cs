namespace Shannon.Data.Tests;

public class CsvRecordsTests
{
    [Fact]
    public void QuotedFieldsHoldCommasLineBreaksAndDoubledQuotes()
    {
        // RFC 4180 sec. 2, rules 5-7.
        var records = CsvRecords.Parse("name,text\r\nx,\"a, b\"\r\ny,\"two\nlines\"\r\nz,\"say \"\"hi\"\"\"\r\n");
        Assert.Equal(4, records.Count);
        Assert.Equal(["x", "a, b"], records[1].Fields);
        Assert.Equal(["y", "two\nlines"], records[2].Fields);
        Assert.Equal(["z", "say \"hi\""], records[3].Fields);
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void WhiteSpaceAroundFieldsBlankLinesAndTheByteOrderMarkAreDropped()
    {
        var records = CsvRecords.Parse("\uFEFFa , b\n\n   \n 1 , \" 2 \" \n");
        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["1", " 2 "], records[1].Fields); // inside quotes the spaces are data
        Assert.Equal(4, records[1].Line);
    }

    [Fact]
    public void EmptyFieldsAndAMissingFinalLineBreakAreKept()
    {
        var records = CsvRecords.Parse("a,b,c\n1,,3");
        Assert.Equal(["1", "", "3"], records[1].Fields);
        Assert.Empty(CsvRecords.Parse(""));
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", CsvProblem.QuoteInUnquotedField, 2)]
    [InlineData("a,b\n1,\"x\"y\n", CsvProblem.TextAfterClosingQuote, 2)]
    [InlineData("a,b\n1,\"x\" \"y\"\n", CsvProblem.QuoteInUnquotedField, 2)]
    [InlineData("a,b\n1,2\n\"3,4\n5,6\n", CsvProblem.UnclosedQuote, 3)]
    public void MalformedTextNamesTheProblemAndTheLine(string text, CsvProblem problem, int line)
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvRecords.Parse(text));
        Assert.Equal(problem, e.Problem);
        Assert.Equal(line, e.Line);
        Assert.StartsWith($"line {line}: ", e.Message, StringComparison.Ordinal);
    }
}
