using Shannon.Web.Api;
using Shannon.Web.Estimation;

namespace Shannon.Web.Tests;

public sealed class LayoutAndCsvTests
{
    [Fact]
    public void Csv_TrailingNewlinesAndBom_AreAccepted()
    {
        var table = UploadedCsv.Parse("x,y\n1,a\n2,b\n\n\n");
        Assert.Equal(["x", "y"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.NotNull(table.FiniteNumbers(0));
        Assert.Null(table.FiniteNumbers(1));
    }

    [Fact]
    public void DataColumn_ManyDistinctReals_AreBinned_IntegersKeptAsSymbols()
    {
        var rows = string.Join('\n', Enumerable.Range(0, 200).Select(i => FormattableString.Invariant($"{i * 0.37},{i % 3}")));
        var table = UploadedCsv.Parse("r,k\n" + rows);
        var r = DataColumn.From(table, 0, 8);
        var k = DataColumn.From(table, 1, 8);
        Assert.Equal(8, r.SymbolCount);
        Assert.Equal("8 equal-width bins", r.Discretisation);
        Assert.Equal(3, k.SymbolCount);
        Assert.Equal("3 integer values", k.Discretisation);
    }
}
