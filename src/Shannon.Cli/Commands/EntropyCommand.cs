using System.CommandLine;
using System.Globalization;
using Shannon.Data;
using Shannon.Estimators;
using Shannon.Estimators.Discrete;

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
        command.Add(ClusterCommands.Option());
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

                Exact(text, u, json);
                return 0;
            }

            var settings = options.Settings(result);
            var warnings = new List<string>();
            InformationEstimate estimate;
            string name;
            string[] columnNames = [];
            MiOutcome? outcome = null;
            ColumnInfo[] cols = [];
            if (countsPath is not null)
            {
                name = settings.Estimator ?? "plugin";
                if (!EntropyEstimators.TryParse(name, out var estimator))
                {
                    throw new UsageException($"`--estimator` for --counts must be one of {string.Join(", ", EntropyEstimators.Names)}; got '{name}'.");
                }

                estimate = estimator.Estimate(DataFile.ReadCounts(countsPath), u);
            }
            else
            {
                using var data = DataFile.Open(path!);
                cols = DataOptions.Names(columnText, "--column").Select(n => data.Column(n, "--column")).ToArray();
                name = EstimatorRegistry.Resolve(settings, cols, warnings);
                if (settings.Estimator is null && name == "ksg1")
                {
                    // KSG estimates MI; the k-NN estimator of a real column's (differential) entropy is its ancestor.
                    name = "kozachenko-leonenko";
                }

                outcome = EstimatorRegistry.Entropy(data, cols, name, settings, u);
                estimate = outcome.Estimate;
                columnNames = [.. cols.Select(c => c.Name)];
            }

            warnings.AddRange(estimate.Warnings);
            if (json)
            {
                using var o = new JsonOutput(Console.Out);
                o.String("measure", "entropy").String("estimator", name).String("unit", InformationUnits.Name(u))
                    .Number("value", estimate.Value).Number("n", estimate.SampleCount);
                if (columnNames.Length > 0)
                {
                    o.Strings("columns", columnNames);
                }

                if (outcome is not null)
                {
                    EstimatorRegistry.WriteDiagnostics(o, outcome, cols);
                }
                else
                {
                    foreach (var (key, value) in estimate.Diagnostics)
                    {
                        o.Number(key, value);
                    }
                }

                o.Strings("warnings", warnings);
            }
            else
            {
                string label = columnNames.Length > 0 ? $"H({string.Join(",", columnNames)})" : "H";
                string extra = outcome is not null ? EstimatorRegistry.DiagnosticsText(outcome, cols)
                    : string.Concat(estimate.Diagnostics.Where(d => d.Key is "lambda" or "posterior_std" or "coverage" or "a").Select(d => $", {d.Key} {CommonOptions.Format(d.Value)}"));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} = {estimate.Information}  (estimator {name}, n = {estimate.SampleCount}{extra})"));
                foreach (var w in warnings)
                {
                    Console.Error.WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    private static void Exact(string text, InformationUnit u, bool json)
    {
        var p = CommonOptions.ParseList(text, "--probabilities");
        var h = Measures.Entropy(p, u);
        if (json)
        {
            using var o = new JsonOutput(Console.Out);
            o.String("measure", "entropy").String("estimator", "exact").String("unit", InformationUnits.Name(u))
                .Number("value", h.Value).Number("n", (long)p.Length)
                .Number("perplexity", Math.Exp(h.Nats)).Strings("warnings", []);
        }
        else
        {
            Console.Out.WriteLine($"H(P) = {h}  (perplexity {CommonOptions.Format(Math.Exp(h.Nats))}, {p.Length} outcomes)");
        }
    }
}
