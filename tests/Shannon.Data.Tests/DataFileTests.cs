using DuckDB.NET.Data;
using Shannon.Estimators.Continuous;
using Shannon.Estimators.Discrete;

namespace Shannon.Data.Tests;

public sealed class DataFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shannon-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Csv()
    {
        var lines = new List<string> { "x,y,label,r" };
        for (int i = 0; i < 60; i++)
        {
            int x = (i * 7 + 3) % 5;
            lines.Add($"{x},{(x + i * i % 3) % 4},{(i % 2 == 0 ? "even" : "odd")},{i * 0.5}");
        }

        return Write("data.csv", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void ReadsTheSchemaAndKinds()
    {
        using var f = DataFile.Open(Csv());
        Assert.Equal(60, f.RowCount);
        Assert.Equal(["x", "y", "label", "r"], f.Columns.Select(c => c.Name));
        Assert.Equal(ColumnKind.Discrete, f.Column("x").Kind);
        Assert.Equal(ColumnKind.Discrete, f.Column("label").Kind);
        Assert.Equal(ColumnKind.Real, f.Column("r").Kind);
    }

    [Fact]
    public void CountTableFromGroupByGivesTheScikitLearnMi()
    {
        // scikit-learn 1.2.1 mutual_info_score on these labels: 0.7259333168968154 nats (tools/reference/discrete_mi.py, "formula").
        using var f = DataFile.Open(Csv());
        var (table, levels) = f.CountTable([f.Column("x"), f.Column("y")]);
        Assert.Equal(60, table.Total);
        Assert.Equal(["0", "1", "2", "3", "4"], levels[0]);
        var mi = DiscreteInformation.MutualInformation(table, [0], [1], PluginEntropyEstimator.Instance, InformationUnit.Nats);
        Assert.Equal(0.7259333168968154, mi.Value, 1e-9);
    }

    [Fact]
    public void ParquetAndJsonGiveTheSameTable()
    {
        string csv = Csv();
        string parquet = Path.Combine(_dir, "data.parquet");
        string json = Path.Combine(_dir, "data.json");
        using (var c = new DuckDBConnection("DataSource=:memory:"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{parquet}' (FORMAT PARQUET); " +
                $"COPY (SELECT * FROM read_csv('{csv}', header = true)) TO '{json}' (FORMAT JSON);";
            cmd.ExecuteNonQuery();
        }

        foreach (var path in new[] { parquet, json })
        {
            using var f = DataFile.Open(path);
            var (table, _) = f.CountTable([f.Column("x"), f.Column("y")]);
            Assert.Equal(0.7259333168968154, DiscreteInformation.MutualInformation(table, [0], [1], PluginEntropyEstimator.Instance, InformationUnit.Nats).Value, 1e-9);
        }
    }

    [Fact]
    public void MissingColumnListsTheColumnsThatExist()
    {
        using var f = DataFile.Open(Csv());
        var e = Assert.Throws<ArgumentException>(() => f.Column("z", "--z"));
        Assert.Equal("--z", e.ParamName);
        Assert.Contains("Columns: x, y, label, r.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFilesGiveOneLineErrors()
    {
        Assert.Throws<FileNotFoundException>(() => DataFile.Open(Path.Combine(_dir, "missing.csv")));
        Assert.Contains("empty", Assert.Throws<InvalidDataException>(() => DataFile.Open(Write("empty.csv", ""))).Message, StringComparison.Ordinal);
        Assert.Contains("0 rows", Assert.Throws<InvalidDataException>(() => DataFile.Open(Write("header.csv", "x,y\n"))).Message, StringComparison.Ordinal);
        var garbage = Path.Combine(_dir, "garbage.parquet");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 0, 7]);
        var e = Assert.Throws<InvalidDataException>(() => DataFile.Open(garbage));
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("unknown file type", Assert.Throws<InvalidDataException>(() => DataFile.Open(Write("data.xyz", "a\n1\n"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAndNaNValuesAreRejected()
    {
        using var f = DataFile.Open(Write("gaps.csv", "x,y,r\n1,2,0.5\n,3,nan\n2,1,1.5\n"));
        Assert.Contains("1 missing values", Assert.Throws<InvalidDataException>(() => f.CountTable([f.Column("x"), f.Column("y")])).Message, StringComparison.Ordinal);
        Assert.Contains("1 NaN or infinite", Assert.Throws<InvalidDataException>(() => f.ReadReal(f.Column("r"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountsFilesAreValidated()
    {
        Assert.Equal([3L, 0, 5], DataFile.ReadCounts(Write("c.csv", "count\n3\n0\n5\n")));
        Assert.Contains("'2.5'", Assert.Throws<InvalidDataException>(() => DataFile.ReadCounts(Write("c2.csv", "count\n3\n2.5\n"))).Message, StringComparison.Ordinal);
        Assert.Contains("-1", Assert.Throws<InvalidDataException>(() => DataFile.ReadCounts(Write("c3.csv", "count\n3\n-1\n"))).Message, StringComparison.Ordinal);
        Assert.Contains("'nan'", Assert.Throws<InvalidDataException>(() => DataFile.ReadCounts(Write("c4.csv", "count\n3\nnan\n"))).Message, StringComparison.Ordinal);
        Assert.Contains("named `count`", Assert.Throws<InvalidDataException>(() => DataFile.ReadCounts(Write("c5.csv", "n\n3\n"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinnedTableUsesFreedmanDiaconis()
    {
        // r = 0, 0.5, ..., 29.5 (n = 60): IQR (linear) = 14.75, width 2 * 14.75 / 60^(1/3) = 7.52, bins ceil(29.5 / 7.52) = 4.
        using var f = DataFile.Open(Csv());
        var (table, _, bins) = f.BinnedCountTable([f.Column("r"), f.Column("x")], null);
        Assert.Equal([4, 0], bins);
        Assert.Equal(4, table.LevelCounts[0]);
        Assert.Equal(60, table.Total);
        // A zero IQR is one bin, as numpy's "fd" and the library rule it (Binning.FreedmanDiaconisBinCount); this
        // asserted 10, the data layer's own rule, which gave other bins than the library on the same column (issue 16).
        Assert.Equal(1, DataFile.FreedmanDiaconis(0, 1, 0, 100));
    }

    [Fact]
    public void GivenBinsCutEveryFileByTheSameEdgesAsTheLibrary()
    {
        // Bins fixed from outside (a whole table's range, for one of its parts): the codes are the bin indices of
        // Binning.EqualWidthEdges(min, max, B), value for value, for the file's own range and for a wider one (here
        // the column with two more values at the ends, binned by the library, minus those two).
        var random = new Random(19);
        int n = 499;
        double[] normal = [.. Enumerable.Range(0, n).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
        double[] tenths = [.. Enumerable.Range(0, n).Select(i => (i % 31) / 10.0)];
        double[] constant = [.. Enumerable.Repeat(2.5, n)];
        var columns = new[] { ("normal", normal), ("tenths", tenths), ("constant", constant) };
        var text = new System.Text.StringBuilder(string.Join(',', columns.Select(c => c.Item1)) + ",id\n");
        for (int i = 0; i < n; i++)
        {
            text.AppendJoin(',', columns.Select(c => c.Item2[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Append(',').Append(i).Append('\n');
        }

        using var f = DataFile.Open(Write("given.csv", text.ToString()));
        foreach (var (name, values) in columns)
        {
            var (min, max, count) = f.Range(f.Column(name));
            Assert.Equal((values.Min(), values.Max(), (long)n), (min, max, count));
            foreach (int b in new[] { 1, 7, 50 })
            {
                foreach (var (lo, hi) in new[] { (min, max), (min - 1.25, max + 0.5) })
                {
                    var (table, levels) = f.CountTable([f.Column(name), f.Column("id")], [new EqualWidthBins(lo, hi, b), null]);
                    Assert.Equal(b, table.LevelCounts[0]);
                    Assert.Equal(Enumerable.Range(0, b).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)), levels[0]);
                    double[] widened = lo == min ? values : [.. values, lo, hi];
                    int[] expected = Binning.Codes(widened, new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = b })[..n];
                    var duck = new int[n];
                    for (int c = 0; c < table.CellCount; c++)
                    {
                        duck[int.Parse(levels[1][table.Codes(1)[c]], System.Globalization.CultureInfo.InvariantCulture)] = table.Codes(0)[c];
                    }

                    Assert.True(expected.SequenceEqual(duck), $"{name}, {b} bins over [{lo}, {hi}]: DuckDB's bins differ from the library's");
                }
            }
        }

        // Bins that do not cover the file's values are refused, naming the column and both ranges.
        var error = Assert.Throws<InvalidDataException>(() => f.CountTable([f.Column("tenths")], [new EqualWidthBins(0.5, 3, 4)]));
        Assert.Contains("column 'tenths'", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the bins' range [0.5, 3]", error.Message, StringComparison.Ordinal);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new EqualWidthBins(0, 1, 0)).ParamName);
    }

    [Fact]
    public void BinsInDuckDbAreTheLibrarys()
    {
        // The SQL is generated from the library's rule objects: on the same columns, the same bins, value for value.
        var random = new Random(16);
        int n = 997;
        double[] normal = [.. Enumerable.Range(0, n).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];
        double[] rounded = [.. normal.Select(v => Math.Round(v, 1))];
        double[] cauchy = [.. Enumerable.Range(0, n).Select(_ => Math.Tan(Math.PI * (random.NextDouble() - 0.5)))];
        double[] tenths = [.. Enumerable.Range(0, n).Select(i => (i % 31) / 10.0)]; // edges land on values: 0.1 steps
        double[] huge = [.. Enumerable.Range(0, n).Select(i => (i % 2 == 0 ? 1 : -1) * 1.5e308 * random.NextDouble())];
        double[] constant = [.. Enumerable.Repeat(2.5, n)];
        var columns = new[] { ("normal", normal), ("rounded", rounded), ("cauchy", cauchy), ("tenths", tenths), ("huge", huge), ("constant", constant) };
        var text = new System.Text.StringBuilder(string.Join(',', columns.Select(c => c.Item1)) + ",id\n");
        for (int i = 0; i < n; i++)
        {
            text.AppendJoin(',', columns.Select(c => c.Item2[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture))).Append(',').Append(i).Append('\n');
        }

        using var f = DataFile.Open(Write("bins.csv", text.ToString()));
        foreach (var (name, values) in columns)
        {
            foreach (int? bins in new int?[] { null, 7, 50 })
            {
                var (table, levels, counts) = f.BinnedCountTable([f.Column(name), f.Column("id")], bins);
                int b = counts[0];
                var options = bins is int fixedCount
                    ? new BinningOptions { Rule = BinningRule.EqualWidth, BinCount = fixedCount }
                    : new BinningOptions { Rule = BinningRule.FreedmanDiaconis };
                int[] expected = Binning.Codes(values, options);
                Assert.Equal(Binning.Edges(values, options).Length - 1, b);

                // Each row's cell: its id names the row, the level of the binned column is its bin.
                var duck = new int[n];
                for (int c = 0; c < table.CellCount; c++)
                {
                    Assert.Equal(1, table.Counts[c]);
                    int row = int.Parse(levels[1][table.Codes(1)[c]], System.Globalization.CultureInfo.InvariantCulture);
                    duck[row] = int.Parse(levels[0][table.Codes(0)[c]], System.Globalization.CultureInfo.InvariantCulture);
                }

                Assert.True(expected.SequenceEqual(duck), $"{name}, bins {bins?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "fd"}: DuckDB's bins differ from the library's");
            }
        }
    }
}
