using Shannon.Estimators.Continuous;

namespace Shannon.Estimators.Catalogue;

/// <summary>
/// Cuts a real column into equal-width bins: <c>binCount</c> bins over [min, max] when given, otherwise
/// Freedman-Diaconis (width 2 IQR N^(-1/3), numpy's "fd"; one bin when the IQR is 0). The one binning rule of the
/// catalogue (<c>binned</c>) and of the faces that need categories from real columns (<c>ib</c> on samples).
/// </summary>
public static class Discretization
{
    /// <summary>The column's bins as a categorical column (a categorical column is returned as it is).</summary>
    /// <param name="column">The column.</param>
    /// <param name="binCount">The number of equal-width bins, or null for Freedman-Diaconis.</param>
    /// <returns>The binned column and its number of bins (0 for a column that was already categorical).</returns>
    public static (SampleColumn Column, int BinCount) Bin(SampleColumn column, int? binCount)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.IsCategorical)
        {
            return (column, 0);
        }

        if (binCount is int b && b < 1)
        {
            throw Preconditions.OutOfRange("bins", ">= 1", CatalogueInput.Text(b));
        }

        var options = binCount is int bins ? new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = bins } : BinningOptions.Default;
        var (cells, count, _) = Binning.Cells(Samples.FromColumns(column.NumbersArray), options);
        var codes = new int[cells.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (int)cells[i];
        }

        string rule = binCount is null ? "Freedman-Diaconis" : "as asked";
        return (SampleColumn.FromBins(column.Name, codes, count, $"{ColumnKinds.Name(column.Kind)} ({column.Decision.Reason}), cut into {CatalogueInput.Text(count)} equal-width bins ({rule})"), count);
    }
}
