using System.CommandLine;
using System.Globalization;
using Shannon.Cli.Output;
using Shannon.Data;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Discrete;
using Shannon.Inference;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon entropy`: the exact entropy of a distribution (--probabilities), or an estimate from a data file's
/// column(s) (FILE --column C) or from a counts file (--counts FILE), with --estimator.
/// </summary>
internal static class EntropyCommand
{
    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "A CSV (header row required), Parquet or JSON file (with --column).", Arity = ArgumentArity.ZeroOrOne };
        var column = new Option<string?>("--column") { Description = "The column(s) of FILE, comma-separated (several make one joint variable)." };
        var counts = new Option<string?>("--counts") { Description = "A CSV whose column `count` holds non-negative integers, one bin per row." };
        var probabilities = new Option<string>("--probabilities") { Description = "A probability vector, e.g. 0.5,0.25,0.25 (must sum to 1 within 1e-9)." };
        var options = new DataOptions();
        var command = new Command("entropy", "Shannon entropy H(P) of a distribution, or estimated from a column or a counts file.") { file, column, counts, probabilities };
        options.AddTo(command);
        options.Estimator.Description = $"Estimator: {string.Join(", ", EntropyEstimators.Names)} (discrete; the only ones for --counts); binned or kozachenko-leonenko (real columns: differential entropy). Default: plugin for integer/text columns, kozachenko-leonenko for real ones.";
        ClusterCommands.AddTo(command);
        command.SetAction(result =>
        {
            if (ClusterCommands.Requested(result))
            {
                return ClusterCommands.Entropy(result);
            }

            var u = CommonOptions.ParseUnit(result.GetValue(options.Unit));
            string? path = result.GetValue(file), columnText = result.GetValue(column), countsPath = result.GetValue(counts);
            var text = result.GetValue(probabilities);
            int sources = (path is not null ? 1 : 0) + (countsPath is not null ? 1 : 0) + (text is not null ? 1 : 0);
            if (sources != 1)
            {
                throw new UsageException("`entropy` needs exactly one of `FILE --column C`, `--counts FILE` or `--probabilities LIST`.");
            }

            if (path is not null && columnText is null)
            {
                throw new UsageException("`entropy FILE` needs `--column C`.");
            }

            if (path is null && columnText is not null)
            {
                throw new UsageException("`--column` needs a FILE.");
            }

            bool json = result.GetValue(options.Json);
            if (text is not null)
            {
                if (result.GetValue(options.Estimator) is not null)
                {
                    throw new UsageException("`--estimator` applies to samples (FILE --column or --counts); --probabilities gives the exact entropy.");
                }

                Exact(result.Output(), text, u, json);
                return 0;
            }

            var settings = options.Settings(result);
            var (perms, boots) = options.Resampling(result);
            if (perms is not null)
            {
                throw new UsageException("`--permutations` tests the independence of two variables; it applies to mi, rank and matrix, not entropy.");
            }

            var warnings = new List<string>();
            InformationEstimate estimate;
            string name;
            string[] columnNames = [];
            BootstrapInterval? interval = null;
            bool fromFile = countsPath is null;
            if (countsPath is not null)
            {
                name = options.EstimatorName(result) ?? "plugin";
                if (!EntropyEstimators.TryParse(name, out var estimator))
                {
                    throw new UsageException($"`--estimator` for --counts must be one of {string.Join(", ", EntropyEstimators.Names)}; got '{name}'.");
                }

                var countValues = DataFile.ReadCounts(countsPath);
                estimate = estimator.Estimate(countValues, u);
                if (boots is int nb)
                {
                    interval = Bootstrap.Entropy(countValues, estimator, u, new BootstrapOptions { Replicates = nb, Seed = settings.Seed });
                }
            }
            else
            {
                using var data = DataFile.Open(path!);
                var cols = DataOptions.Names(columnText, "--column").Select(n => data.Column(n, "--column")).ToArray();
                var columns = options.Read(result, data, cols);
                string? requested = options.EstimatorName(result);
                if (requested is "ksg1" or "ksg2" && columns.All(c => !c.IsCategorical))
                {
                    // KSG estimates MI; the k-NN estimator of a real column's (differential) entropy is its ancestor.
                    requested = "kozachenko-leonenko";
                }

                estimate = EstimatorCatalogue.Entropy(requested, columns, settings, u);
                name = estimate.Estimator;
                columnNames = [.. cols.Select(c => c.Name)];
                if (boots is int nb)
                {
                    interval = EstimatorUncertainty.Entropy(name, columns, settings, u, new BootstrapOptions { Replicates = nb, Seed = settings.Seed });
                }
            }

            warnings.AddRange(estimate.Warnings);
            string symbol = estimate.Differential ? "h" : "H";
            if (json)
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", "entropy").String("estimator", name).String("unit", InformationUnits.Name(u))
                    .Number("value", estimate.Value).Number("n", estimate.SampleCount).String("n_counts", "samples");
                if (columnNames.Length > 0)
                {
                    o.Strings("columns", columnNames);
                }

                EstimateJson.WriteDetails(o.Writer, estimate);
                EstimateJson.WriteResampling(o.Writer, null, interval, settings.Seed);
                o.Strings("warnings", warnings);
            }
            else
            {
                string label = columnNames.Length > 0 ? $"{symbol}({string.Join(",", columnNames)})" : symbol;
                string extra = fromFile ? DataOptions.DiagnosticsText(estimate)
                    : string.Concat(estimate.Diagnostics.Where(d => d.Key is "lambda" or "posterior_std" or "coverage" or "a").Select(d => $", {d.Key} {CommonOptions.Format(d.Value)}"));
                string kind = estimate.Differential ? ", differential entropy of a density" : "";
                result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} = {estimate.Information}  (estimator {name}, n = {estimate.SampleCount}{extra}{kind})"));
                if (interval is not null)
                {
                    result.Output().WriteLine(DataOptions.IntervalLine(interval, InformationUnits.Name(u), settings.Seed));
                }

                foreach (var w in warnings)
                {
                    result.Error().WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    private static void Exact(TextWriter output, string text, InformationUnit u, bool json)
    {
        var p = CommonOptions.ParseList(text, "--probabilities");
        var h = Measures.Entropy(p, u);
        if (json)
        {
            using var o = new JsonOutput(output);
            o.String("measure", "entropy").String("estimator", "exact").String("unit", InformationUnits.Name(u))
                .Number("value", h.Value).Number("n", (long)p.Length).String("n_counts", "outcomes")
                .Number("perplexity", Math.Exp(h.Nats)).Strings("warnings", []);
        }
        else
        {
            output.WriteLine($"H(P) = {h}  (perplexity {CommonOptions.Format(Math.Exp(h.Nats))}, {p.Length} outcomes)");
        }
    }
}
