using System.CommandLine;
using System.Globalization;
using Shannon.Data;

namespace Shannon.Cli.Commands;

/// <summary>`shannon rank FILE --target C [--estimator E] [--json]`: every other column's MI with the target, largest first.</summary>
internal static class RankCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV (header row required), Parquet or JSON file." };
        var target = new Option<string>("--target") { Description = "The column to explain.", Required = true };
        var columns = new Option<string?>("--columns") { Description = "The candidate columns (default: every other column)." };
        var options = new DataOptions();
        var command = new Command("rank", "Rank columns by their mutual information with a target column.") { file, target, columns };
        options.AddTo(command);
        command.Add(ClusterCommands.Option());
        command.SetAction(result =>
        {
            if (ClusterCommands.Requested(result))
            {
                return ClusterCommands.Rank(result);
            }

            var unit = CommonOptions.ParseUnit(result.GetValue(options.Unit));
            var settings = options.Settings(result);
            using var data = DataFile.Open(result.GetValue(file)!);
            var t = data.Column(result.GetValue(target)!, "--target");
            var text = result.GetValue(columns);
            var candidates = (text is null ? data.Columns.Where(c => c.Name != t.Name) : DataOptions.Names(text, "--columns").Select(n => data.Column(n, "--columns")))
                .Where(c => c.Name != t.Name).ToArray();
            if (candidates.Length == 0)
            {
                throw new UsageException($"'{data.Path}' has no column besides the target '{t.Name}' to rank.");
            }

            var warnings = new List<string>();
            var rows = new List<(string Column, double Value, string Estimator)>();
            long n = 0;
            foreach (var c in candidates)
            {
                string name = EstimatorRegistry.Resolve(settings, [c, t], warnings);
                var outcome = EstimatorRegistry.MutualInformation(data, [c], [t], [], name, settings, unit);
                rows.Add((c.Name, outcome.Estimate.Value, outcome.Estimate.Estimator));
                n = outcome.Estimate.SampleCount;
                foreach (var w in outcome.Estimate.Warnings.Where(w => !warnings.Contains(w)))
                {
                    warnings.Add(w);
                }
            }

            rows.Sort((a, b) => b.Value.CompareTo(a.Value));
            var distinctWarnings = warnings.Distinct().ToList();
            if (result.GetValue(options.Json))
            {
                using var o = new JsonOutput(Console.Out);
                o.String("measure", "rank").String("estimator", string.Join(",", rows.Select(r => r.Estimator).Distinct()))
                    .String("unit", InformationUnits.Name(unit)).Number("value", rows[0].Value).Number("n", n).String("target", t.Name);
                o.Writer.WriteStartArray("features");
                foreach (var (column, value, estimator) in rows)
                {
                    o.Writer.WriteStartObject();
                    o.Writer.WriteString("column", column);
                    o.Writer.WriteNumber("value", value);
                    o.Writer.WriteString("estimator", estimator);
                    o.Writer.WriteEndObject();
                }

                o.Writer.WriteEndArray();
                o.Strings("warnings", distinctWarnings);
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"I(column; {t.Name}) in {InformationUnits.Name(unit)}, n = {n}:"));
                int width = Math.Max(6, rows.Max(r => r.Column.Length));
                foreach (var (column, value, estimator) in rows)
                {
                    Console.Out.WriteLine($"  {column.PadRight(width)}  {value.ToString("0.000000", CultureInfo.InvariantCulture),12}  ({estimator})");
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
}
