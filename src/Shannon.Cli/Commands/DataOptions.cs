using System.CommandLine;
using System.Globalization;
using Shannon.Data;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Inference;
using Shannon.Spatial;

namespace Shannon.Cli.Commands;

/// <summary>
/// The options of the data commands (entropy FILE, mi, rank, matrix): the estimator (a name of the library's
/// <see cref="EstimatorCatalogue"/>, or auto) and its parameters, the column-kind overrides, and the resampling.
/// </summary>
internal sealed class DataOptions
{
    public Option<string?> Estimator { get; } = new("--estimator")
    {
        Description = "Estimator: auto (default: chosen from the columns' kinds and reported), " + string.Join(", ", EstimatorCatalogue.Names) + ".",
    };

    public Option<int?> K { get; } = new("--k") { Description = "Neighbours for k-NN estimators (>= 1; default 3)." };

    public Option<int?> Bins { get; } = new("--bins") { Description = "Bins per real column for `binned` (default: Freedman-Diaconis)." };

    public Option<double?> Jitter { get; } = new("--jitter") { Description = "Noise (in standard deviations of each column) added to break ties (k-NN estimators; seeded)." };

    public Option<string?> Norm { get; } = new("--norm") { Description = "max (default) or euclidean, for kozachenko-leonenko and knn-kl." };

    public Option<int> Seed { get; } = new("--seed") { Description = SeedDescription, DefaultValueFactory = _ => 0 };

    /// <summary>The placeholder that <see cref="DescribeSeed"/> replaces by what the seed drives in each command.</summary>
    private const string SeedDescription = "Seed for --jitter (default 0).";

    public Option<string?> Discrete { get; } = new("--discrete") { Description = "Columns to treat as categorical whatever their values, comma-separated." };

    public Option<string?> Continuous { get; } = new("--continuous") { Description = "Numeric columns to treat as continuous whatever their values, comma-separated." };

    public Option<int?> Permutations { get; } = new("--permutations") { Description = "Permutation test with N shuffles (within Z strata for CMI): p = (n_ge + 1)/(N + 1)." };

    public Option<int?> Bootstrap { get; } = new("--bootstrap") { Description = "95% interval from N replicates: the percentile bootstrap of N row resamples (and its bias estimate); for the k-NN estimators, N half samples without replacement (a resample's repeated rows would be neighbours at distance 0)." };

    public Option<string> Unit { get; } = CommonOptions.Unit();

    public Option<bool> Json { get; } = CommonOptions.Json();

    public Option<bool> NoDequantize { get; } = new("--no-dequantize") { Description = "k-NN estimators: keep rounded or integer columns on their lattice (Gao et al. 2017's zero-distance rule alone) instead of spreading each value over one lattice step (seeded by --seed)." };

    public void AddTo(Command command)
    {
        command.Add(Estimator);
        command.Add(K);
        command.Add(Bins);
        command.Add(Jitter);
        command.Add(NoDequantize);
        command.Add(Norm);
        command.Add(Seed);
        command.Add(Discrete);
        command.Add(Continuous);
        command.Add(Permutations);
        command.Add(Bootstrap);
        command.Add(Unit);
        command.Add(Json);
    }

    /// <summary>The estimator's name as given (canonical), or null for the automatic choice.</summary>
    public string? EstimatorName(ParseResult result)
    {
        string? e = result.GetValue(Estimator);
        if (EstimatorCatalogue.IsAutomatic(e))
        {
            return null;
        }

        return EstimatorCatalogue.TryGet(e, out var entry)
            ? entry.Descriptor.Name
            : throw new UsageException($"`--estimator` must be one of auto, {string.Join(", ", EstimatorCatalogue.Names)}; got '{e}'.");
    }

    /// <summary>Parses and validates the estimator parameters.</summary>
    public EstimatorSettings Settings(ParseResult result)
    {
        int? k = result.GetValue(K), bins = result.GetValue(Bins);
        double? jitter = result.GetValue(Jitter);
        if (k is int kv && kv < 1)
        {
            throw new UsageException($"`--k` must be >= 1; got {kv}.");
        }

        if (bins is int b && b < 1)
        {
            throw new UsageException($"`--bins` must be >= 1; got {b}.");
        }

        if (jitter is double j && !(j >= 0 && double.IsFinite(j)))
        {
            throw new UsageException($"`--jitter` must be a finite number >= 0; got {CommonOptions.Format(j)}.");
        }

        string? normText = result.GetValue(Norm);
        string n = (normText ?? "max").Trim().ToLowerInvariant();
        if (n is not ("max" or "euclidean"))
        {
            throw new UsageException($"`--norm` must be max or euclidean; got '{normText}'.");
        }

        return new EstimatorSettings
        {
            K = k,
            Bins = bins,
            Jitter = jitter ?? 0,
            Dequantize = !result.GetValue(NoDequantize),
            Norm = n == "max" ? DistanceNorm.Maximum : DistanceNorm.Euclidean,
            Seed = result.GetValue(Seed),
        };
    }

    /// <summary>--permutations and --bootstrap, validated (null when not given).</summary>
    public (int? Permutations, int? Bootstrap) Resampling(ParseResult result)
    {
        int? perms = result.GetValue(Permutations), boots = result.GetValue(Bootstrap);
        if (perms is int p && p < 1)
        {
            throw new UsageException($"`--permutations` must be >= 1; got {p}.");
        }

        if (boots is int b && b < 2)
        {
            throw new UsageException($"`--bootstrap` must be >= 2; got {b}.");
        }

        return (perms, boots);
    }

    /// <summary>The kind overrides of --discrete and --continuous, each column checked against the file.</summary>
    public Dictionary<string, VariableKind> Overrides(ParseResult result, DataFile file)
    {
        var overrides = new Dictionary<string, VariableKind>(StringComparer.Ordinal);
        foreach (var (option, kind) in new[] { (Discrete, VariableKind.Categorical), (Continuous, VariableKind.Continuous) })
        {
            string? text = result.GetValue(option);
            if (text is null)
            {
                continue;
            }

            foreach (var name in Names(text, option.Name))
            {
                var c = file.Column(name, option.Name);
                if (overrides.TryGetValue(c.Name, out var other) && other != kind)
                {
                    throw new UsageException($"column '{c.Name}' is named by both --discrete and --continuous; pick one.");
                }

                overrides[c.Name] = kind;
            }
        }

        return overrides;
    }

    /// <summary>Reads the columns in one pass with the overrides applied.</summary>
    public SampleColumn[] Read(ParseResult result, DataFile file, IReadOnlyList<ColumnInfo> columns) => file.ReadColumns(columns, Overrides(result, file));

    /// <summary>
    /// Says in `--seed`'s help what it drives in this command: --jitter, and --permutations and --bootstrap where the
    /// command has them (called once for every command by <see cref="CliApp.BuildRoot(IExplorerLauncher)"/>, after all options are added).
    /// </summary>
    public static void DescribeSeed(Command command)
    {
        var seed = command.Options.FirstOrDefault(o => o.Name == "--seed" && o.Description == SeedDescription);
        if (seed is null)
        {
            return;
        }

        var uses = new[] { "--jitter", "--permutations", "--bootstrap" }.Where(f => command.Options.Any(o => o.Name == f)).ToArray();
        seed.Description = uses.Length switch
        {
            0 => SeedDescription,
            1 => $"Seed for {uses[0]} (default 0).",
            _ => $"Seed for {string.Join(", ", uses[..^1])} and {uses[^1]} (default 0).",
        };
    }

    /// <summary>Splits "a,b" into column names, naming the option in errors.</summary>
    public static string[] Names(string? text, string option)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length > 0 ? names : throw new UsageException($"`{option}` must name at least one column; got '{text}'.");
    }

    /// <summary>Text for the diagnostics a reader wants beside the value.</summary>
    public static string DiagnosticsText(InformationEstimate e)
    {
        var parts = e.Diagnostics
            .Where(d => d.Key is "lambda" or "posterior_std" or "coverage" or "a" or "k")
            .Select(d => $"{d.Key} {CommonOptions.Format(d.Value)}").ToList();
        parts.AddRange(e.BinCounts.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Value} bins for {b.Key}")));
        if (e.Choice is string choice)
        {
            parts.Add($"chose {choice}");
            if (e.Diagnostic(EstimateJson.AutoStandardErrorKey) is double se)
            {
                parts.Add($"standard error {CommonOptions.Format(se)}");
            }
        }

        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }

    /// <summary>One line per column whose kind a reader may not expect, for stderr.</summary>
    public static IEnumerable<string> KindNotes(IEnumerable<ColumnKindDecision> kinds) =>
        kinds.Select(d => $"column '{d.Column}': {d.KindName} ({d.Reason})");

    /// <summary>
    /// The text line of an interval: the percentile bootstrap with its bias estimate, or for the k-NN estimators the
    /// subsampling interval (half samples without replacement) with the half-sample shift.
    /// </summary>
    public static string IntervalLine(BootstrapInterval interval, string unitName, int seed)
    {
        string range = $"{interval.Confidence.ToString("P0", CultureInfo.InvariantCulture)} interval: [{CommonOptions.Format(interval.Lower)}, {CommonOptions.Format(interval.Upper)}] {unitName}";
        return interval.Method == IntervalMethod.Subsampling
            ? $"subsampling {range} (half samples without replacement, rescaled to n, as a bootstrap's repeated rows mislead k-NN distances; half-sample shift {CommonOptions.Format(interval.Bias)}; {interval.Replicates} half samples; seed {seed})"
            : $"bootstrap {range} (bias estimate {CommonOptions.Format(interval.Bias)}; {interval.Replicates} resamples; seed {seed})";
    }
}
