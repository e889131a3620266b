using System.CommandLine;
using Shannon.Cli.Output;
using System.Globalization;
using Shannon.Cluster;
using Shannon.Data;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Discrete;
using Shannon.Inference;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon mi FILE --x C[,C...] --y C[,C...] [--z C[,C...]] [--estimator E] [--normalize M] [--adjusted]
/// [--permutations N] [--bootstrap N] [--seed S] [--unit U] [--json]`: mutual information (conditional with --z)
/// between column groups of a CSV, Parquet or JSON file.
/// </summary>
internal static class MiCommand
{
    private static readonly string[] Normalizations = ["arithmetic", "geometric", "min", "max", "joint"];

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV (header row required), Parquet or JSON file." };
        var x = new Option<string>("--x") { Description = "Column(s) of X, comma-separated (several make one joint variable).", Required = true };
        var y = new Option<string>("--y") { Description = "Column(s) of Y.", Required = true };
        var z = new Option<string?>("--z") { Description = "Column(s) to condition on: I(X;Y|Z)." };
        var normalize = new Option<string?>("--normalize") { Description = "Normalized MI as scikit-learn: arithmetic, geometric, min, max, or joint (I/H(X,Y))." };
        var adjusted = new Option<bool>("--adjusted") { Description = "Adjusted MI (chance-corrected, scikit-learn's definition; --normalize picks the mean, default arithmetic)." };
        var options = new DataOptions();
        var command = new Command("mi", "Mutual information I(X;Y), or I(X;Y|Z), between columns of a data file.") { file, x, y, z, normalize, adjusted };
        options.AddTo(command);
        ClusterCommands.AddTo(command);
        command.SetAction(result =>
        {
            if (ClusterCommands.Requested(result))
            {
                return ClusterCommands.Mi(result);
            }

            var unit = CommonOptions.ParseUnit(result.GetValue(options.Unit));
            var settings = options.Settings(result);
            string? norm = result.GetValue(normalize)?.Trim().ToLowerInvariant();
            if (norm is not null && Array.IndexOf(Normalizations, norm) < 0)
            {
                throw new UsageException($"`--normalize` must be one of {string.Join(", ", Normalizations)}; got '{result.GetValue(normalize)}'.");
            }

            bool isAdjusted = result.GetValue(adjusted);
            if (isAdjusted && norm == "joint")
            {
                throw new UsageException("`--normalize joint` cannot be combined with `--adjusted`: scikit-learn defines AMI for arithmetic, geometric, min and max.");
            }

            var (perms, boots) = options.Resampling(result);
            string? requested = options.EstimatorName(result);

            using var data = DataFile.Open(result.GetValue(file)!);
            var xs = DataOptions.Names(result.GetValue(x), "--x").Select(n => data.Column(n, "--x")).ToArray();
            var ys = DataOptions.Names(result.GetValue(y), "--y").Select(n => data.Column(n, "--y")).ToArray();
            var zText = result.GetValue(z);
            var zs = zText is null ? [] : DataOptions.Names(zText, "--z").Select(n => data.Column(n, "--z")).ToArray();
            ColumnInfo[] all = [.. xs, .. ys, .. zs];
            var duplicate = all.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new UsageException($"column '{duplicate.Key}' appears in more than one of --x, --y, --z; the groups must be disjoint.");
            }

            if ((norm is not null || isAdjusted) && zs.Length > 0)
            {
                throw new UsageException("`--normalize` and `--adjusted` are defined for two variables; drop --z.");
            }

            var columns = options.Read(result, data, all);
            var cx = columns[..xs.Length];
            var cy = columns[xs.Length..(xs.Length + ys.Length)];
            var cz = columns[(xs.Length + ys.Length)..];
            var warnings = new List<string>();
            var estimate = EstimatorCatalogue.MutualInformation(requested, cx, cy, cz, settings, unit);
            string name = estimate.Estimator;
            int[] xi = [.. Enumerable.Range(0, xs.Length)];
            int[] yi = [.. Enumerable.Range(xs.Length, ys.Length)];

            double? score = null;
            string measure = zs.Length > 0 ? "cmi" : "mi";
            if (norm is not null || isAdjusted)
            {
                if (!(EntropyEstimators.Names.Contains(name) || name == "binned"))
                {
                    throw new UsageException($"`--normalize`/`--adjusted` need a discrete or binned estimator; got {name}.");
                }

                var table = CountTable.FromSamples([.. columns.Select(c => name == "binned" ? Discretization.Bin(c, settings.Bins).Column : c)
                    .Select(c => DiscreteVariable.FromCodes(c.Codes, Math.Max(1, c.LevelCount)))]);
                var method = Enum.Parse<MutualInformationNormalization>(norm ?? "arithmetic", ignoreCase: true);
                if (name is not ("plugin" or "binned"))
                {
                    warnings.Add($"normalized and adjusted MI follow scikit-learn (plug-in MI and entropies); the {name} estimate is reported as `mi`.");
                }

                score = isAdjusted
                    ? ClusteringScores.AdjustedMutualInformation(table, xi, yi, method)
                    : ClusteringScores.NormalizedMutualInformation(table, xi, yi, method);
                measure = isAdjusted ? "ami" : "nmi";
            }

            PermutationTestResult? test;
            BootstrapInterval? interval;
            if ((perms is not null || boots is not null) && EntropyEstimators.Names.Contains(name) && columns.All(c => c.IsCategorical))
            {
                // Discrete columns: the count table is a sufficient statistic, and the replicates run on the samples it
                // expands to (cells in the engine's sorted order), so the answer does not depend on the row order and is
                // the one a cluster computes from merged shard tables.
                var (table, _) = data.CountTable(all);
                int[] zi = [.. Enumerable.Range(xs.Length + ys.Length, zs.Length)];
                var e = EntropyEstimators.Parse(name);
                test = perms is int np ? PermutationTest.MutualInformation(table, xi, yi, zi, e, unit, new PermutationTestOptions { Permutations = np, Seed = settings.Seed }) : null;
                interval = boots is int nb ? Bootstrap.MutualInformation(table, xi, yi, zi, e, unit, new BootstrapOptions { Replicates = nb, Seed = settings.Seed }) : null;
            }
            else
            {
                using var progress = StderrProgress.ForCommand(result, "mi", result.GetValue(options.Json));
                progress.Label = "mi: permutations";
                test = perms is int np
                    ? EstimatorUncertainty.MutualInformationPermutation(name, cx, cy, cz, settings, unit, new PermutationTestOptions { Permutations = np, Seed = settings.Seed }, progress)
                    : null;
                progress.Label = "mi: bootstrap";
                interval = boots is int nb
                    ? EstimatorUncertainty.MutualInformation(name, cx, cy, cz, settings, unit, new BootstrapOptions { Replicates = nb, Seed = settings.Seed }, progress)
                    : null;
                progress.Clear();
            }
            warnings.AddRange(estimate.Warnings);
            if (interval is not null)
            {
                warnings.AddRange(EstimatorCatalogue.BoundWarnings(estimate, cx, cy, interval.StandardError, cz).Where(w => !warnings.Contains(w)).ToList());
            }

            string unitName = InformationUnits.Name(unit);
            if (result.GetValue(options.Json))
            {
                using var o = new JsonOutput(result.Output());
                o.String("measure", measure).String("estimator", estimate.Estimator).String("unit", score is null ? unitName : "ratio")
                    .Number("value", score ?? estimate.Value).Number("n", estimate.SampleCount).String("n_counts", "samples")
                    .Strings("x", xs.Select(c => c.Name)).Strings("y", ys.Select(c => c.Name));
                if (zs.Length > 0)
                {
                    o.Strings("z", zs.Select(c => c.Name));
                }

                if (score is not null)
                {
                    o.String("normalization", norm ?? "arithmetic").Number("mi", estimate.Value).String("mi_unit", unitName);
                }

                EstimateJson.WriteDetails(o.Writer, estimate);
                EstimateJson.WriteResampling(o.Writer, test, interval, settings.Seed);

                o.Strings("warnings", warnings);
            }
            else
            {
                string label = $"I({string.Join(",", xs.Select(c => c.Name))}; {string.Join(",", ys.Select(c => c.Name))}" +
                    (zs.Length > 0 ? $" | {string.Join(",", zs.Select(c => c.Name))})" : ")");
                string details = string.Create(CultureInfo.InvariantCulture, $"  (estimator {estimate.Estimator}, n = {estimate.SampleCount}{DataOptions.DiagnosticsText(estimate)})");
                if (score is double s)
                {
                    result.Output().WriteLine($"{(isAdjusted ? "AMI" : "NMI")}({norm ?? "arithmetic"}) = {CommonOptions.Format(s)}  ({label} = {estimate.Information}, {details.TrimStart().TrimStart('(').TrimEnd(')')})");
                }
                else
                {
                    result.Output().WriteLine($"{label} = {estimate.Information}{details}");
                }

                if (test is not null)
                {
                    result.Output().WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"permutation test: p = {CommonOptions.Format(test.PValue)} ({test.CountAtLeast} of {test.Permutations} shuffles >= observed; null mean {CommonOptions.Format(test.NullMean)} {unitName}; seed {settings.Seed})"));
                }

                if (interval is not null)
                {
                    result.Output().WriteLine(DataOptions.IntervalLine(interval, unitName, settings.Seed));
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
}
