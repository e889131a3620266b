using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Shannon.Docs.Tests;

/// <summary>
/// Every ```csharp block of docs/**/*.md is compiled with Roslyn against the Shannon assemblies, as a program of
/// top-level statements, and run; when a ```text block starting with "// prints" follows it, what the program
/// printed must equal the rest of that block. Snippets run in the repository root, so they can read docs/data/.
/// </summary>
public sealed class CSharpSnippetTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The test process's own trusted assemblies: the framework, Shannon, Shannon.Data, Shannon.ML, Microsoft.ML.
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return [.. tpa.Split(Path.PathSeparator).Where(p => p.EndsWith(".dll", StringComparison.Ordinal)).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    private const string ImplicitUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n";

    [Fact]
    public void TheDocsHaveCheckedSnippets()
    {
        Assert.True(DocBlocks.All.Count(b => b.Language == "csharp" && b.Expected is not null) >= 5);
    }

    [Theory]
    [MemberData(nameof(DocBlocks.CSharp), MemberType = typeof(DocBlocks))]
    public void SnippetCompilesRunsAndPrintsWhatTheDocSays(string id)
    {
        var block = DocBlocks.Find(id);
        string printed = Run(id, block.File, block.Code, []);
        if (block.Expected is not null)
        {
            Assert.True(Normalise(block.Expected) == Normalise(printed), $"{id} printed:\n{printed}\nbut the doc says:\n{block.Expected}");
        }
    }

    /// <summary>Compiles C# top-level statements against the test's assemblies, runs them in the repository root
    /// with <paramref name="args"/>, and returns what they printed; fails the test on a compile error, an exception or
    /// an exit code other than 0.</summary>
    internal static string Run(string id, string path, string code, string[] args)
    {
        // FileBasedProgram: accept the `#:project` / `#:package` directives of the samples (what `dotnet run file.cs` reads).
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest).WithFeatures([new("FileBasedProgram", "true")]);
        var compilation = CSharpCompilation.Create(
            "Snippet_" + Math.Abs(id.GetHashCode(StringComparison.Ordinal)),
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options), CSharpSyntaxTree.ParseText(code, options, path: path)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(emitted.Success, $"{id} does not compile:\n{string.Join('\n', errors)}");

        var context = new AssemblyLoadContext(id, isCollectible: true);
        var previous = System.Console.Out;
        string previousDirectory = Environment.CurrentDirectory;
        var output = new StringWriter { NewLine = "\n" };
        try
        {
            Environment.CurrentDirectory = DocBlocks.RepositoryRoot; // code names files as from the repository root
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            System.Console.SetOut(output);
            var entry = assembly.EntryPoint!;
            object? result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [args]);
            Assert.False(result is Task, $"{id}: write snippets without await (top-level await is not run here)");
            Assert.True(result is null or 0, $"{id} returned {result}:\n{output}");
        }
        catch (TargetInvocationException e)
        {
            Assert.Fail($"{id} threw {e.InnerException}");
        }
        finally
        {
            System.Console.SetOut(previous);
            Environment.CurrentDirectory = previousDirectory;
            context.Unload();
        }

        return output.ToString();
    }

    internal static string Normalise(string text) =>
        string.Join('\n', text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
