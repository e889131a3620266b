using System.Reflection;
using System.Text.RegularExpressions;

namespace Shannon.Docs.Tests;

/// <summary>Every C# name in the C# column of docs/names.md (a `Type`, `Type.Member` or `Type.Member(...)` of
/// Shannon or Shannon.ML) exists, so the table never documents an API that does not.</summary>
public sealed partial class NameTableTests
{
    private static readonly Type[] Types =
        [.. typeof(Measures).Assembly.GetExportedTypes(), .. typeof(Shannon.ML.ShannonCatalog).Assembly.GetExportedTypes()];

    [Fact]
    public void EveryShannonNameInTheTableExists()
    {
        var lines = File.ReadAllLines(Path.Combine(DocBlocks.RepositoryRoot, "docs", "names.md")).Where(l => l.StartsWith('|'));
        var missing = new List<string>();
        int checkedNames = 0;
        foreach (var line in lines)
        {
            var cells = line.Split('|');
            if (cells.Length < 4 || cells[1].Trim() is "scipy" or "scikit-learn" or "R `entropy`" or "JIDT" or "dit" || cells[1].StartsWith("---", StringComparison.Ordinal))
            {
                continue;
            }

            // Inside each backtick span of the C# cell: `Type`, `Type.Member`, and bare names after it, which are
            // members of the last type named (`CalibrationMetrics.ReliabilityDiagram`, `BrierScore`).
            Type? last = null;
            foreach (Match span in Span().Matches(cells[3]))
            {
                foreach (Match m in Name().Matches(span.Groups[1].Value))
                {
                    string type = m.Groups[1].Value, member = m.Groups[2].Value;
                    var t = Types.FirstOrDefault(x => x.Name == type);
                    if (t is null && member.Length == 0 && last is not null && HasMember(last, type))
                    {
                        checkedNames++;
                        continue;
                    }

                    if (t is null || (member.Length > 0 && !HasMember(t, member)))
                    {
                        missing.Add(m.Value);
                        continue;
                    }

                    checkedNames++;
                    last = t;
                }
            }
        }

        Assert.True(missing.Count == 0, "names.md names what does not exist: " + string.Join(", ", missing));
        Assert.True(checkedNames >= 40, $"only {checkedNames} names checked");
    }

    private static bool HasMember(Type type, string member) =>
        type.GetMember(member, BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length > 0;

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Span();

    // `Type` or `Type.Member` at the start of a span, or after `new `, `(`, `, `, `{ ` or `= ` inside one.
    [GeneratedRegex(@"(?<=^|new |\(|, |\{ |= )([A-Z][A-Za-z0-9]+)(?:\.([A-Z][A-Za-z0-9]+))?")]
    private static partial Regex Name();
}
