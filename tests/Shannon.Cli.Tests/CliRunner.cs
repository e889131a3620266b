namespace Shannon.Cli.Tests;

/// <summary>
/// Runs the `shannon` command in process, as the tool composes it (<see cref="Host.ShannonProgram.Run"/>: the commands
/// with the explorer wired into `serve`), and captures stdout, stderr and the exit code. Every command prints through
/// the writers <see cref="CliApp.Run(string[], TextWriter, TextWriter)"/> is given, never the process console, so runs
/// on different threads (xunit runs test classes in parallel) keep their outputs apart.
/// </summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Host.ShannonProgram.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Asserts a usage error: exit code 2, nothing on stdout, exactly one line on stderr containing the fragments.</summary>
    public static string AssertUsageError(string[] args, params string[] fragments)
    {
        var (code, stdout, stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        foreach (var f in fragments)
        {
            Assert.Contains(f, stderr, StringComparison.Ordinal);
        }

        return lines[0];
    }
}
