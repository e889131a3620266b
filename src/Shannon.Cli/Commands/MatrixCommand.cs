using System.CommandLine;
using System.Globalization;
using Shannon.Data;
using Shannon.Lab.Report;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon matrix FILE [--columns C,...] [--out PNG] [--json]`: the pairwise MI table (diagonal: each column's
/// entropy H(X) = I(X;X)) and, with --out, a heatmap.
/// </summary>
internal static class MatrixCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV (header row required), Parquet or JSON file." };
        var columns = new Option<string?>("--columns") { Description = "The columns (default: all)." };
        var output = new Option<string?>("--out") { Description = "Write a heatmap to this PNG file." };
        var options = new DataOptions();
        var command = new Command("matrix", "Pairwise mutual information between columns (diagonal: entropy), as a table and a heatmap.") { file, columns, output };
        options.AddTo(command);
        command.Add(ClusterCommands.Option());
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

            using var data = DataFile.Open(result.GetValue(file)!);
            var text = result.GetValue(columns);
            var cols = text is null ? [.. data.Columns] : DataOptions.Names(text, "--columns").Select(n => data.Column(n, "--columns")).Distinct().ToArray();
            if (cols.Length < 2)
            {
                throw new UsageException($"`matrix` needs at least two columns; got {cols.Length}.");
            }

            var warnings = new List<string>();
            int m = cols.Length;
            var used = new List<string>();
            var values = new double[m, m];
            long n = 0;
            for (int i = 0; i < m; i++)
            {
                string name = EstimatorRegistry.Resolve(settings, [cols[i]], warnings);

                // The diagonal is the entropy: for a real column under a k-NN or parametric MI estimator, the
                // Kozachenko-Leonenko differential entropy (I(X;X) is infinite for continuous X).
                if (EstimatorRegistry.Continuous.ContainsKey(name))
                {
                    name = "kozachenko-leonenko";
                }

                used.Add(name);
                var h = EstimatorRegistry.Entropy(data, [cols[i]], name, settings, unit);
                values[i, i] = h.Estimate.Value;
                n = h.Estimate.SampleCount;
                for (int j = 0; j < i; j++)
                {
                    string pair = EstimatorRegistry.Resolve(settings, [cols[i], cols[j]], warnings);
                    var mi = EstimatorRegistry.MutualInformation(data, [cols[i]], [cols[j]], [], pair, settings, unit);
                    used.Add(mi.Estimate.Estimator);
                    values[i, j] = values[j, i] = mi.Estimate.Value;
                    warnings.AddRange(mi.Estimate.Warnings);
                }
            }

            var distinctWarnings = warnings.Distinct().ToList();
            string estimators = string.Join(",", used.Distinct());
            if (png is not null)
            {
                WriteHeatmap(png, cols.Select(c => c.Name).ToArray(), values, estimators, InformationUnits.Name(unit));
            }

            if (result.GetValue(options.Json))
            {
                using var o = new JsonOutput(Console.Out);
                o.String("measure", "matrix").String("estimator", estimators).String("unit", InformationUnits.Name(unit))
                    .Number("value", MaxOffDiagonal(values)).Number("n", n).Strings("columns", cols.Select(c => c.Name));
                o.Writer.WriteStartArray("values");
                for (int i = 0; i < m; i++)
                {
                    o.Writer.WriteStartArray();
                    for (int j = 0; j < m; j++)
                    {
                        o.Writer.WriteNumberValue(values[i, j]);
                    }

                    o.Writer.WriteEndArray();
                }

                o.Writer.WriteEndArray();
                if (png is not null)
                {
                    o.String("out", png);
                }

                o.Strings("warnings", distinctWarnings);
            }
            else
            {
                int width = Math.Max(10, cols.Max(c => c.Name.Length));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"I(row; column) in {InformationUnits.Name(unit)} (diagonal: H), estimator {estimators}, n = {n}"));
                Console.Out.WriteLine(new string(' ', width + 2) + string.Concat(cols.Select(c => c.Name.PadLeft(width + 2))));
                for (int i = 0; i < m; i++)
                {
                    Console.Out.WriteLine(cols[i].Name.PadRight(width + 2) +
                        string.Concat(Enumerable.Range(0, m).Select(j => values[i, j].ToString("0.0000", CultureInfo.InvariantCulture).PadLeft(width + 2))));
                }

                if (png is not null)
                {
                    Console.Out.WriteLine($"Heatmap written to {png}");
                }

                foreach (var w in distinctWarnings)
                {
                    Console.Error.WriteLine("warning: " + w);
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
                if (i != j)
                {
                    max = Math.Max(max, values[i, j]);
                }
            }
        }

        return max;
    }

    private static void WriteHeatmap(string path, string[] names, double[,] values, string estimator, string unit)
    {
        int m = names.Length;
        var plot = Plots.Create($"Pairwise mutual information ({estimator})", "column", "column");
        var heatmap = plot.Add.Heatmap(values);
        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = $"I(X;Y) in {unit} (diagonal: H)";
        double[] positions = [.. Enumerable.Range(0, m).Select(i => (double)i)];
        plot.Axes.Bottom.SetTicks(positions, names);
        plot.Axes.Left.SetTicks([.. positions.Reverse()], names);
        plot.SavePng(path, 200 + 60 * m, 160 + 60 * m);
    }
}
