using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace Shannon.Cli.Output;

/// <summary>
/// Puts the library's error messages in the user's words: the library names its parameters ("`topK` must be
/// >= 0"), the user typed flags (`--top-k`). The one place where a library <see cref="ArgumentException"/> becomes a
/// CLI message: every backticked name that is, in kebab case, a flag of the running command becomes that flag, and
/// hints that name C# members are replaced by the command-line way of doing the same.
/// </summary>
internal static partial class UserWords
{
    // Preconditions.ProbabilityVector's hint for library callers.
    private const string NormaliseHint = "Normalise explicitly (e.g. Categorical.FromCounts or FromWeights) if these are counts or weights.";

    /// <summary>Rewrites a library message for the command that was running.</summary>
    /// <param name="message">The library's message ("`name` must be ...; got ...").</param>
    /// <param name="command">The command the user ran.</param>
    /// <returns>The message naming the command's flags.</returns>
    public static string ForCommand(string message, Command command)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(command);
        var flags = Flags(command);
        string rewritten = Backticked().Replace(message, m =>
        {
            string flag = "--" + Kebab(m.Groups[1].Value);
            return flags.Contains(flag) ? $"`{flag}`" : m.Value;
        });
        if (rewritten.Contains(NormaliseHint, StringComparison.Ordinal))
        {
            string hint = flags.Contains("--counts")
                ? "If these are counts, give them as `--counts FILE`."
                : "If these are counts or weights, divide them by their total first.";
            rewritten = rewritten.Replace(NormaliseHint, hint, StringComparison.Ordinal);
        }

        return rewritten;
    }

    /// <summary>Every long flag of the command, by name and alias.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The flags, e.g. "--top-k".</returns>
    public static HashSet<string> Flags(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in command.Options)
        {
            foreach (var name in option.Aliases.Append(option.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal)))
            {
                flags.Add(name);
            }
        }

        return flags;
    }

    /// <summary>"topK" -> "top-k", "Jitter" -> "jitter", "minCount" -> "min-count".</summary>
    private static string Kebab(string name)
    {
        var b = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                b.Append('-');
            }

            b.Append(char.ToLowerInvariant(c));
        }

        return b.ToString();
    }

    [GeneratedRegex("`([A-Za-z][A-Za-z0-9]*)`")]
    private static partial Regex Backticked();
}
