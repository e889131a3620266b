using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Shannon.Web;

namespace Shannon.Cli.Host;

/// <summary>The explorer of Shannon.Web behind the command line's <see cref="IExplorerLauncher"/> seam.</summary>
internal sealed class WebExplorerLauncher : IExplorerLauncher
{
    public string DefaultHost => ExplorerOptions.DefaultHost;

    public int DefaultPort => ExplorerOptions.DefaultPort;

    public IRunningExplorer Start(string host, int port, bool fallbackToFreePort, string? corpusPath)
    {
        var options = new ExplorerOptions(host, port, fallbackToFreePort, corpusPath);
        var (app, address) = ExplorerServer.StartAsync(options).GetAwaiter().GetResult();
        return new RunningExplorer(app, address);
    }

    private sealed class RunningExplorer(WebApplication app, Uri address) : IRunningExplorer
    {
        public Uri Address => address;

        public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
