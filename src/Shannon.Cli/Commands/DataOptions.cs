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

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed for permutations, bootstrap and jitter (default 0).", DefaultValueFactory = _ => 0 };

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

    /// <summary>Splits "a,b" into column names, naming the option in errors.</summary>
    public static string[] Names(string? text, string option)
    {
        var names = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length > 0 ? names : throw new UsageException($"`{option}` must name at least one column; got '{text}'.");
    }
}
