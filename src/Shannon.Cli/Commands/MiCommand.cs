using System.CommandLine;
using System.Globalization;
using Shannon.Data;
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
        var permutations = new Option<int?>("--permutations") { Description = "Permutation test with N shuffles (within Z strata for CMI): p = (n_ge + 1)/(N + 1)." };
        var bootstrap = new Option<int?>("--bootstrap") { Description = "Percentile bootstrap 95% interval from N resamples." };
        var options = new DataOptions();
        var command = new Command("mi", "Mutual information I(X;Y), or I(X;Y|Z), between columns of a data file.") { file, x, y, z, normalize, adjusted, permutations, bootstrap };
        options.AddTo(command);
        command.Add(ClusterCommands.Option());
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

            int? perms = result.GetValue(permutations);
            int? boots = result.GetValue(bootstrap);
            if (perms is int p && p < 1)
            {
                throw new UsageException($"`--permutations` must be >= 1; got {p}.");
            }

            if (boots is int b && b < 2)
            {
                throw new UsageException($"`--bootstrap` must be >= 2; got {b}.");
            }

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

            var warnings = new List<string>();
            string name = EstimatorRegistry.Resolve(settings, all, warnings);
            var outcome = EstimatorRegistry.MutualInformation(data, xs, ys, zs, name, settings, unit);
            warnings.AddRange(outcome.Estimate.Warnings);
            int[] xi = [.. Enumerable.Range(0, xs.Length)];
            int[] yi = [.. Enumerable.Range(xs.Length, ys.Length)];
            int[] zi = [.. Enumerable.Range(xs.Length + ys.Length, zs.Length)];

            double? score = null;
            string measure = zs.Length > 0 ? "cmi" : "mi";
            if (norm is not null || isAdjusted)
            {
                var table = outcome.Table ?? throw new UsageException($"`--normalize`/`--adjusted` need a discrete or binned estimator; got {name}.");
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

            PermutationTestResult? test = null;
            if (perms is int np)
            {
                var table = outcome.Table ?? throw new UsageException($"`--permutations` needs a discrete or binned estimator; got {name}.");
                var samples = Expand(table);
                var o = new PermutationTestOptions { Permutations = np, Seed = settings.Seed };
                test = zs.Length == 0
                    ? PermutationTest.MutualInformation(Group(samples, xi), Group(samples, yi), outcome.EntropyEstimator!, unit, o)
                    : PermutationTest.ConditionalMutualInformation(Group(samples, xi), Group(samples, yi), Group(samples, zi), outcome.EntropyEstimator!, unit, o);
            }

            BootstrapInterval? interval = null;
            if (boots is int nb)
            {
                var table = outcome.Table ?? throw new UsageException($"`--bootstrap` needs a discrete or binned estimator; got {name}.");
                interval = Bootstrap.MutualInformation(table, xi, yi, zi, outcome.EntropyEstimator!, unit,
                    new BootstrapOptions { Replicates = nb, Seed = settings.Seed });
            }

            var estimate = outcome.Estimate;
            string unitName = InformationUnits.Name(unit);
            if (result.GetValue(options.Json))
            {
                using var o = new JsonOutput(Console.Out);
                o.String("measure", measure).String("estimator", estimate.Estimator).String("unit", score is null ? unitName : "ratio")
                    .Number("value", score ?? estimate.Value).Number("n", estimate.SampleCount)
                    .Strings("x", xs.Select(c => c.Name)).Strings("y", ys.Select(c => c.Name));
                if (zs.Length > 0)
                {
                    o.Strings("z", zs.Select(c => c.Name));
                }

                if (score is not null)
                {
                    o.String("normalization", norm ?? "arithmetic").Number("mi", estimate.Value).String("mi_unit", unitName);
                }

                EstimatorRegistry.WriteDiagnostics(o, outcome, all);
                if (test is not null)
                {
                    o.Number("p_value", test.PValue).Number("permutations", (long)test.Permutations).Number("null_mean", test.NullMean);
                }

                if (interval is not null)
                {
                    o.Number("ci_low", interval.Lower).Number("ci_high", interval.Upper).Number("confidence", interval.Confidence)
                        .Number("bootstrap", (long)interval.Replicates).Number("standard_error", interval.StandardError);
                }

                if (test is not null || interval is not null)
                {
                    o.Number("seed", (long)settings.Seed);
                }

                o.Strings("warnings", warnings);
            }
            else
            {
                string label = $"I({string.Join(",", xs.Select(c => c.Name))}; {string.Join(",", ys.Select(c => c.Name))}" +
                    (zs.Length > 0 ? $" | {string.Join(",", zs.Select(c => c.Name))})" : ")");
                string details = string.Create(CultureInfo.InvariantCulture, $"  (estimator {estimate.Estimator}, n = {estimate.SampleCount}{EstimatorRegistry.DiagnosticsText(outcome, all)})");
                if (score is double s)
                {
                    Console.Out.WriteLine($"{(isAdjusted ? "AMI" : "NMI")}({norm ?? "arithmetic"}) = {CommonOptions.Format(s)}  ({label} = {estimate.Information}, {details.TrimStart().TrimStart('(').TrimEnd(')')})");
                }
                else
                {
                    Console.Out.WriteLine($"{label} = {estimate.Information}{details}");
                }

                if (test is not null)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"permutation test: p = {CommonOptions.Format(test.PValue)} ({test.CountAtLeast} of {test.Permutations} shuffles >= observed; null mean {CommonOptions.Format(test.NullMean)} {unitName}; seed {settings.Seed})"));
                }

                if (interval is not null)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"bootstrap {interval.Confidence:P0} interval: [{CommonOptions.Format(interval.Lower)}, {CommonOptions.Format(interval.Upper)}] {unitName} ({interval.Replicates} resamples; seed {settings.Seed})"));
                }

                foreach (var w in warnings)
                {
                    Console.Error.WriteLine("warning: " + w);
                }
            }

            return 0;
        });
        return command;
    }

    /// <summary>Expands a count table to samples for a permutation test, refusing what would not fit in a quarter of memory.</summary>
    internal static DiscreteVariable[] Expand(CountTable table)
    {
        long bytes = table.Total * 4L * (table.VariableCount + 1);
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4;
        if (bytes > limit || table.Total > Array.MaxLength)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"`--permutations` needs the {table.Total} rows in memory ({bytes / 1e9:0.0} GB); that is more than a quarter of the memory available. Use --bootstrap or a sample of the file."));
        }

        return table.ToSamples();
    }

    /// <summary>One variable for a group of columns (mixed-radix codes; the alphabet is the product of the level counts).</summary>
    internal static DiscreteVariable Group(DiscreteVariable[] samples, int[] indices)
    {
        if (indices.Length == 1)
        {
            return samples[indices[0]];
        }

        long product = 1;
        foreach (int i in indices)
        {
            product *= samples[i].LevelCount;
            if (product > int.MaxValue)
            {
                throw new UsageException("the joint variable of these columns has more than 2^31 possible values; too many for a permutation test.");
            }
        }

        var codes = new int[samples[indices[0]].Length];
        foreach (int i in indices)
        {
            var c = samples[i].Codes;
            int radix = samples[i].LevelCount;
            for (int r = 0; r < codes.Length; r++)
            {
                codes[r] = codes[r] * radix + c[r];
            }
        }

        return DiscreteVariable.FromCodes(codes, (int)product);
    }
}
