using System.CommandLine;

namespace Shannon.Cli.Commands;

/// <summary>Every subcommand of `shannon`. Add one line per new command.</summary>
/// <remarks>The explorer is handed in by the composition root (null: `serve` is listed but says it is not available).</remarks>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(IExplorerLauncher? explorer) =>
    [
        EntropyCommand.Create(),
        DivergenceCommands.Create("kl", "Kullback-Leibler divergence D(P||Q) (use --reverse for D(Q||P)).", DivergenceKind.KullbackLeibler),
        DivergenceCommands.Create("cross-entropy", "Cross-entropy H(P, Q) = H(P) + D(P||Q).", DivergenceKind.CrossEntropy),
        DivergenceCommands.Create("js", "Jensen-Shannon divergence (and distance) between P and Q.", DivergenceKind.JensenShannon),
        ConvertCommand.Create(),
        LabCommand.Create(),
        CalibrationCommand.Create(),
        ServeCommand.Create(explorer),
        LmCommand.Create(),
        PmiCommand.Create(),
        IbCommand.Create(),
        MiCommand.Create(),
        RankCommand.Create(),
        MatrixCommand.Create(),
        ClusterCommands.Create(),
    ];
}
