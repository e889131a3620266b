using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.Placement;
using Orleans.Runtime;

namespace Shannon.Cluster;

/// <summary>The cluster cannot do the job: no gateway answers, or every silo is gone. One line naming the address.</summary>
public sealed class ClusterUnavailableException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">One line naming the cluster address.</param>
    public ClusterUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error.</summary>
    public ClusterUnavailableException()
    {
    }

    /// <summary>Creates the error.</summary>
    /// <param name="message">One line naming the cluster address.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A client connection to a cluster and the job coordinator's dispatcher: work units are spread round-robin over
/// the live silos (Orleans' placement hint), each call has a timeout, and a unit whose call fails (its silo died, or
/// did not answer in time) is retried on another live silo under a new grain key. A unit whose input is refused is
/// not retried: the refusal is the answer.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private const int MaxAttempts = 8;

    private readonly IHost _host;
    private readonly ConcurrentDictionary<string, int> _unitsBySilo = new(StringComparer.Ordinal);
    private int _retries;
    private long _jobs;

    private ClusterConnection(IHost host, string address, TimeSpan callTimeout)
    {
        _host = host;
        Address = address;
        CallTimeout = callTimeout;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>The cluster address as given (HOST:PORT[,HOST:PORT...]).</summary>
    public string Address { get; }

    /// <summary>The timeout of one grain call.</summary>
    public TimeSpan CallTimeout { get; }

    /// <summary>The grain factory.</summary>
    public IClusterClient Grains { get; }

    /// <summary>Units retried after a failed call, over this connection's life.</summary>
    public int Retries => _retries;

    /// <summary>Units completed by each silo (host:port).</summary>
    public IReadOnlyDictionary<string, int> UnitsBySilo => _unitsBySilo;

    /// <summary>Parses HOST:PORT[,HOST:PORT...] (HOST an IP address or localhost).</summary>
    /// <param name="text">The address.</param>
    /// <param name="option">The option that gave it, for the message.</param>
    /// <returns>The gateways.</returns>
    public static IPEndPoint[] ParseEndpoints(string? text, string option = "--cluster")
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException($"`{option}` must be HOST:PORT[,HOST:PORT...]; got '{text}'.", option);
        }

        return [.. parts.Select(p => ParseEndpoint(p, option))];
    }

    /// <summary>Parses one HOST:PORT.</summary>
    /// <param name="text">The endpoint.</param>
    /// <param name="option">The option that gave it, for the message.</param>
    /// <returns>The endpoint.</returns>
    public static IPEndPoint ParseEndpoint(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"`{option}` must be HOST:PORT with a port in 1..65535; got '{text}'.", option);
        }

        string host = text[..colon].Trim('[', ']');
        IPAddress? address = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed : null;
        return address is null
            ? throw new ArgumentException($"`{option}` must name the host by IP address (or localhost); got '{host}'.", option)
            : new IPEndPoint(address, port);
    }

    /// <summary>Connects to the cluster through its gateways.</summary>
    /// <param name="gateways">The gateways.</param>
    /// <param name="clusterId">The cluster id (must match the silos').</param>
    /// <param name="serviceId">The service id.</param>
    /// <param name="cancellation">Cancels the connection attempt.</param>
    /// <returns>The connection.</returns>
    public static async Task<ClusterConnection> ConnectAsync(IReadOnlyList<IPEndPoint> gateways, string clusterId, string serviceId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(gateways);
        string address = string.Join(",", gateways.Select(g => g.ToString()));
        var callTimeout = ClusterDefaults.CallTimeout;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering([.. gateways]);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.Configure<ClientMessagingOptions>(o =>
            {
                o.ResponseTimeout = callTimeout;
                o.MaxMessageBodySize = 1 << 30;
            });
        });
        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(ClusterDefaults.ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token).WaitAsync(ClusterDefaults.ConnectTimeout + TimeSpan.FromSeconds(1), cancellation);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"cannot reach the cluster at {address} (cluster id '{clusterId}'): {Reason(ex)}", ex);
        }

        var connection = new ClusterConnection(host, address, callTimeout);
        try
        {
            await connection.LiveSilosAsync(cancellation);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return connection;
    }

    /// <summary>
    /// How long <see cref="LiveSilosAsync"/> keeps asking while the cluster does not answer: long enough for Orleans to
    /// declare a killed silo dead (about 1 s per missed probe, 2 probes, then a table refresh), so that a question that
    /// reached the dead silo first is answered by a survivor; a cluster that lost its membership (the primary of
    /// development clustering) never answers and ends the job after this wait.
    /// </summary>
    public static TimeSpan MembershipSettleTime { get; } = TimeSpan.FromSeconds(12);

    /// <summary>The active silos, sorted by address.</summary>
    /// <param name="cancellation">Cancels the wait.</param>
    /// <returns>The silos.</returns>
    public async Task<SiloAddress[]> LiveSilosAsync(CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + MembershipSettleTime;
        while (true)
        {
            try
            {
                var hosts = await Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(10), cancellation);
                var silos = hosts.Keys.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
                return silos.Length > 0 ? silos : throw new ClusterUnavailableException($"the cluster at {Address} has no active silo.");
            }
            catch (Exception ex) when (ex is not ClusterUnavailableException && !cancellation.IsCancellationRequested)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new ClusterUnavailableException($"the cluster at {Address} does not answer: {Reason(ex)}", ex);
                }

                Trace($"the cluster does not answer yet ({Reason(ex)}); asking again");
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="units"/> work units, spread over the live silos, retrying failed calls elsewhere.
    /// </summary>
    /// <typeparam name="T">The units' result.</typeparam>
    /// <param name="units">How many units.</param>
    /// <param name="call">Calls the grain with this key for this unit.</param>
    /// <param name="cancellation">Cancels the job.</param>
    /// <returns>Each unit's result, in unit order.</returns>
    public async Task<T[]> RunAsync<T>(int units, Func<string, int, Task<GrainReply<T>>> call, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        string job = $"{Environment.ProcessId}-{Interlocked.Increment(ref _jobs)}-{Guid.NewGuid():N}";
        var swj = System.Diagnostics.Stopwatch.StartNew();
        var live = await LiveSilosAsync(cancellation);
        Trace($"{live.Length} live silos after {swj.ElapsedMilliseconds} ms");
        var suspects = new ConcurrentDictionary<SiloAddress, bool>();
        using var gate = new SemaphoreSlim(Math.Max(2, 2 * live.Length));
        var tasks = Enumerable.Range(0, units).Select(async unit =>
        {
            await gate.WaitAsync(cancellation);
            try
            {
                Exception? last = null;
                for (int attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    var candidates = live.Where(s => !suspects.ContainsKey(s)).ToArray();
                    if (candidates.Length == 0)
                    {
                        // Every silo we knew failed once: ask the cluster again and give the survivors another chance.
                        live = await LiveSilosAsync(cancellation);
                        suspects.Clear();
                        candidates = live;
                    }

                    var target = candidates[(unit + attempt) % candidates.Length];
                    try
                    {
                        RequestContext.Set(IPlacementDirector.PlacementHintKey, target);
                        var reply = await call($"{job}/{unit}/{attempt}", unit).WaitAsync(CallTimeout, cancellation);
                        if (reply.Error is not null)
                        {
                            throw new InvalidDataException(reply.Error);
                        }

                        Trace($"unit {unit} done at {swj.ElapsedMilliseconds} ms on {reply.Silo} (attempt {attempt}; {reply.Seconds * 1000:0} ms of work on the silo)");
                        _unitsBySilo.AddOrUpdate(reply.Silo, 1, (_, n) => n + 1);
                        return reply.Value!;
                    }
                    catch (Exception ex) when (ex is not InvalidDataException && !cancellation.IsCancellationRequested)
                    {
                        last = ex;
                        Trace($"unit {unit} failed on {target} (attempt {attempt}): {Reason(ex)}");
                        suspects[target] = true;
                        Interlocked.Increment(ref _retries);
                        await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 250 << Math.Min(attempt, 3))), cancellation);
                        live = await LiveSilosAsync(cancellation);
                    }
                    finally
                    {
                        RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                    }
                }

                throw new ClusterUnavailableException($"the cluster at {Address} failed unit {unit} of the job {MaxAttempts} times: {Reason(last!)}", last!);
            }
            finally
            {
                gate.Release();
            }
        }).ToArray();
        return await Task.WhenAll(tasks);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(6));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or SocketException or OrleansException or InvalidOperationException)
        {
            // The cluster is gone; nothing to say goodbye to.
        }

        _host.Dispose();
    }

    /// <summary>Writes one line to stderr when SHANNON_CLUSTER_TRACE is set (timings for docs/scale.md and fault tests).</summary>
    /// <param name="line">The line.</param>
    public static void Trace(string line)
    {
        if (Environment.GetEnvironmentVariable("SHANNON_CLUSTER_TRACE") is { Length: > 0 })
        {
            Console.Error.WriteLine("trace: " + line);
        }
    }

    private static string Reason(Exception ex)
    {
        var inner = ex is AggregateException { InnerException: { } i } ? i : ex;
        string message = inner is TimeoutException or OperationCanceledException ? "no answer in time" : inner.Message;
        int newline = message.IndexOfAny(['\r', '\n']);
        return newline >= 0 ? message[..newline] : message;
    }
}
