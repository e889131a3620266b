using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Shannon.Cluster.Tests;

/// <summary>
/// Silo processes started with the built CLI (`dotnet Shannon.Cli.Host.dll cluster silo ...`) on free loopback ports.
/// Every process is killed on dispose, whatever happened.
/// </summary>
internal sealed class SiloProcesses : IDisposable
{
    private readonly List<Process> _processes = [];

    public SiloProcesses(string clusterId, string dataRoot, int count, int shardDelayMs, string? membership = null)
    {
        ClusterId = clusterId;
        string dll = Path.Combine(AppContext.BaseDirectory, "Shannon.Cli.Host.dll");
        var ports = FreePorts(2 * count);
        SiloPorts = [.. Enumerable.Range(0, count).Select(i => ports[2 * i])];
        GatewayPorts = [.. Enumerable.Range(0, count).Select(i => ports[2 * i + 1])];
        try
        {
            // The primary first; the others join it (and would retry until it is up).
            var ready = new List<Task>();
            for (int i = 0; i < count; i++)
            {
                var arguments = new List<string> { dll, "cluster", "silo", "--port", $"{SiloPorts[i]}", "--gateway", $"{GatewayPorts[i]}", "--data", dataRoot, "--cluster-id", clusterId, "--service-id", "shannon-tests" };
                if (membership is not null)
                {
                    arguments.AddRange(["--membership", membership]);
                }
                else if (i > 0)
                {
                    arguments.AddRange(["--primary", $"127.0.0.1:{SiloPorts[0]}"]);
                }

                var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                arguments.ForEach(info.ArgumentList.Add);
                info.Environment["SHANNON_SILO_DELAY_MS"] = $"{shardDelayMs}";
                info.Environment["DOTNET_gcServer"] = "0";
                var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start dotnet");
                _processes.Add(process);
                var up = new TaskCompletionSource();
                var log = new System.Text.StringBuilder();
                process.OutputDataReceived += (_, e) =>
                {
                    if (e.Data?.StartsWith("silo ready", StringComparison.Ordinal) == true)
                    {
                        up.TrySetResult();
                    }
                };
                process.ErrorDataReceived += (_, e) =>
                {
                    lock (log)
                    {
                        log.AppendLine(e.Data);
                    }
                };
                process.Exited += (_, _) => up.TrySetException(new InvalidOperationException($"silo {i} exited with {process.ExitCode}: {log}"));
                process.EnableRaisingEvents = true;
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                if (i == 0)
                {
                    Wait(up.Task, "the primary silo");
                }
                else
                {
                    ready.Add(up.Task);
                }
            }

            Wait(Task.WhenAll(ready), "the secondary silos");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string ClusterId { get; }

    public int[] SiloPorts { get; }

    public int[] GatewayPorts { get; }

    public string Gateway => $"127.0.0.1:{GatewayPorts[0]}";

    public void Kill(int index)
    {
        var p = _processes[index];
        if (!p.HasExited)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        for (int i = 0; i < _processes.Count; i++)
        {
            try
            {
                Kill(i);
            }
            catch (InvalidOperationException)
            {
                // Never started or already gone.
            }

            _processes[i].Dispose();
        }
    }

    private static void Wait(Task task, string what)
    {
        if (!task.Wait(TimeSpan.FromSeconds(90)))
        {
            throw new TimeoutException($"{what} did not report ready within 90 s.");
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
