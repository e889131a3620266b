using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;

namespace Shannon.Cli.Tests;

/// <summary>
/// DESIGN.md's layout: the command line (Shannon.Cli) and the explorer (Shannon.Web) are two faces that know nothing of
/// each other; `shannon serve` is wired by the composition root, src/Shannon.Cli.Host, the one project that references
/// both. Held on the project files (what a build may use) and on the compiled assemblies (what the code does use).
/// </summary>
public sealed class CompositionRootTests
{
    private static readonly string[] Faces = ["Shannon.Cli", "Shannon.Web"];

    [Fact]
    public void NeitherFaceReferencesTheOtherInItsProjectFiles()
    {
        foreach (var face in Faces)
        {
            string other = Faces.Single(f => f != face);
            var closure = ProjectClosure(Shannon.Testing.RepositoryPaths.Combine("src", face, face + ".csproj"));
            Assert.True(!closure.Contains(other), $"{face} reaches {other} through its project references ({string.Join(" -> ", closure)}); wire it in src/Shannon.Cli.Host instead.");
        }
    }

    [Fact]
    public void TheCompositionRootReferencesBothFaces()
    {
        var direct = ProjectReferences(Shannon.Testing.RepositoryPaths.Combine("src", "Shannon.Cli.Host", "Shannon.Cli.Host.csproj")).Select(ProjectName).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(Faces.ToHashSet(StringComparer.Ordinal), direct);
    }

    [Fact]
    public void TheCommandLineAssemblyNeverLoadsTheExplorer()
    {
        // Every Shannon assembly the compiled command line references, however indirectly.
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(CliApp).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("Shannon", StringComparison.Ordinal)))
            {
                if (seen.Add(name.Name!))
                {
                    pending.Push(Assembly.Load(name));
                }
            }
        }

        Assert.Contains("Shannon", seen);
        Assert.DoesNotContain("Shannon.Web", seen);
        Assert.DoesNotContain("Shannon.Cli.Host", seen);
        Assert.Contains(typeof(Host.ShannonProgram).Assembly.GetReferencedAssemblies(), n => n.Name == "Shannon.Web");
    }

    [Fact]
    public void ServeWithoutTheExplorerIsAUsageErrorThatSaysSo()
    {
        // A program that runs the commands without composing the explorer in: one line, exit 2, never a crash.
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(["serve", "--port", "0"], output, error);
        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Equal("shannon: `serve` is not available in this program: it runs the commands without the explorer; use the `shannon` tool or ./shannon." + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task TheToolServesTheExplorerPage()
    {
        // The built tool, as a process: `serve --port 0` prints its address, and that address answers with the page.
        string dll = Path.Combine(AppContext.BaseDirectory, "Shannon.Cli.Host.dll");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "serve", "--port", "0" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        try
        {
            // The time bound only catches a hang (a first start of the runtime on a busy machine takes seconds).
            string? line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var match = System.Text.RegularExpressions.Regex.Match(line ?? "", @"^Shannon explorer at (http://127\.0\.0\.1:\d+/) \(Ctrl\+C to stop\)$");
            Assert.True(match.Success, $"unexpected first line: '{line}'" + (process.HasExited ? " " + await process.StandardError.ReadToEndAsync() : ""));
            using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
            using var response = await client.GetAsync(new Uri(match.Groups[1].Value));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<title>Shannon explorer</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    /// <summary>The names of every project a project reaches through ProjectReference items, in the order first reached.</summary>
    private static List<string> ProjectClosure(string project)
    {
        var order = new List<string>();
        var pending = new Queue<string>([project]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Path.GetFullPath(project) };
        while (pending.TryDequeue(out var current))
        {
            order.Add(ProjectName(current));
            foreach (var reference in ProjectReferences(current))
            {
                if (seen.Add(reference))
                {
                    pending.Enqueue(reference);
                }
            }
        }

        return order;
    }

    private static IEnumerable<string> ProjectReferences(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(e => e.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar))
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include)));

    private static string ProjectName(string project) => Path.GetFileNameWithoutExtension(project);
}
