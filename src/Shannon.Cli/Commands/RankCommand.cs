using System.CommandLine;
using Shannon.Cli.Output;
using System.Globalization;
using Shannon.Data;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon rank FILE --target C [--estimator E] [--permutations P] [--bootstrap B] [--json]`: every other column's
/// MI with the target, largest first. The columns are read once (one pass over the file) and ranked by the library
/// (<see cref="FeatureRanking"/>), in parallel.
/// </summary>
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
        ClusterCommands.AddTo(command);
        command.SetAction(result =>
        {
            if (ClusterCommands.Requested(result))
            {
                return ClusterCommands.Rank(result);
            }

            var unit = CommonOptions.ParseUnit(result.GetValue(options.Unit));
            var settings = options.Settings(result);
            var (perms, boots) = options.Resampling(result);
            string? requested = options.EstimatorName(result);
            using var data = DataFile.Open(result.GetValue(file)!);
            var t = data.Column(result.GetValue(target)!, "--target");
            var text = result.GetValue(columns);
            var candidates = (text is null ? data.Columns.Where(c => c.Name != t.Name) : DataOptions.Names(text, "--columns").Select(n => data.Column(n, "--columns")))
                .Where(c => c.Name != t.Name).Distinct().ToArray();
            if (candidates.Length == 0)
            {
                throw new UsageException($"'{data.Path}' has no column besides the target '{t.Name}' to rank.");
            }

            var read = options.Read(result, data, [t, .. candidates]);
            var uncertainty = new UncertaintyOptions { Bootstrap = boots ?? 0, Permutations = perms ?? 0, Seed = settings.Seed };
            using var progress = StderrProgress.ForCommand(result, "rank", result.GetValue(options.Json));
            var rows = FeatureRanking.Rank(read[0], read[1..], requested, settings, unit, uncertainty, progress);
            progress.Clear();
            long n = rows[0].Estimate.SampleCount;
            var distinctWarnings = rows.SelectMany(r => r.Estimate.Warnings.Select(w => $"{r.Column}: {w}")).Distinct().ToList();
            if (result.GetValue(options.Json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "rank").String("estimator", string.Join(",", rows.Select(r => r.Estimate.Estimator).Distinct()))
                    .String("unit", InformationUnits.Name(unit)).Number("value", rows[0].Estimate.Value).Number("n", n).String("n_counts", "samples").String("target", t.Name);
                o.Writer.WriteStartArray("features");
                foreach (var r in rows)
                {
                    o.Writer.WriteStartObject();
                    o.Writer.WriteString("column", r.Column);
                    EstimateJson.WriteNumber(o.Writer, EstimateJson.ValueKey, r.Estimate.Value);
                    o.Writer.WriteString("estimator", r.Estimate.Estimator);
                    o.Writer.WriteString("kind", r.Estimate.Kinds[0].KindName);
                    if (r.Estimate.K is int k)
                    {
                        o.Writer.WriteNumber("k", k);
                    }

                    if (r.Test is not null)
                    {
                        EstimateJson.WritePermutationTest(o.Writer, r.Test);
                    }

                    if (r.Interval is not null)
                    {
                        EstimateJson.WriteInterval(o.Writer, r.Interval);
                    }

                    o.Writer.WriteStartArray("warnings");
                    foreach (var w in r.Estimate.Warnings)
                    {
                        o.Writer.WriteStringValue(w);
                    }

                    o.Writer.WriteEndArray();
                    o.Writer.WriteEndObject();
                }

                o.Writer.WriteEndArray();
                EstimateJson.WriteKinds(o.Writer, read.Select(c => c.Decision));
                if (perms is not null || boots is not null)
                {
                    if (perms is int p)
                    {
                        o.Number("permutations", (long)p);
                    }

                    if (boots is int b)
                    {
                        o.Number("bootstrap", (long)b).Number("confidence", uncertainty.Confidence);
                    }

                    o.Number("seed", (long)settings.Seed);
                }

                o.Strings("warnings", distinctWarnings);
            }
            else
            {
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"I(column; {t.Name}) in {InformationUnits.Name(unit)}, n = {n} ({t.Name}: {read[0].Decision.KindName}):"));
                int width = Math.Max(6, rows.Max(r => r.Column.Length));
                foreach (var r in rows)
                {
                    string extra = (r.Test is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  p = {r.Test.PValue:0.####}"))
                        + (r.Interval is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  [{r.Interval.Lower:0.0000}, {r.Interval.Upper:0.0000}]"));
                    result.Output().WriteLine($"  {r.Column.PadRight(width)}  {r.Estimate.Value.ToString("0.000000", CultureInfo.InvariantCulture),12}  ({r.Estimate.Estimator}; {r.Estimate.Kinds[0].KindName}){extra}");
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
}
