using System.CommandLine;
using Shannon.Cli.Output;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon serve [--port N] [--host H]`: the explorer page, on 127.0.0.1 unless told otherwise. The command parses
/// and reports; the explorer itself comes through <see cref="IExplorerLauncher"/>, which the composition root
/// (src/Shannon.Cli.Host) supplies, so the command line never references the web face.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(IExplorerLauncher? explorer)
    {
        var port = new Option<int?>("--port") { Description = "TCP port (default 5000, or a free port when 5000 is taken; 0 picks a free one)." };
        var host = new Option<string?>("--host") { Description = "IP address to listen on (default 127.0.0.1: this machine only)." };
        if (explorer is not null)
        {
            host.DefaultValueFactory = _ => explorer.DefaultHost;
        }

        var corpus = new Option<string?>("--corpus") { Description = "A UTF-8 text to train the temperature panel's character model on (default: Shannon's built-in text)." };
        var command = new Command("serve", "The explorer: a local web page where every idea moves under your hand.") { port, host, corpus };
        command.SetAction(result =>
        {
            int? asked = result.GetValue(port);
            if (asked is < 0 or > 65535)
            {
                throw new UsageException($"`--port` must be an integer in [0, 65535]; got {asked}.");
            }

            if (explorer is null)
            {
                // A program that runs the commands without composing the explorer in (CliApp.Run without a launcher).
                throw new UsageException("`serve` is not available in this program: it runs the commands without the explorer; use the `shannon` tool or ./shannon.");
            }

            string listenHost = result.GetValue(host) ?? explorer.DefaultHost;
            int listenPort = asked ?? explorer.DefaultPort;
            IRunningExplorer running;
            try
            {
                running = explorer.Start(listenHost, listenPort, fallbackToFreePort: asked is null, result.GetValue(corpus));
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                // A port in use, an address this machine does not have (`--host 65536` parses as 0.1.0.0): exit 2.
                throw new UsageException($"cannot listen on {listenHost}:{listenPort}: {e.Message}", e);
            }

            result.Output().WriteLine($"Shannon explorer at {running.Address} (Ctrl+C to stop)");
            result.Output().Flush();
            running.WaitForShutdownAsync().GetAwaiter().GetResult();
            running.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
