namespace Shannon.Cli;

/// <summary>
/// The seam through which `shannon serve` starts the explorer. The command line and the explorer are two faces that
/// know nothing of each other: the program that composes the `shannon` tool (src/Shannon.Cli.Host) hands an
/// implementation to <see cref="CliApp.Run(string[], TextWriter, TextWriter, bool, IExplorerLauncher?)"/>.
/// </summary>
public interface IExplorerLauncher
{
    /// <summary>Gets the address the explorer listens on when `--host` is not given (loopback: this machine only).</summary>
    string DefaultHost { get; }

    /// <summary>Gets the port the explorer listens on when `--port` is not given.</summary>
    int DefaultPort { get; }

    /// <summary>Starts listening and returns the running explorer.</summary>
    /// <param name="host">The IP address to listen on, as typed after `--host`.</param>
    /// <param name="port">The TCP port; 0 asks the operating system for a free one.</param>
    /// <param name="fallbackToFreePort">When the port is taken, listen on a free port instead of failing.</param>
    /// <param name="corpusPath">A UTF-8 text for the temperature panel's character model; null: the built-in text.</param>
    /// <returns>The running explorer.</returns>
    /// <exception cref="ArgumentException">The host is not an IP address, or the corpus does not exist.</exception>
    /// <exception cref="IOException">The address cannot be listened on (a port in use, an address this machine does not have).</exception>
    IRunningExplorer Start(string host, int port, bool fallbackToFreePort, string? corpusPath);
}

/// <summary>A started explorer: where it listens, and how to wait for it to stop.</summary>
public interface IRunningExplorer : IAsyncDisposable
{
    /// <summary>Gets the address the explorer listens on.</summary>
    Uri Address { get; }

    /// <summary>Waits until the explorer stops (Ctrl+C, or the process being told to end).</summary>
    /// <returns>A task that completes when the explorer has stopped.</returns>
    Task WaitForShutdownAsync();
}
