using CsCheck;
using Shannon.Web.Api;
using Shannon.Web.Estimation;

namespace Shannon.Web.Tests;

public sealed class LayoutAndCsvTests
{
    [Fact]
    public void LensArea_UnitCirclesOneRadiusApart_IsAnalytic()
    {
        // 2 pi / 3 - sqrt(3) / 2 (tools/reference/web_panels.py); closed form, so 1e-14.
        Assert.Equal(1.2283696986087567, VennLayout.LensArea(1, 1, 1), 1e-14);
        Assert.Equal(Math.PI, VennLayout.LensArea(1, 2, 0.5), 1e-14); // the small disc inside the large one
        Assert.Equal(0.0, VennLayout.LensArea(1, 2, 3));
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(1.0, 1.0, 0.278)]
    [InlineData(1.5, 0.7, 0.7)]
    [InlineData(2.0, 0.5, 0.01)]
    public void Layout_OverlapEqualsTheMutualInformation(double hx, double hy, double mi)
    {
        var c = VennLayout.Solve(hx, hy, mi);
        Assert.Equal(hx, Math.PI * c.RadiusX * c.RadiusX, 1e-12);
        Assert.Equal(hy, Math.PI * c.RadiusY * c.RadiusY, 1e-12);
        Assert.Equal(mi, c.OverlapArea, 1e-12);
        Assert.Equal(mi, VennLayout.LensArea(c.RadiusX, c.RadiusY, c.Distance), 1e-12);
    }

    [Fact]
    public void Layout_AnyFeasibleTriple_IsDrawnToScale() =>
        // Any H(X), H(Y) > 0 and 0 <= I <= min(H(X), H(Y)): areas and overlap come out exact (bisection to 1e-15 relative).
        Gen.Select(Gen.Double[0.01, 5], Gen.Double[0.01, 5], Gen.Double[0, 1]).Sample((hx, hy, f) =>
        {
            double mi = f * Math.Min(hx, hy);
            var c = VennLayout.Solve(hx, hy, mi);
            return Math.Abs(c.OverlapArea - mi) <= 1e-9 * Math.Max(1, mi)
                && Math.Abs(Math.PI * c.RadiusX * c.RadiusX - hx) <= 1e-12 * hx
                && c.Distance >= Math.Abs(c.RadiusX - c.RadiusY) - 1e-12 && c.Distance <= c.RadiusX + c.RadiusY + 1e-12;
        }, seed: "0N0XIzNsQ0O2");

    [Fact]
    public void Csv_TrailingNewlinesAndBom_AreAccepted()
    {
        var table = CsvTable.Parse("x,y\n1,a\n2,b\n\n\n");
        Assert.Equal(["x", "y"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.NotNull(table.Numeric(0));
        Assert.Null(table.Numeric(1));
    }

    [Fact]
    public void DataColumn_ManyDistinctReals_AreBinned_IntegersKeptAsSymbols()
    {
        var rows = string.Join('\n', Enumerable.Range(0, 200).Select(i => FormattableString.Invariant($"{i * 0.37},{i % 3}")));
        var table = CsvTable.Parse("r,k\n" + rows);
        var r = DataColumn.From(table, 0, 8);
        var k = DataColumn.From(table, 1, 8);
        Assert.Equal(8, r.SymbolCount);
        Assert.Equal("8 equal-width bins", r.Discretisation);
        Assert.Equal(3, k.SymbolCount);
        Assert.Equal("3 integer values", k.Discretisation);
    }
}
