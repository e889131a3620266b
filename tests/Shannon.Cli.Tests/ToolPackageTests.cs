using System.Diagnostics;
using System.Text.Json;

namespace Shannon.Cli.Tests;

/// <summary>
/// The `shannon` dotnet tool as a user gets it: packed into a local folder, installed from that folder alone into a
/// temporary tool path, and run through the installed command.
/// </summary>
public class ToolPackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public void PackedToolInstallsFromALocalFolderAndRuns()
    {
        string root = Shannon.Testing.RepositoryPaths.Root;
        string temp = Path.Combine(Path.GetTempPath(), "shannon-tool-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(temp, "feed"), tools = Path.Combine(temp, "tools"), packages = Path.Combine(temp, "packages");
        Directory.CreateDirectory(feed);
        try
        {
            // One pack of what the test build already compiled (the same configuration, no second build).
            Run(root, "pack", Path.Combine(root, "src", "Shannon.Cli.Host", "Shannon.Cli.Host.csproj"), "-c", Configuration, "--no-build", "-o", feed, "-nologo", "-v", "q");
            var packed = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
            Assert.Contains(packed, f => f!.StartsWith("Shannon.Cli.0.", StringComparison.Ordinal));
            Assert.Contains(packed, f => f!.StartsWith("Shannon.Cli.linux-x64.", StringComparison.Ordinal));

            // Offline: the folder is the only source, and a fresh packages folder, so no cached copy can stand in.
            string config = Path.Combine(temp, "nuget.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{packages}" /></config>
                  <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
                </configuration>
                """);
            Run(temp, "tool", "install", "--tool-path", tools, "--configfile", config, "Shannon.Cli");

            string shannon = Path.Combine(tools, "shannon");
            Assert.True(File.Exists(shannon), $"the install put no `shannon` in {tools}");
            var (versionCode, version, versionErr) = Exec(temp, shannon, "--version");
            Assert.True(versionCode == 0, versionErr);
            Assert.Matches(@"^\d+\.\d+\.\d+", version.Trim());

            var (code, stdout, stderr) = Exec(temp, shannon, "kl", "--p", "0.5,0.5", "--q", "0.9,0.1", "--json");
            Assert.True(code == 0, stderr);
            using var json = JsonDocument.Parse(stdout);

            // scipy.stats.entropy([0.5, 0.5], [0.9, 0.1], base=2) = 0.7369655941662062
            Assert.Equal(0.7369655941662062, json.RootElement.GetProperty("value").GetDouble(), 1e-12);
            Assert.Equal("bits", json.RootElement.GetProperty("unit").GetString());
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, true);
            }
        }
    }

    private static void Run(string directory, params string[] args)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var (code, stdout, stderr) = Exec(directory, dotnet, args);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} exited {code}:\n{stdout}\n{stderr}");
    }

    private static (int Code, string Out, string Err) Exec(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{file} {string.Join(' ', args)} did not finish in 5 minutes");
        return (process.ExitCode, stdout, stderrTask.Result);
    }
}
