using System.Text.RegularExpressions;
using Shannon.Cli;

namespace Shannon.Docs.Tests;

/// <summary>
/// Every ```console block of docs/**/*.md is a session: lines starting with "$ shannon " are commands, the lines
/// after each (to the next command) are what it prints on stdout. Each command runs in process (CliApp.Run) in a
/// scratch folder holding a copy of docs/data, and must exit 0 and print exactly that, where `{...}` in the doc
/// stands for any text within its line (a time, a file size).
/// </summary>
public sealed class ConsoleExampleTests
{
    [Fact]
    public void TheDocsHaveCheckedSessions()
    {
        Assert.True(DocBlocks.All.Count(b => b.Language == "console") >= 10);
    }

    [Theory]
    [MemberData(nameof(DocBlocks.Console), MemberType = typeof(DocBlocks))]
    public void SessionPrintsWhatTheDocSays(string id)
    {
        var block = DocBlocks.Find(id);
        string scratch = Directory.CreateTempSubdirectory("shannon-docs-").FullName;
        string previousDirectory = Environment.CurrentDirectory;
        try
        {
            CopyDirectory(Path.Combine(DocBlocks.RepositoryRoot, "docs", "data"), Path.Combine(scratch, "docs", "data"));
            Environment.CurrentDirectory = scratch;
            foreach (var (command, expected) in Commands(block))
            {
                var output = new StringWriter { NewLine = "\n" };
                var error = new StringWriter();
                var previousError = System.Console.Error;
                int code;
                System.Console.SetError(error);
                try
                {
                    code = CliApp.Run(Split(command), output, error);
                }
                finally
                {
                    System.Console.SetError(previousError);
                }

                Assert.True(code == 0, $"{id}: `shannon {command}` exited {code}: {error}");
                string printed = output.ToString();
                Assert.True(Matches(expected, printed), $"{id}: `shannon {command}` printed:\n{printed}\nbut the doc says:\n{expected}");
            }
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Line by line equality, where `{...}` in the doc stands for any text within its line (a time, a size).</summary>
    private static bool Matches(string expected, string printed)
    {
        var want = CSharpSnippetTests.Normalise(expected).Split('\n');
        var got = CSharpSnippetTests.Normalise(printed).Split('\n');
        if (want.Length != got.Length)
        {
            return false;
        }

        for (int i = 0; i < want.Length; i++)
        {
            string pattern = "^" + Regex.Escape(want[i]).Replace(@"\{\.\.\.}", ".*?", StringComparison.Ordinal) + "$";
            if (!Regex.IsMatch(got[i], pattern))
            {
                return false;
            }
        }

        return true;
    }

    private static List<(string Command, string Expected)> Commands(DocBlock block)
    {
        var result = new List<(string, List<string>)>();
        foreach (var line in block.Code.Split('\n'))
        {
            if (line.StartsWith("$ ", StringComparison.Ordinal))
            {
                string command = line[2..].Trim();
                Assert.True(command.StartsWith("shannon ", StringComparison.Ordinal), $"{block}: a console block runs only `shannon`; got `{command}`");
                result.Add((command["shannon ".Length..], []));
            }
            else
            {
                Assert.True(result.Count > 0, $"{block}: output before the first `$ shannon` line");
                result[^1].Item2.Add(line);
            }
        }

        return [.. result.Select(r => (r.Item1, string.Join('\n', r.Item2)))];
    }

    /// <summary>Splits a command line on spaces, keeping single- or double-quoted words whole.</summary>
    private static string[] Split(string command)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        bool any = false;
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                any = true;
            }
            else if (c == ' ')
            {
                if (any || current.Length > 0)
                {
                    words.Add(current.ToString());
                }

                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
            }
        }

        if (any || current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return [.. words];
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
