using System.CommandLine;
using Shannon.Cli.Commands;
using Shannon.Cli.Output;

namespace Shannon.Cli;

/// <summary>
/// The `shannon` command: parse, call the library, print. Exit codes: 0 success; 2 bad input or usage (one line
/// on stderr, no stack trace); 1 a bug.
/// </summary>
public static class CliApp
{
    /// <summary>Builds the root command with every subcommand, without the explorer (`serve` says it is not available).</summary>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRoot() => BuildRoot(explorer: null);

    /// <summary>Builds the root command with every subcommand.</summary>
    /// <param name="explorer">What `serve` starts; null: `serve` is listed but says it is not available.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRoot(IExplorerLauncher? explorer)
    {
        // The usage line says `shannon` however the command was started (the tool's shim, `dotnet Shannon.Cli.Host.dll`, a test host).
        var root = new RootCommand("Shannon: information theory for machine learning. Measures, estimators and the lab.") { HelpName = "shannon" };
        foreach (var command in CommandCatalog.All(explorer))
        {
            DataOptions.DescribeSeed(command);
            root.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Runs the command line and returns the exit code. Every command prints through <paramref name="output"/> and
    /// <paramref name="error"/> only (never through the process console), so runs on different writers may go on at
    /// once in one process. The progress display stays off: these writers are not taken to be a terminal.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <returns>0, 1 or 2.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, errorIsConsole: false);

    /// <summary>Runs the command line, without the explorer, and returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="errorIsConsole">
    /// Whether <paramref name="error"/> is the process's standard error (the entry point says so). Only then may the
    /// progress display draw, and only when that stream is a terminal and the output is not JSON.
    /// </param>
    /// <returns>0, 1 or 2.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool errorIsConsole) => Run(args, output, error, errorIsConsole, explorer: null);

    /// <summary>Runs the command line and returns the exit code: the form the composition root calls.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="errorIsConsole">
    /// Whether <paramref name="error"/> is the process's standard error (the entry point says so). Only then may the
    /// progress display draw, and only when that stream is a terminal and the output is not JSON.
    /// </param>
    /// <param name="explorer">What `serve` starts; null: `serve` says it is not available (exit 2).</param>
    /// <returns>0, 1 or 2.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool errorIsConsole, IExplorerLauncher? explorer)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = BuildRoot(explorer);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The full path as typed: `shannon lm train`, not `shannon train`.
            var names = new List<string>();
            for (var r = parsed.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, r.Command == root ? "shannon" : r.Command.Name);
            }

            string path = string.Join(' ', names);
            var first = parsed.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parsed.Errors[0];
            error.WriteLine($"shannon: {OneLine(first.Message)} (see '{path} --help')");
            return 2;
        }

        try
        {
            // Synchronized, as the console's own writers are: parallel workers (the progress display, a lab
            // experiment) may write while the command prints.
            return parsed.Invoke(new CliInvocation
            {
                EnableDefaultExceptionHandler = false,
                Output = TextWriter.Synchronized(output),
                Error = TextWriter.Synchronized(error),
                ErrorIsConsole = errorIsConsole,
            });
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            error.WriteLine("shannon: " + OneLine(UserMessage(ex, parsed.CommandResult.Command)));
            return 2;
        }
        catch (Exception ex)
        {
            error.WriteLine("shannon: internal error (a bug, please report it): " + ex);
            return 1;
        }
    }

    // IOException covers what the file system says about a path the user gave: a symbolic-link loop, a full disk,
    // a file that vanished. It names the path; it is not a bug in Shannon.
    private static bool IsUserError(Exception ex) =>
        ex is ArgumentException or UsageException or FileNotFoundException or DirectoryNotFoundException
            or UnauthorizedAccessException or FormatException or InvalidDataException or IOException;

    private static string UserMessage(Exception ex, Command command)
    {
        if (ex is ArgumentException a)
        {
            string m = a.Message;
            if (a.ParamName is not null)
            {
                // ArgumentException appends " (Parameter 'x')"; the message already names the parameter.
                string suffix = $" (Parameter '{a.ParamName}')";
                int at = m.IndexOf(suffix, StringComparison.Ordinal);
                m = at >= 0 ? m.Remove(at, suffix.Length) : m;
            }

            // The library names its parameters; the user typed flags.
            return UserWords.ForCommand(m, command);
        }

        return ex.Message;
    }

    private static string OneLine(string message) =>
        message.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
}

/// <summary>A usage error found by the command itself (exit code 2, message printed as one line).</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">One sentence naming the option, the value and the fix.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error.</summary>
    public UsageException()
    {
    }

    /// <summary>Creates the error.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
