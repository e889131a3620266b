using System.Reflection;
using System.Text.RegularExpressions;

namespace Shannon.Docs.Tests;

/// <summary>
/// The library's convention tests (tests/Shannon.Tests/Conventions) held over the public surface of every project a
/// user meets: the library, Shannon.Data, Shannon.ML, the lab, the explorer, the cluster, the command line and the tool
/// that composes them. This project references them all (through the tool's composition root and Shannon.ML), so the checks live here. Exemptions are named, with the reason,
/// never silent.
/// </summary>
public sealed partial class PublicSurfaceConventionTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Shannon.Measures).Assembly,
        typeof(Shannon.Data.DataFile).Assembly,
        typeof(Shannon.ML.ShannonFeatureSelectionOptions).Assembly,
        typeof(Shannon.Lab.SampleStatistics).Assembly,
        typeof(Shannon.Web.ExplorerServer).Assembly,
        typeof(Shannon.Cluster.SiloHost).Assembly,
        typeof(Shannon.Cli.CliApp).Assembly,
        typeof(Shannon.Cli.Host.ShannonProgram).Assembly,
    ];

    /// <summary>Measure abbreviations that STYLE.md writes in full ("KullbackLeibler", not "KL"), in any case.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "KL", "MI", "JS", "JSD", "PMI", "NPMI", "PPMI", "SPPMI", "CMI", "TC", "KLDiv", "Div",
    };

    /// <summary>Named exemptions: a public name that contains an abbreviation on purpose, and why.</summary>
    private static readonly Dictionary<string, string> AbbreviationExemptions = new(StringComparer.Ordinal)
    {
        // (none today: add "Type.Member" with the reason)
    };

    /// <summary>Named exemptions from "public classes are sealed or static", and why.</summary>
    private static readonly Dictionary<string, string> UnsealedExemptions = new(StringComparer.Ordinal)
    {
        // (none today: add the type's full name with the reason)
    };

    [Fact]
    public void EveryProjectIsInTheCheck()
    {
        // A new src/ project with public types must be added to Assemblies (the check cannot see what it is not given).
        var projects = Directory.GetDirectories(Path.Combine(DocBlocks.RepositoryRoot, "src")).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var checkedNames = Assemblies.Select(a => a.GetName().Name!).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(projects.Except(checkedNames));
    }

    [Fact]
    public void NoAbbreviatedMeasureNamesAnywhereInAPublicName()
    {
        var offenders = new List<string>();
        foreach (var type in Assemblies.SelectMany(a => a.GetExportedTypes()).Where(t => !IsGenerated(t)))
        {
            void Check(string where, string name)
            {
                var word = Words(name).FirstOrDefault(Abbreviations.Contains);
                if (word is not null && !AbbreviationExemptions.ContainsKey(where))
                {
                    offenders.Add($"{where} ('{word}' in '{name}')");
                }
            }

            Check(type.FullName!, type.Name);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (member is MethodInfo { IsSpecialName: true })
                {
                    continue; // property accessors and operators: their properties are checked
                }

                string where = $"{type.FullName}.{member.Name}";
                Check(where, member.Name);
                if (member is MethodBase method)
                {
                    foreach (var p in method.GetParameters())
                    {
                        Check($"{where}({p.Name})", p.Name ?? "");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void PublicClassesAreSealedOrStaticOrAbstract()
    {
        var offenders = Assemblies.SelectMany(a => a.GetExportedTypes()).Where(t => !IsGenerated(t))
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Where(t => !typeof(Exception).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .Where(n => !UnsealedExemptions.ContainsKey(n))
            .ToList();
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void EveryPublicMemberIsDocumented()
    {
        // Each project builds its XML documentation with warnings as errors (CS1591); this checks that the shipped
        // XML file is there and names every public type, so a project that turned the warning off is caught.
        var missing = new List<string>();
        foreach (var assembly in Assemblies)
        {
            string xml = Path.ChangeExtension(assembly.Location, ".xml");
            Assert.True(File.Exists(xml), $"{assembly.GetName().Name} ships no XML documentation ({xml})");
            string text = File.ReadAllText(xml);
            missing.AddRange(assembly.GetExportedTypes().Where(t => !t.IsNested && !IsGenerated(t))
                .Where(t => !text.Contains($"\"T:{t.FullName!.Replace('+', '.')}\"", StringComparison.Ordinal))
                .Select(t => t.FullName!));
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>
    /// Named exemption: Orleans' source generator emits public serializer types (namespace OrleansCodeGen) into the
    /// cluster's assembly; they are not Shannon's API and carry no documentation.
    /// </summary>
    private static bool IsGenerated(Type type) => type.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) == true;

    /// <summary>The words of a PascalCase or camelCase name: "KlDivergence" is Kl, Divergence; "MIScore" is MI, Score.</summary>
    private static IEnumerable<string> Words(string name) => WordPattern().Matches(name).Select(m => m.Value);

    [GeneratedRegex("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")]
    private static partial Regex WordPattern();
}
