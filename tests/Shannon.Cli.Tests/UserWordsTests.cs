using System.CommandLine;
using System.Text.RegularExpressions;

namespace Shannon.Cli.Tests;

/// <summary>
/// Help and errors in the user's words: every command's bad inputs name the flags as typed (never a C# parameter,
/// property or member), and every command's help mentions only options that command accepts.
/// </summary>
public sealed partial class UserWordsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shannon-words-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Each case: the arguments, a fragment the message must hold, and bare words it may name (a CSV column).</summary>
    private List<(string[] Args, string Expected, string[] Words)> Cases()
    {
        string data = File("d.csv", "x,y,r,s\n1,a,0.5,1.5\n2,b,0.7,2.5\n1,a,0.5,3.5\n2,b,0.9,1.5\n3,a,1.5,0.5\n");
        string negative = File("neg.csv", "count\n3\n-1\n");
        string joint = File("joint.csv", "a,b\n1,2\n3,-4\n");
        string calibration = File("cal.csv", "p,y\n0.5,1\n0.2,0\n");
        string text = File("t.txt", "hello world, hello there; the world is wide and the text is short.\n");
        string empty = File("empty.txt", "");
        string model = Path.Combine(_dir, "m.lm");
        Assert.Equal(0, CliRunner.Run("lm", "train", "--corpus", text, "--order", "2", "--out", model).Code);
        string report = Path.Combine(_dir, "report");
        return
        [
            (["entropy", "--probabilities", "0.5,0.2"], "`--probabilities` must be", []),
            (["entropy", "--probabilities", "0.5,0.2"], "`--counts FILE`", []),
            (["entropy", "--counts", negative], "neg.csv", ["count"]),
            (["entropy", data, "--column", "r", "--estimator", "kozachenko-leonenko", "--k", "10"], "`--k` must be", []),
            (["kl", "--p", "0.5,0.5", "--q", "0.2,0.3,0.5"], "`--q` must be the same length as `--p`", []),
            (["kl", "--p", "0.5,0.6", "--q", "0.5,0.5"], "`--p` must be", []),
            (["cross-entropy", "--p", "0.5,0.5", "--q", "-0.5,1.5"], "`--q` must be", []),
            (["js", "--p", "0.5,0.5", "--q", "0.2,0.3,0.5"], "`--q`", []),
            (["convert", "-1", "--from", "bits", "--to", "perplexity"], "`VALUE` must be >= 0", []),
            (["convert", "0.5", "--from", "perplexity", "--to", "nats"], "got 0.5", []),
            (["mi", data, "--x", "r", "--y", "s", "--k", "10"], "`--k` must be", []),
            (["mi", data, "--x", "r", "--y", "s", "--jitter", "-1"], "`--jitter` must be", []),
            (["rank", data, "--target", "y", "--k", "10"], "`--k` must be", []),
            (["matrix", data, "--columns", "r,s", "--estimator", "ksg1", "--k", "10"], "`--k` must be", []),
            (["ib", "--joint", joint, "--beta", "2"], "`--joint` must", []),
            (["lm", "train", "--corpus", empty, "--order", "3", "--out", model], "`--corpus` must", []),
            (["lm", "sample", "--model", model, "--top-k", "-1"], "`--top-k` must be", []),
            (["lm", "sample", "--model", model, "--top-p", "2"], "`--top-p` must be", []),
            (["lm", "eval", "--model", model, "--text", empty], "`--text` must", []),
            (["pmi", text, "--window", "0"], "`--window` must be", []),
            (["calibration", calibration, "--probabilities", "p", "--label", "y", "--bins", "0"], "`--bins` must be", []),
            (["serve", "--host", "example", "--port", "0"], "`--host` must be", []),
            (["lab", "information-plane", "--quick", "--runs", "0", "--out", report], "`--runs` must be", []),
            (["lab", "information-plane", "--quick", "--epochs", "0", "--out", report], "`--epochs` must be", []),
            (["lab", "information-plane", "--quick", "--activation", "sigmoid", "--out", report], "`--activation` must be", []),
        ];
    }

    [Fact]
    public void BadInputNamesTheFlagsAsTyped()
    {
        var root = CliApp.BuildRoot();
        foreach (var (args, expected, words) in Cases())
        {
            string line = CliRunner.AssertUsageError(args, expected);
            string context = $"`shannon {string.Join(' ', args)}` printed: {line}";

            // No C# member (`Categorical.FromCounts`), no parameter or property name (`topK`, `Jitter`, `crossEntropy`).
            Assert.False(MemberAccess().IsMatch(line), context);
            var command = Find(root, args);
            var flags = Flags(command);
            foreach (Match m in Backticked().Matches(line))
            {
                string name = m.Groups[1].Value;
                bool ok = name.StartsWith("--", StringComparison.Ordinal)
                    ? flags.Contains(name)
                    : name.All(c => char.IsUpper(c)) || words.Contains(name) || args.Contains(name);
                Assert.True(ok, $"`{name}` is neither a flag of `{command.Name}` nor a word the user typed; {context}");
            }
        }
    }

    [Fact]
    public void UsageErrorsPointToTheHelpOfTheCommandAsTyped()
    {
        CliRunner.AssertUsageError(["lm", "train", "--order", "3"], "(see 'shannon lm train --help')");
        CliRunner.AssertUsageError(["kl", "--p", "0.5,0.5"], "(see 'shannon kl --help')");
    }

    [Fact]
    public void EveryHelpMentionsOnlyOptionsItsCommandAccepts()
    {
        foreach (var (path, command) in Leaves(CliApp.BuildRoot(), []))
        {
            var (code, help, _) = CliRunner.Run([.. path, "--help"]);
            Assert.Equal(0, code);
            Assert.Contains("shannon " + string.Join(' ', path), help, StringComparison.Ordinal);
            Assert.DoesNotContain("Shannon.Cli", help, StringComparison.Ordinal);
            var flags = Flags(command);
            foreach (Match m in Flag().Matches(help))
            {
                Assert.True(flags.Contains(m.Value) || m.Value is "--help" or "--version",
                    $"`shannon {string.Join(' ', path)} --help` mentions {m.Value}, which that command does not take");
            }
        }
    }

    [Fact]
    public void EntropyHelpNamesOnlyTheEstimatorsEntropyAccepts()
    {
        var (_, help, _) = CliRunner.Run("entropy", "--help");
        foreach (var rejected in new[] { "ksg1", "ksg2", "gaussian", "gaussian-copula" })
        {
            Assert.False(Regex.IsMatch(help, $@"(?<![\w-]){Regex.Escape(rejected)}(?![\w-])"), $"entropy's help mentions {rejected}, which it rejects:\n{help}");
        }

        // What it does name, it takes: kozachenko-leonenko on a real column, binned, and a discrete estimator.
        string data = File("e.csv", "r,c\n0.1,a\n0.7,b\n0.35,a\n0.9,b\n0.2,a\n0.55,b\n");
        foreach (var (column, estimator) in new[] { ("r", "kozachenko-leonenko"), ("r", "binned"), ("c", "nsb") })
        {
            Assert.Contains(estimator, help, StringComparison.Ordinal);
            var (code, _, err) = CliRunner.Run("entropy", data, "--column", column, "--estimator", estimator, "--k", "2");
            Assert.True(code == 0, err);
        }
    }

    [Fact]
    public void SeedHelpSaysWhatTheSeedDrivesInEachCommand()
    {
        // The data commands' --seed names exactly the seeded options the command has (rank: --jitter only, today).
        foreach (var name in new[] { "entropy", "mi", "rank", "matrix" })
        {
            var command = CliApp.BuildRoot().Subcommands.Single(c => c.Name == name);
            string seed = command.Options.Single(o => o.Name == "--seed").Description!;
            foreach (var flag in new[] { "--jitter", "--permutations", "--bootstrap" })
            {
                Assert.Equal(command.Options.Any(o => o.Name == flag), seed.Contains(flag, StringComparison.Ordinal));
            }
        }

        var (_, mi, _) = CliRunner.Run("mi", "--help");
        Assert.Contains("Seed for --jitter, --permutations and --bootstrap (default 0)", mi, StringComparison.Ordinal);
    }

    private static IEnumerable<(string[] Path, Command Command)> Leaves(Command command, string[] path)
    {
        if (command.Subcommands.Count == 0)
        {
            yield return (path, command);
        }

        foreach (var sub in command.Subcommands)
        {
            foreach (var leaf in Leaves(sub, [.. path, sub.Name]))
            {
                yield return leaf;
            }
        }
    }

    private static Command Find(Command root, string[] args)
    {
        var command = root;
        foreach (var a in args)
        {
            var next = command.Subcommands.FirstOrDefault(c => c.Name == a);
            if (next is null)
            {
                break;
            }

            command = next;
        }

        return command;
    }

    private static HashSet<string> Flags(Command command) =>
        [.. command.Options.SelectMany(o => o.Aliases.Append(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal))];

    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex MemberAccess();

    [GeneratedRegex("`(-{0,2}[A-Za-z][A-Za-z0-9-]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z0-9-]*")]
    private static partial Regex Flag();
}
