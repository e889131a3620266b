using System.Text.RegularExpressions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Shannon.Docs.Tests;

/// <summary>A fenced code block of a Markdown file under docs/, with the output block that follows it.</summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's language ("csharp", "console", ...).</param>
/// <param name="Code">The block's text.</param>
/// <param name="Expected">For a csharp block followed by a ```text block whose first line is "// prints": the rest of
/// that block; null otherwise.</param>
public sealed record DocBlock(string File, int Line, string Language, string Code, string? Expected)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Reads the documentation's code blocks from the files themselves (docs/**/*.md).</summary>
public static partial class DocBlocks
{
    public static string RepositoryRoot => Shannon.Testing.RepositoryPaths.Root;

    public static IReadOnlyList<DocBlock> All { get; } = Read();

    public static IEnumerable<object[]> CSharp() => All.Where(b => b.Language == "csharp").Select(b => new object[] { b.ToString() });

    public static IEnumerable<object[]> Console() => All.Where(b => b.Language == "console").Select(b => new object[] { b.ToString() });

    public static DocBlock Find(string id) => All.Single(b => b.ToString() == id);

    private static List<DocBlock> Read()
    {
        var blocks = new List<DocBlock>();
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            string relative = Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/');
            var raw = new List<(int Line, string Language, string Code)>();
            var lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                var open = Fence().Match(lines[i]);
                if (!open.Success)
                {
                    continue;
                }

                int start = i;
                var body = new List<string>();
                for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
                {
                    body.Add(lines[i]);
                }

                raw.Add((start + 1, open.Groups[1].Value, string.Join('\n', body)));
            }

            for (int k = 0; k < raw.Count; k++)
            {
                var (line, language, code) = raw[k];
                if (language == "text")
                {
                    continue;
                }

                string? expected = null;
                if (language == "csharp" && k + 1 < raw.Count && raw[k + 1].Language == "text" && raw[k + 1].Code.StartsWith("// prints", StringComparison.Ordinal))
                {
                    string next = raw[k + 1].Code;
                    int eol = next.IndexOf('\n', StringComparison.Ordinal);
                    expected = eol < 0 ? "" : next[(eol + 1)..];
                }

                blocks.Add(new DocBlock(relative, line, language, code, expected));
            }
        }

        return blocks;
    }

    [GeneratedRegex(@"^```([a-z]+)\s*$")]
    private static partial Regex Fence();
}
