using System.CommandLine;

namespace Shannon.Cli.Commands;

/// <summary>The options of the data commands (mi, rank, matrix, entropy FILE): estimator and its parameters.</summary>
internal sealed class DataOptions
{
    public Option<string?> Estimator { get; } = new("--estimator") { Description = "Estimator: plugin, miller-madow, chao-shen, james-stein, nsb, grassberger, jeffreys, laplace, perks, minimax (discrete); binned, ksg1, ... (continuous). Default: plugin for integer/text columns, ksg1 for real ones." };

    public Option<int?> K { get; } = new("--k") { Description = "Neighbours for k-NN estimators (>= 1)." };

    public Option<int?> Bins { get; } = new("--bins") { Description = "Bins per real column for `binned` (default: Freedman-Diaconis; 10 when the IQR is 0)." };

    public Option<double?> Jitter { get; } = new("--jitter") { Description = "Noise amplitude added to break ties (k-NN estimators; seeded)." };

    public Option<string?> Norm { get; } = new("--norm") { Description = "max (default) or euclidean, for k-NN estimators." };

    public Option<int> Seed { get; } = new("--seed") { Description = SeedDescription, DefaultValueFactory = _ => 0 };

    /// <summary>The placeholder that <see cref="DescribeSeed"/> replaces by what the seed drives in each command.</summary>
    private const string SeedDescription = "Seed for --jitter (default 0).";

    public Option<string> Unit { get; } = CommonOptions.Unit();

    public Option<bool> Json { get; } = CommonOptions.Json();

    public void AddTo(Command command)
    {
        command.Add(Estimator);
        command.Add(K);
        command.Add(Bins);
        command.Add(Jitter);
        command.Add(Norm);
        command.Add(Seed);
        command.Add(Unit);
        command.Add(Json);
    }

    public EstimatorSettings Settings(ParseResult result) => EstimatorRegistry.Settings(
        result.GetValue(Estimator), result.GetValue(K), result.GetValue(Bins), result.GetValue(Jitter), result.GetValue(Norm), result.GetValue(Seed));

    /// <summary>
    /// Says in `--seed`'s help what it drives in this command: --jitter, and --permutations and --bootstrap where the
    /// command has them (called once for every command by <see cref="CliApp.BuildRoot"/>, after all options are added).
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
}
