using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;
using Shannon.Data;
using Shannon.Lab;
using System.Globalization;

namespace Shannon.Web.Estimation;

/// <summary>
/// A CSV column ready for the estimators: its numbers when every value is one, and its symbol codes 0..K-1 for the
/// discrete estimators: categories as they are, numbers the library calls categorical (<see cref="ColumnKinds"/>:
/// integers with few distinct values for N) as they are, other numbers in equal-width bins.
/// </summary>
internal sealed class DataColumn
{
    private DataColumn(string name, double[]? numbers, int[] codes, int symbolCount, string discretisation)
    {
        Name = name;
        Numbers = numbers;
        Codes = codes;
        SymbolCount = symbolCount;
        Discretisation = discretisation;
    }

    public string Name { get; }

    public double[]? Numbers { get; }

    public bool IsNumeric => Numbers is not null;

    public int[] Codes { get; }

    public int SymbolCount { get; }

    public string Discretisation { get; }

    public static DataColumn From(CsvTable table, int column, int binCount)
    {
        string name = table.Header[column];
        var numbers = table.FiniteNumbers(column);
        if (numbers is null)
        {
            var (codes, k) = Encode(table.Rows.Select(r => r[column]));
            return new DataColumn(name, null, codes, k, $"{k} categories");
        }

        if (ColumnKinds.Classify(numbers).Kind == VariableKind.Categorical)
        {
            var (codes, k) = Encode(numbers.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            return new DataColumn(name, numbers, codes, k, $"{k} integer values");
        }

        var bins = Binning.Codes(numbers, new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = binCount });
        return new DataColumn(name, numbers, bins, binCount, $"{binCount} equal-width bins");
    }

    private static (int[] Codes, int Count) Encode(IEnumerable<string> values)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new List<int>();
        foreach (var v in values)
        {
            if (!map.TryGetValue(v, out int code))
            {
                code = map.Count;
                map[v] = code;
            }

            codes.Add(code);
        }

        return (codes.ToArray(), map.Count);
    }
}
