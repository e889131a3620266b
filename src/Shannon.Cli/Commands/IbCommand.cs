using System.CommandLine;
using System.Globalization;
using Shannon.Bottleneck;
using Shannon.Cli.Output;
using Shannon.Data;
using Shannon.Distributions;
using Shannon.Estimators.Catalogue;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon ib --joint FILE --beta B [--deterministic] [--unit U] [--json]`: the information bottleneck of a joint
/// table. FILE is a CSV of non-negative weights: a header row naming the y values, then one row per x (no label
/// column); it is normalised on read. Or on samples: `shannon ib DATA --x COLS --y COLS --beta B ...` takes the
/// empirical joint distribution of the columns of a CSV/Parquet/JSON file (counted inside DuckDB; each distinct
/// value, or combination of values for several columns, is one outcome).
/// </summary>
internal static class IbCommand
{
    public static Command Create()
    {
        var data = new Argument<string?>("DATA") { Description = "Samples instead of a table: a CSV (header row required), Parquet or JSON file, with --x and --y.", Arity = ArgumentArity.ZeroOrOne };
        var joint = new Option<string>("--joint") { Description = "CSV of non-negative weights: header row of y names, one row per x, no label column." };
        var x = new Option<string?>("--x") { Description = "With DATA: column(s) of X, comma-separated (several make one joint variable)." };
        var y = new Option<string?>("--y") { Description = "With DATA: column(s) of Y." };
        var beta = new Option<string>("--beta") { Description = "The trade-off beta > 0." };
        var bins = new Option<int?>("--bins") { Description = "With DATA: cut real-valued columns into B equal-width bins (without it they are refused: 2000 distinct floats would be 2000 categories)." };
        var discrete = new Option<string?>("--discrete") { Description = "With DATA: columns to treat as categorical whatever their values." };
        var deterministic = new Option<bool>("--deterministic") { Description = "The deterministic IB (Strouse & Schwab 2017) instead of the IB." };
        var unit = CommonOptions.Unit();
        var json = CommonOptions.Json();
        var command = new Command("ib", "Information bottleneck of a joint table p(x, y), or of the empirical joint of two columns: I(X;T) and I(T;Y) at one beta.") { data, joint, x, y, beta, deterministic, bins, discrete, unit, json };
        command.SetAction(result =>
        {
            var u = CommonOptions.ParseUnit(result.GetValue(unit));
            string? file = result.GetValue(joint), samples = result.GetValue(data);
            if ((file is null) == (samples is null))
            {
                throw new UsageException(file is null
                    ? "`ib` needs `--joint FILE` (a CSV table of weights, one row per x) or a data file with --x and --y."
                    : "`ib` takes either `--joint FILE` or a data file with --x and --y, not both.");
            }

            string betaText = result.GetValue(beta) ?? throw new UsageException("`ib` needs `--beta B` (a number > 0).");
            if (!double.TryParse(betaText, NumberStyles.Float, CultureInfo.InvariantCulture, out double b) || !(b > 0) || !double.IsFinite(b))
            {
                throw new UsageException($"`--beta` must be a finite number > 0; got '{betaText}'.");
            }

            var (table, warnings) = file is not null ? ReadJoint(file) : Empirical(samples!, result.GetValue(x), result.GetValue(y), result.GetValue(bins), result.GetValue(discrete));
            bool dib = result.GetValue(deterministic);
            var options = new InformationBottleneckOptions { Alpha = dib ? 0 : 1 };
            var s = InformationBottleneck.Solve(table, b, u, options);
            if (!s.Converged)
            {
                warnings.Add($"the iterations did not converge within {options.MaxIterations} sweeps at the final beta");
            }

            string estimator = dib ? "deterministic-ib" : "ib";
            if (!double.IsFinite(s.Objective))
            {
                // H(T) - beta I(T;Y) at beta near 1e308 is beyond the double range: said, not printed as -Infinity.
                warnings.Add($"the objective at beta = {CommonOptions.Format(b)} is beyond the range of a double ({CommonOptions.Format(double.MaxValue)}); it is left out");
            }

            if (result.GetValue(json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "information-bottleneck").String("estimator", estimator).String("unit", InformationUnits.Name(u))
                    .Number("value", s.MutualInformationTY).Number("n", (long)table.Rows).String("n_counts", "x-outcomes")
                    .Number("i_xt", s.MutualInformationXT).Number("i_ty", s.MutualInformationTY).Number("beta", b)
                    .Bool("converged", s.Converged).Number("iterations", (long)s.Iterations)
                    .Number("clusters", (long)s.ClusterCount);
                if (double.IsFinite(s.Objective))
                {
                    o.Number("objective", s.Objective);
                }

                o.Strings("warnings", warnings);
            }
            else
            {
                string name = InformationUnits.Name(u);
                result.Output().WriteLine($"{(dib ? "Deterministic IB" : "IB")} at beta = {CommonOptions.Format(b)}: I(X;T) = {CommonOptions.Format(s.MutualInformationXT)} {name}, " +
                    $"I(T;Y) = {CommonOptions.Format(s.MutualInformationTY)} {name}, |T| = {s.ClusterCount}, " +
                    $"{(s.Converged ? "converged" : "NOT converged")} after {s.Iterations} sweeps ({table.Rows} x values, {table.Columns} y values)");
                foreach (var w in warnings)
                {
                    result.Error().WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>
    /// The empirical joint distribution of the X and Y columns of a data file: the count table comes from DuckDB
    /// (GROUP BY); rows are the X outcomes that occur, columns the Y outcomes that occur.
    /// </summary>
    internal static (JointDistribution Table, List<string> Warnings) Empirical(string path, string? xText, string? yText, int? bins = null, string? discreteText = null)
    {
        if (xText is null || yText is null)
        {
            throw new UsageException("`ib` on a data file needs `--x COLUMNS` and `--y COLUMNS`.");
        }

        using var file = DataFile.Open(path);
        var xs = DataOptions.Names(xText, "--x").Select(n => file.Column(n, "--x")).ToArray();
        var ys = DataOptions.Names(yText, "--y").Select(n => file.Column(n, "--y")).ToArray();
        var duplicate = xs.Concat(ys).GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException($"column '{duplicate.Key}' appears in both --x and --y; the groups must be disjoint.");
        }

        if (bins is int b && b < 1)
        {
            throw new UsageException($"`--bins` must be >= 1; got {b}.");
        }

        var overrides = new Dictionary<string, VariableKind>(StringComparer.Ordinal);
        if (discreteText is not null)
        {
            foreach (var name in DataOptions.Names(discreteText, "--discrete"))
            {
                overrides[file.Column(name, "--discrete").Name] = VariableKind.Categorical;
            }
        }

        // The kinds decide whether the values can be outcomes: real columns are binned by a stated rule or refused.
        var read = file.ReadColumns([.. xs, .. ys], overrides);
        var real = read.Where(c => !c.IsCategorical).ToArray();
        if (real.Length > 0)
        {
            if (bins is null)
            {
                var c = real[0];
                string option = xs.Any(v => v.Name == c.Name) ? "--x" : "--y";
                throw new UsageException(
                    $"`{option}` column '{c.Name}' is {ColumnKinds.Name(c.Kind)} ({c.Decision.Reason}); the information bottleneck on samples needs categorical outcomes, and each distinct real value would be its own category. Pass --bins B to cut real columns into B equal-width bins, or --discrete {c.Name} if its values are labels.");
            }

            return FromColumns([.. read.Select(c => Discretization.Bin(c, bins).Column)], xs.Length, real.Select(c => $"column '{c.Name}' ({ColumnKinds.Name(c.Kind)}) cut into {bins} equal-width bins over [min, max] (--bins)").ToList());
        }

        var (counts, _) = file.CountTable([.. xs, .. ys]);
        var rowOf = new Dictionary<string, int>();
        var columnOf = new Dictionary<string, int>();
        var cells = new List<(int Row, int Column, long Count)>();
        for (int c = 0; c < counts.CellCount; c++)
        {
            string xKey = string.Join(",", Enumerable.Range(0, xs.Length).Select(v => counts.Codes(v)[c]));
            string yKey = string.Join(",", Enumerable.Range(xs.Length, ys.Length).Select(v => counts.Codes(v)[c]));
            int row = rowOf.TryGetValue(xKey, out int r) ? r : rowOf[xKey] = rowOf.Count;
            int column = columnOf.TryGetValue(yKey, out int k) ? k : columnOf[yKey] = columnOf.Count;
            cells.Add((row, column, counts.Counts[c]));
        }

        if ((long)rowOf.Count * columnOf.Count > 1 << 24)
        {
            throw new UsageException($"`ib` needs |X| |Y| <= 16777216 outcome pairs; got {rowOf.Count} x {columnOf.Count}. Bin or merge values first.");
        }

        var weights = new double[rowOf.Count * columnOf.Count];
        foreach (var (row, column, count) in cells)
        {
            weights[(row * columnOf.Count) + column] += count;
        }

        return (JointDistribution.FromCounts(weights, rowOf.Count, columnOf.Count), []);
    }

    /// <summary>The empirical joint of categorical columns in memory: rows are the X outcomes in order of first appearance, columns the Y outcomes.</summary>
    private static (JointDistribution Table, List<string> Warnings) FromColumns(SampleColumn[] columns, int xCount, List<string> warnings)
    {
        int n = columns[0].Count;
        var rowOf = new Dictionary<string, int>();
        var columnOf = new Dictionary<string, int>();
        var cells = new Dictionary<(int, int), long>();
        for (int i = 0; i < n; i++)
        {
            string xKey = string.Join(",", columns[..xCount].Select(c => c.Codes[i]));
            string yKey = string.Join(",", columns[xCount..].Select(c => c.Codes[i]));
            int row = rowOf.TryGetValue(xKey, out int r) ? r : rowOf[xKey] = rowOf.Count;
            int column = columnOf.TryGetValue(yKey, out int k) ? k : columnOf[yKey] = columnOf.Count;
            cells[(row, column)] = cells.GetValueOrDefault((row, column)) + 1;
        }

        if ((long)rowOf.Count * columnOf.Count > 1 << 24)
        {
            throw new UsageException($"`ib` needs |X| |Y| <= 16777216 outcome pairs; got {rowOf.Count} x {columnOf.Count}. Use fewer --bins.");
        }

        var weights = new double[rowOf.Count * columnOf.Count];
        foreach (var ((row, column), count) in cells)
        {
            weights[(row * columnOf.Count) + column] += count;
        }

        return (JointDistribution.FromCounts(weights, rowOf.Count, columnOf.Count), warnings);
    }

    /// <summary>
    /// Reads the --joint CSV (Shannon.Data's <see cref="CsvTable"/>: RFC 4180, quoted fields, the shared header rules):
    /// a header of y names, then rows of non-negative weights, normalised here. A first row of weights is not a header:
    /// one whose fields are all numbers, some of them not integers, is refused rather than silently taken as names.
    /// </summary>
    internal static (JointDistribution Table, List<string> Warnings) ReadJoint(string path)
    {
        CsvTable csv;
        try
        {
            csv = CsvTable.Read(path);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException($"`--joint` must name an existing file; got '{path}'.");
        }
        catch (CsvFormatException e) when (e.Fields is var (row, header))
        {
            throw new UsageException($"`--joint` must have {header} values per row (one per header name); got {row} on line {e.Line}.");
        }
        catch (CsvFormatException e)
        {
            throw new UsageException($"`--joint` must be a valid CSV file; got {e.Message.TrimEnd('.')} of '{path}'.");
        }
        catch (IOException e)
        {
            throw new UsageException($"`--joint` must be a readable file; got '{path}': {e.Message}");
        }

        if (csv.Rows.Count == 0)
        {
            throw new UsageException($"`--joint` must hold a header row and at least one row of weights; got only the header row in '{path}'.");
        }

        if (csv.Header.All(h => CsvTable.TryNumber(h, out _)) && csv.Header.Any(h => CsvTable.TryNumber(h, out double v) && v != Math.Floor(v)))
        {
            throw new UsageException($"`--joint` must start with a header row naming the y values; got a first row of weights ({string.Join(",", csv.Header)}) in '{path}'. Add a header line such as y1,y2,...");
        }

        int columns = csv.Header.Count;
        var weights = new List<double>();
        for (int r = 0; r < csv.Rows.Count; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (!csv.TryNumber(r, c, out double w) || !(w >= 0) || !double.IsFinite(w))
                {
                    throw new UsageException($"`--joint` must hold finite weights >= 0; got '{csv.Rows[r][c]}' on line {csv.Lines[r]}, column {c + 1}.");
                }

                weights.Add(w);
            }
        }

        if (!(weights.Sum() > 0))
        {
            throw new UsageException("`--joint` must have a positive total weight; got all zeros.");
        }

        var warnings = new List<string>();
        if (Math.Abs(weights.Sum() - 1) > 1e-9)
        {
            warnings.Add($"weights normalised on read (total {CommonOptions.Format(weights.Sum())})");
        }

        return (JointDistribution.FromCounts(weights.ToArray(), csv.Rows.Count, columns), warnings);
    }
}
