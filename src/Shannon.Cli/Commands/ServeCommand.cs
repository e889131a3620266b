using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Shannon.Cli.Output;
using Shannon.Web;

namespace Shannon.Cli.Commands;

/// <summary>`shannon serve [--port N] [--host H]`: the explorer page, on 127.0.0.1 unless told otherwise.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "TCP port (default 5000, or a free port when 5000 is taken; 0 picks a free one)." };
        var host = new Option<string>("--host")
        {
            Description = "IP address to listen on (default 127.0.0.1: this machine only).",
            DefaultValueFactory = _ => ExplorerOptions.DefaultHost,
        };
        var corpus = new Option<string?>("--corpus") { Description = "A UTF-8 text to train the temperature panel's character model on (default: Shannon's built-in text)." };
        var command = new Command("serve", "The explorer: a local web page where every idea moves under your hand.") { port, host, corpus };
        command.SetAction(result =>
        {
            int? asked = result.GetValue(port);
            if (asked is < 0 or > 65535)
            {
                throw new UsageException($"`--port` must be an integer in [0, 65535]; got {asked}.");
            }

            var options = new ExplorerOptions(result.GetValue(host) ?? ExplorerOptions.DefaultHost, asked ?? ExplorerOptions.DefaultPort, FallbackToFreePort: asked is null, CorpusPath: result.GetValue(corpus));
            WebApplication app;
            Uri address;
            try
            {
                (app, address) = ExplorerServer.StartAsync(options).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
            {
                // A port in use, an address this machine does not have (`--host 65536` parses as 0.1.0.0): exit 2.
                throw new UsageException($"cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
            }

            result.Output().WriteLine($"Shannon explorer at {address} (Ctrl+C to stop)");
            result.Output().Flush();
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        });
        return command;
    }
}
