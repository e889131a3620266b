using Shannon.Cli;

namespace Shannon.Cli.Host;

/// <summary>
/// The `shannon` program: the composition root that runs the commands (Shannon.Cli) with the explorer
/// (Shannon.Web) wired into `serve`. The one place that knows the process console: every command prints through the
/// writers handed in here.
/// </summary>
public static class ShannonProgram
{
    /// <summary>The entry point of the `shannon` tool.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 success; 2 bad input or usage; 1 a bug.</returns>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error, errorIsConsole: true, Explorer);

    /// <summary>Runs `shannon` as the tool does, explorer included, on the given writers (tests and tools call this).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0 success; 2 bad input or usage; 1 a bug.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => CliApp.Run(args, output, error, errorIsConsole: false, Explorer);

    /// <summary>Gets the explorer that `serve` starts.</summary>
    public static IExplorerLauncher Explorer { get; } = new WebExplorerLauncher();
}
