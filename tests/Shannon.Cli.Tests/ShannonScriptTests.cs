using System.Diagnostics;
using System.Runtime.Versioning;

namespace Shannon.Cli.Tests;

/// <summary>
/// The repository's `./shannon` script rebuilds only when a source changes, not when another build writes bin/ or
/// obj/. Driven on a copy of the script in a scratch tree, with a stand-in `dotnet` on PATH that logs its verb.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ShannonScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("shannon-script-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void RebuildsOnlyWhenASourceIsNewerThanTheBuild()
    {
        string repo = Shannon.Testing.RepositoryPaths.Root;
        string script = Path.Combine(_root, "shannon");
        File.Copy(Path.Combine(repo, "shannon"), script);
        File.WriteAllText(Path.Combine(_root, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_root, "Directory.Packages.props"), "<Project />");
        string source = Write("src/Shannon.Cli/Program.cs", "return 0;");
        string log = Path.Combine(_root, "dotnet.log");
        string fakeBin = Path.Combine(_root, "fake-bin");
        Directory.CreateDirectory(fakeBin);
        string dotnet = Path.Combine(fakeBin, "dotnet");
        File.WriteAllText(dotnet, $"#!/usr/bin/env bash\necho \"$1\" >> '{log}'\n");
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // A fresh clone builds once, then runs.
        Assert.Equal(["build", "run"], Run(script, fakeBin, log));
        string dll = Path.Combine(_root, ".build", "cli", "Shannon.Cli.Host.dll");
        var built = DateTime.UtcNow.AddMinutes(-10);
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, built.AddMinutes(-1));
        }

        File.SetLastWriteTimeUtc(dll, built);
        Assert.Equal(["run"], Run(script, fakeBin, log));

        // Another build of the solution writes newer files under bin/ and obj/ (generated .cs, .props, .txt): no rebuild.
        foreach (var output in new[] { "src/Shannon.Cli/obj/Debug/net10.0/Shannon.Cli.AssemblyInfo.cs", "src/Shannon.Cli/obj/Shannon.Cli.csproj.nuget.g.props",
                     "src/Shannon.Cli/bin/Debug/net10.0/linux-x64/notes.txt", "src/Shannon.Lab/bin/Release/net10.0/Shannon.Lab.deps.json" })
        {
            File.SetLastWriteTimeUtc(Write(output, "generated"), built.AddMinutes(5));
        }

        Assert.Equal(["run"], Run(script, fakeBin, log));

        // A changed source does rebuild.
        File.SetLastWriteTimeUtc(source, built.AddMinutes(5));
        Assert.Equal(["build", "run"], Run(script, fakeBin, log));
    }

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs `./shannon --version` and returns the verbs the stand-in dotnet saw ("build", or "run" for the dll).</summary>
    private static string[] Run(string script, string fakeBin, string log)
    {
        File.Delete(log);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--version");
        start.Environment["PATH"] = fakeBin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var err = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.True(process.ExitCode == 0, err.Result);
        return [.. File.ReadAllLines(log).Select(l => l.EndsWith("Shannon.Cli.Host.dll", StringComparison.Ordinal) ? "run" : l)];
    }

}
