using System.Net;
using System.Net.Sockets;

namespace Shannon.Cli.Tests;

/// <summary>`shannon serve`: bad options are usage errors (exit 2, one line); the server itself is tested in Shannon.Web.Tests.</summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("70000")]
    public void PortOutOfRange_IsUsageError(string port) =>
        CliRunner.AssertUsageError(["serve", "--port", port], "`--port` must be an integer in [0, 65535]", port);

    [Fact]
    public void HostThatIsNotAnAddress_IsUsageError() =>
        CliRunner.AssertUsageError(["serve", "--host", "example", "--port", "0"], "`--host` must be an IP address", "'example'");

    [Fact]
    public void ExplicitPortInUse_IsUsageError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            string port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            CliRunner.AssertUsageError(["serve", "--port", port], "cannot listen on 127.0.0.1:" + port);
        }
        finally
        {
            listener.Stop();
        }
    }
}
