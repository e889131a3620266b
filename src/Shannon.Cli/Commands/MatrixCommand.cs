using System.CommandLine;
using Shannon.Cli.Output;
using System.Globalization;
using Shannon.Data;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Lab.Report;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon matrix FILE [--columns C,...] [--out PNG] [--json]`: the pairwise MI table (diagonal: each column's
/// entropy H(X) = I(X;X) of a categorical column; a real column's differential h is reported apart, never on the MI
/// scale) and, with --out, a heatmap. All columns are read in one pass and the pairs computed in parallel by the library.
/// </summary>
internal static class MatrixCommand
{
    /// <summary>The most columns a matrix takes (4,950 pairs).</summary>
    internal const int MaxColumns = 100;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV (header row required), Parquet or JSON file." };
        var columns = new Option<string?>("--columns") { Description = "The columns (default: all)." };
        var output = new Option<string?>("--out") { Description = "Write a heatmap to this PNG file." };
        var force = CommonOptions.Force();
        var options = new DataOptions();
        var command = new Command("matrix", "Pairwise mutual information between columns (diagonal: entropy), as a table and a heatmap.") { file, columns, output, force };
        options.AddTo(command);
        ClusterCommands.AddTo(command);
        command.SetAction(result =>
        {
            if (ClusterCommands.Requested(result))
            {
                return ClusterCommands.Matrix(result);
            }

            var unit = CommonOptions.ParseUnit(result.GetValue(options.Unit));
            var settings = options.Settings(result);
            string? png = result.GetValue(output);
            if (png is not null && !png.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"`--out` must be a .png file; got '{png}'.");
            }

            if (png is not null && Path.GetDirectoryName(Path.GetFullPath(png)) is string dir && !Directory.Exists(dir))
            {
                throw new UsageException($"`--out` must be in an existing folder; got '{png}'.");
            }

            if (png is not null)
            {
                OutputFile.Check(png, "--out", result.GetValue(force), [result.GetValue(file)!], OutputFile.IsShannonPng);
            }

            using var data = DataFile.Open(result.GetValue(file)!);
            var text = result.GetValue(columns);
            var cols = text is null ? [.. data.Columns] : DataOptions.Names(text, "--columns").Select(n => data.Column(n, "--columns")).Distinct().ToArray();
            if (cols.Length < 2)
            {
                throw new UsageException($"`matrix` needs at least two columns; got {cols.Length}.");
            }

            if (cols.Length > MaxColumns)
            {
                // m columns are m (m - 1) / 2 estimates: 10,000 columns would be 5e7 of them, and no heatmap shows that.
                throw new UsageException($"`--columns` must name at most {MaxColumns} columns for a matrix ({MaxColumns * (MaxColumns - 1) / 2:N0} pairs); got {cols.Length}{(text is null ? " (every column of the file)" : "")}. Name the columns with --columns, or rank them against a target with `shannon rank`.");
            }

            var (perms, boots) = options.Resampling(result);
            var read = options.Read(result, data, cols);
            var uncertainty = new UncertaintyOptions { Bootstrap = boots ?? 0, Permutations = perms ?? 0, Seed = settings.Seed };
            using var progress = StderrProgress.ForCommand(result, "matrix", result.GetValue(options.Json));
            var matrix = InformationMatrix.Compute(read, options.EstimatorName(result), settings, unit, uncertainty, progress);
            progress.Clear();
            int m = cols.Length;
            var warnings = new List<string>();
            var used = new List<string>();
            var values = new double[m, m];
            long n = matrix.Estimate(0, 0).SampleCount;
            bool[] differential = [.. Enumerable.Range(0, m).Select(i => matrix.Estimate(i, i).Differential)];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    var e = matrix.Estimate(i, j);
                    values[i, j] = e.Value;
                    used.Add(e.Estimator);
                    if (j <= i)
                    {
                        warnings.AddRange(e.Warnings.Select(w => i == j ? $"{cols[i].Name}: {w}" : $"{cols[i].Name} x {cols[j].Name}: {w}"));
                    }
                }
            }

            if (differential.Any(d => d))
            {
                warnings.Add("the diagonal holds H for categorical columns only; a real-valued column's entropy is a differential h, another quantity (null in `values`, in `diagonal` with \"differential\": true, left blank on the heatmap).");
            }

            var distinctWarnings = warnings.Distinct().ToList();
            string estimators = string.Join(",", used.Distinct());
            if (png is not null)
            {
                WriteHeatmap(png, result.GetValue(force), result.GetValue(file)!, cols.Select(c => c.Name).ToArray(), values, differential, estimators, InformationUnits.Name(unit));
            }

            if (result.GetValue(options.Json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "matrix").String("estimator", estimators).String("unit", InformationUnits.Name(unit))
                    .Number("value", MaxOffDiagonal(values)).Number("n", n).String("n_counts", "samples").Strings("columns", cols.Select(c => c.Name));
                o.Writer.WriteStartArray("values");
                for (int i = 0; i < m; i++)
                {
                    o.Writer.WriteStartArray();
                    for (int j = 0; j < m; j++)
                    {
                        if (i == j && differential[i])
                        {
                            o.Writer.WriteNullValue();
                        }
                        else
                        {
                            o.Writer.WriteNumberValue(values[i, j]);
                        }
                    }

                    o.Writer.WriteEndArray();
                }

                o.Writer.WriteEndArray();
                o.Writer.WriteStartArray("diagonal");
                for (int i = 0; i < m; i++)
                {
                    var e = matrix.Estimate(i, i);
                    o.Writer.WriteStartObject();
                    o.Writer.WriteString("column", cols[i].Name);
                    EstimateJson.WriteNumber(o.Writer, EstimateJson.ValueKey, e.Value);
                    o.Writer.WriteString("estimator", e.Estimator);
                    o.Writer.WriteBoolean("differential", e.Differential);
                    o.Writer.WriteEndObject();
                }

                o.Writer.WriteEndArray();
                if (perms is not null || boots is not null)
                {
                    WriteUncertainty(o, matrix, m, perms is not null, boots is not null);
                    o.Number("seed", (long)settings.Seed);
                }

                EstimateJson.WriteKinds(o.Writer, read.Select(c => c.Decision));
                if (png is not null)
                {
                    o.String("out", png);
                }

                o.Strings("warnings", distinctWarnings);
            }
            else
            {
                int width = Math.Max(10, cols.Max(c => c.Name.Length));
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"I(row; column) in {InformationUnits.Name(unit)} (diagonal: H of categorical columns; h marks a differential entropy, listed below), estimator {estimators}, n = {n}"));
                result.Output().WriteLine(new string(' ', width + 2) + string.Concat(cols.Select(c => c.Name.PadLeft(width + 2))));
                for (int i = 0; i < m; i++)
                {
                    result.Output().WriteLine(cols[i].Name.PadRight(width + 2) +
                        string.Concat(Enumerable.Range(0, m).Select(j => (i == j && differential[i] ? "h" : values[i, j].ToString("0.0000", CultureInfo.InvariantCulture)).PadLeft(width + 2))));
                }

                for (int i = 0; i < m; i++)
                {
                    if (differential[i])
                    {
                        result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"h({cols[i].Name}) = {values[i, i]:0.0000} {InformationUnits.Name(unit)} (differential entropy, {matrix.Estimate(i, i).Estimator}; not on the MI scale)"));
                    }
                }

                if (perms is not null || boots is not null)
                {
                    for (int i = 0; i < m; i++)
                    {
                        for (int j = 0; j < i; j++)
                        {
                            var c = matrix.Cell(i, j);
                            result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"  {cols[i].Name} x {cols[j].Name}: {c.Estimate.Value:0.0000}{(c.Test is null ? "" : $"  p = {c.Test.PValue:0.####}")}{(c.Interval is null ? "" : $"  [{c.Interval.Lower:0.0000}, {c.Interval.Upper:0.0000}]")}"));
                        }
                    }
                }

                if (png is not null)
                {
                    result.Output().WriteLine($"Heatmap written to {png}");
                }

                foreach (var w in distinctWarnings)
                {
                    result.Error().WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    private static double MaxOffDiagonal(double[,] values)
    {
        double max = double.NegativeInfinity;
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < values.GetLength(1); j++)
            {
                if (i != j && !double.IsNaN(values[i, j]))
                {
                    max = Math.Max(max, values[i, j]);
                }
            }
        }

        return max;
    }

    private static void WriteUncertainty(JsonOutput o, InformationMatrix matrix, int m, bool tests, bool intervals)
    {
        void Square(string name, Func<RankedFeature, double?> value)
        {
            o.Writer.WriteStartArray(name);
            for (int i = 0; i < m; i++)
            {
                o.Writer.WriteStartArray();
                for (int j = 0; j < m; j++)
                {
                    double? v = i == j ? null : value(matrix.Cell(i, j));
                    if (v is double d)
                    {
                        o.Writer.WriteNumberValue(d);
                    }
                    else
                    {
                        o.Writer.WriteNullValue();
                    }
                }

                o.Writer.WriteEndArray();
            }

            o.Writer.WriteEndArray();
        }

        if (tests)
        {
            Square("p_values", c => c.Test?.PValue);
        }

        if (intervals)
        {
            Square("ci_low", c => c.Interval?.Lower);
            Square("ci_high", c => c.Interval?.Upper);
        }
    }

    private static void WriteHeatmap(string path, bool force, string input, string[] names, double[,] source, bool[] differential, string estimator, string unit)
    {
        int m = names.Length;
        var values = (double[,])source.Clone();
        for (int i = 0; i < m; i++)
        {
            if (differential[i])
            {
                values[i, i] = double.NaN; // h is not on the MI scale: left blank
            }
        }

        var plot = Plots.Create($"Pairwise mutual information ({estimator})", "column", "column");
        var heatmap = plot.Add.Heatmap(values);
        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = differential.Any(d => d) ? $"I(X;Y) in {unit} (diagonal: H of categorical columns; h left blank)" : $"I(X;Y) in {unit} (diagonal: H)";
        double[] positions = [.. Enumerable.Range(0, m).Select(i => (double)i)];
        plot.Axes.Bottom.SetTicks(positions, names);
        plot.Axes.Left.SetTicks([.. positions.Reverse()], names);

        // The value in every cell (row i is drawn at y = m - 1 - i, as the reversed ticks say), dark text on light cells.
        var shown = values.Cast<double>().Where(double.IsFinite).DefaultIfEmpty(0).ToArray();
        double low = shown.Min(), high = shown.Max(); // the colour scale's range (the heatmap spans its finite cells)
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double v = values[i, j];
                if (double.IsNaN(v))
                {
                    continue;
                }

                var text = plot.Add.Text(CellText(v), j, m - 1 - i);
                text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                text.LabelFontSize = m <= 8 ? 14 : 10;
                text.LabelFontName = Plots.FontFamily;
                double position = high > low ? (v - low) / (high - low) : 0;
                text.LabelFontColor = position > 0.6 ? ScottPlot.Colors.Black : ScottPlot.Colors.White;
            }
        }

        // Wide enough for the title and the colour bar's label, whatever the number of columns.
        int width = Math.Max(760, 300 + (80 * m)), height = Math.Max(560, 200 + (80 * m));
        var bytes = OutputFile.MarkPng(plot.GetImage(width, height).GetImageBytes(ScottPlot.ImageFormat.Png));
        OutputFile.Write(path, "--out", force, s => s.Write(bytes), [input], OutputFile.IsShannonPng);
    }

    /// <summary>A cell's value with three significant digits (an exact 0 prints as 0).</summary>
    internal static string CellText(double value) => value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);
}
