using System.CommandLine;
using System.Diagnostics;
using Shannon.Cli.Output;
using Shannon.Lab.Experiments;
using Shannon.Lab.Report;

namespace Shannon.Cli.Commands;

/// <summary>`shannon lab [EXPERIMENT...] [--out DIR] [--quick]`: runs the experiments and writes the report.</summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("EXPERIMENT") { Description = "Experiments to run (default: all).", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out") { Description = "The report folder (default: report).", DefaultValueFactory = _ => "report" };
        var quick = new Option<bool>("--quick") { Description = "A fast, smaller run of every experiment." };
        var list = new Option<bool>("--list") { Description = "List the experiments and exit." };
        var set = new Option<string[]>("--set") { Description = "An experiment setting key=value (repeatable), e.g. --set runs=5." };
        var activation = new Option<string>("--activation") { Description = "information-plane: tanh, relu or both (same as --set activation=...)." };
        var runs = new Option<string>("--runs") { Description = "information-plane: runs per activation (same as --set runs=...)." };
        var epochs = new Option<string>("--epochs") { Description = "information-plane: training epochs (same as --set epochs=...)." };
        var force = CommonOptions.Force();
        var command = new Command("lab", "Run the lab's experiments and write an HTML report with figures, tables and results.json.") { names, output, quick, list, set, activation, runs, epochs, force };
        command.SetAction(result =>
        {
            var all = ExperimentCatalog.All();
            if (result.GetValue(list))
            {
                foreach (var e in all)
                {
                    result.Output().WriteLine($"{e.Name,-24} {e.Title}");
                }

                return 0;
            }

            var chosen = new List<IExperiment>();
            foreach (var n in result.GetValue(names) ?? [])
            {
                chosen.Add(ExperimentCatalog.Find(n)
                    ?? throw new UsageException($"`EXPERIMENT` must be one of {string.Join(", ", all.Select(e => e.Name))}; got '{n}'."));
            }

            if (chosen.Count == 0)
            {
                chosen.AddRange(all);
            }

            string outDir = result.GetValue(output) ?? "report";

            // Checked before anything runs: an existing file, a link, or a folder of other files fails at once.
            Shannon.Data.OutputFile.CheckReportFolder(outDir, "--out", result.GetValue(force));
            bool isQuick = result.GetValue(quick);
            var watch = Stopwatch.StartNew();
            var settings = Settings(result.GetValue(set), ("activation", result.GetValue(activation)), ("runs", result.GetValue(runs)), ("epochs", result.GetValue(epochs)));
            var results = Run(result, chosen, isQuick, settings);
            var index = ReportWriter.Write(outDir, results, isQuick, result.GetValue(force));
            result.Output().WriteLine($"Report written to {index} ({results.Count} experiment{(results.Count == 1 ? "" : "s")}, {watch.Elapsed.TotalSeconds:0.0} s).");
            return 0;
        });
        return command;
    }

    private static Dictionary<string, string> Settings(string[]? pairs, params (string Key, string? Value)[] named)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs ?? [])
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"`--set` must be key=value; got '{pair}'.");
            }

            settings[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        foreach (var (key, value) in named)
        {
            if (value is not null)
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    private static List<ExperimentResult> Run(ParseResult result, List<IExperiment> experiments, bool quick, Dictionary<string, string> settings)
    {
        var results = new List<ExperimentResult>();
        using var progress = StderrProgress.ForCommand(result, "lab", json: false);
        foreach (var e in experiments)
        {
            var watch = Stopwatch.StartNew();
            progress.Label = "lab " + e.Name;
            progress.Report(quick ? "running (quick)" : "running", 0);
            results.Add(e.Run(new ExperimentContext { Quick = quick, Progress = progress, Settings = settings }));
            progress.Clear();
            result.Output().WriteLine($"[{e.Name}] done in {watch.Elapsed.TotalSeconds:0.0} s");
        }

        return results;
    }
}
