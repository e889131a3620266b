using System.CommandLine;

namespace Shannon.Cli.Output;

/// <summary>
/// The invocation <see cref="CliApp.Run(string[], TextWriter, TextWriter, bool)"/> hands System.CommandLine: the
/// writers every command prints through (its <see cref="InvocationConfiguration.Output"/> and
/// <see cref="InvocationConfiguration.Error"/>), and whether the error writer is the process's own standard error.
/// Commands never touch the process console: two runs in one process (tests, the fuzzer, the docs) each see their own
/// writers.
/// </summary>
internal sealed class CliInvocation : InvocationConfiguration
{
    /// <summary>
    /// Whether <see cref="InvocationConfiguration.Error"/> is the process's standard error (only the entry point says
    /// so). Any other writer (a string, a file, a test's capture) is never a terminal, so no progress is drawn on it.
    /// </summary>
    public bool ErrorIsConsole { get; init; }
}

/// <summary>The writers of the running command, from its <see cref="ParseResult"/>.</summary>
internal static class CommandWriters
{
    /// <summary>Where the command prints its result (stdout).</summary>
    /// <param name="result">The running command's parse result.</param>
    /// <returns>The output writer handed to <see cref="CliApp.Run(string[], TextWriter, TextWriter)"/>.</returns>
    public static TextWriter Output(this ParseResult result) => result.InvocationConfiguration.Output;

    /// <summary>Where the command prints warnings, notes and progress (stderr).</summary>
    /// <param name="result">The running command's parse result.</param>
    /// <returns>The error writer handed to <see cref="CliApp.Run(string[], TextWriter, TextWriter)"/>.</returns>
    public static TextWriter Error(this ParseResult result) => result.InvocationConfiguration.Error;

    /// <summary>Whether the error writer is the process's standard error (see <see cref="CliInvocation.ErrorIsConsole"/>).</summary>
    /// <param name="result">The running command's parse result.</param>
    /// <returns>True only when the entry point handed in the process's console.</returns>
    public static bool ErrorIsConsole(this ParseResult result) => result.InvocationConfiguration is CliInvocation { ErrorIsConsole: true };
}
