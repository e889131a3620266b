using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Shannon.Cluster;

/// <summary>The settings of one silo (`shannon cluster silo`).</summary>
public sealed record SiloSettings
{
    /// <summary>The address the silo listens on and advertises: loopback unless told otherwise.</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>The silo-to-silo port (Orleans' default 11111).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>The client gateway port (Orleans' default 30000).</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The primary silo's silo endpoint; null makes this silo the primary.</summary>
    public IPEndPoint? Primary { get; init; }

    /// <summary>The cluster id every silo and client must present (Orleans refuses connections with another); required, no default.</summary>
    public required string ClusterId { get; init; }

    /// <summary>The service id every silo and client must present; required, no default.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The folders shards may be read from.</summary>
    public IReadOnlyList<string> DataRoots { get; init; } = [Directory.GetCurrentDirectory()];

    /// <summary>
    /// A folder the silos share for Orleans' membership table (<see cref="FolderMembershipTable"/>), or null for
    /// development clustering (the table in the primary's memory: the cluster ends with the primary).
    /// </summary>
    public string? MembershipFolder { get; init; }

    /// <summary>A pause before each shard is read: for fault tests only.</summary>
    public TimeSpan ShardDelay { get; init; }
}

/// <summary>The settings shared by silos and clients, from the environment where a flag does not give them.</summary>
public static class ClusterDefaults
{
    /// <summary>The timeout of one grain call, unless SHANNON_CLUSTER_CALL_TIMEOUT (seconds) says otherwise.</summary>
    public static TimeSpan CallTimeout => Seconds("SHANNON_CLUSTER_CALL_TIMEOUT", 120);

    /// <summary>The timeout of connecting to a gateway.</summary>
    public static TimeSpan ConnectTimeout => Seconds("SHANNON_CLUSTER_CONNECT_TIMEOUT", 15);

    /// <summary>The cluster id from SHANNON_CLUSTER_ID, or null: there is no default, a cluster's ids are required to join it.</summary>
    public static string? ClusterIdFromEnvironment => Environment.GetEnvironmentVariable("SHANNON_CLUSTER_ID") is { Length: > 0 } v ? v : null;

    /// <summary>The service id from SHANNON_SERVICE_ID, or null (required, as the cluster id).</summary>
    public static string? ServiceIdFromEnvironment => Environment.GetEnvironmentVariable("SHANNON_SERVICE_ID") is { Length: > 0 } v ? v : null;

    private static TimeSpan Seconds(string variable, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), System.Globalization.CultureInfo.InvariantCulture, out double s) && s > 0
            ? TimeSpan.FromSeconds(s) : TimeSpan.FromSeconds(fallback);
}

/// <summary>
/// Hosts one Orleans silo with development clustering (the primary keeps the membership table in memory, the others
/// join it; the cluster ends with the primary) or, with <see cref="SiloSettings.MembershipFolder"/>, with the table in
/// a folder the silos share (<see cref="FolderMembershipTable"/>; the cluster survives any one silo). Liveness is tuned for a small cluster (a silo that stops answering probes is declared dead in a few
/// seconds), and every grain call has <see cref="ClusterDefaults.CallTimeout"/>.
/// </summary>
public static class SiloHost
{
    /// <summary>Builds the silo's host (not started).</summary>
    /// <param name="settings">The settings.</param>
    /// <returns>The host.</returns>
    public static IHost Build(SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var access = new ShardAccess(settings.DataRoots, settings.ShardDelay);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSingleton(access);
        builder.UseOrleans(silo =>
        {
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = settings.Host;
                o.SiloPort = settings.SiloPort;
                o.GatewayPort = settings.GatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(settings.Host, settings.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(settings.Host, settings.GatewayPort);
            });
            if (settings.MembershipFolder is string folder)
            {
                silo.ConfigureServices(services =>
                {
                    services.AddSingleton(new FolderMembershipOptions(Path.GetFullPath(folder)));
                    services.AddSingleton<IMembershipTable, FolderMembershipTable>();
                });
            }
            else
            {
                silo.UseDevelopmentClustering(settings.Primary ?? new IPEndPoint(settings.Host, settings.SiloPort));
            }

            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                o.MaxJoinAttemptTime = TimeSpan.FromSeconds(60);
            });
            silo.Configure<SiloMessagingOptions>(o =>
            {
                o.ResponseTimeout = ClusterDefaults.CallTimeout;
                o.SystemResponseTimeout = TimeSpan.FromSeconds(10);
                o.MaxMessageBodySize = 1 << 30;
            });
        });
        return builder.Build();
    }

    /// <summary>Runs a silo until <paramref name="cancellation"/> fires; prints one line when it is ready.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="output">Where the ready line goes.</param>
    /// <param name="cancellation">Stops the silo.</param>
    /// <returns>When the silo has stopped.</returns>
    public static async Task RunAsync(SiloSettings settings, TextWriter output, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        using var host = Build(settings);
        using (var start = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            start.CancelAfter(TimeSpan.FromSeconds(90));
            await host.StartAsync(start.Token);
        }

        string role = settings.MembershipFolder is string folder ? $"membership in {folder}" : settings.Primary is null ? "primary" : $"joined {settings.Primary}";
        await output.WriteLineAsync(
            $"silo ready: {settings.Host}:{settings.SiloPort} (gateway {settings.Host}:{settings.GatewayPort}, {role}; cluster '{settings.ClusterId}', service '{settings.ServiceId}'; data {string.Join(", ", settings.DataRoots.Select(Path.GetFullPath))})");
        await output.FlushAsync(cancellation);
        // Stop on the caller's token or on the host's own (SIGTERM and Ctrl+C reach the host's console lifetime).
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellation, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(stop.Token);
    }
}
