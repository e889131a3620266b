namespace Shannon.Lab.Corpora;

/// <summary>
/// Simplifies the 87 Brown tags (with their -tl title, -hl headline, -nc cited, fw- foreign, * negation, $
/// possessive and + contraction marks) to twelve coarse classes in the spirit of the universal tag set of Petrov,
/// Das &amp; McDonald (2012): NOUN, VERB, ADJ, ADV, PRON, DET, ADP, NUM, CONJ, PRT, PUNCT, X.
/// </summary>
public static class BrownTags
{
    /// <summary>The coarse classes, in a fixed order (their index is the class id).</summary>
    public static IReadOnlyList<string> Coarse { get; } = ["NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "NUM", "CONJ", "PRT", "PUNCT", "X"];

    /// <summary>The main tag: lower case, without fw-, -tl, -hl, -nc, *, $ and anything after a +.</summary>
    /// <param name="tag">A Brown tag, e.g. "NP$-TL", "ppss+md", "bez*".</param>
    /// <returns>The main tag, e.g. "np", "ppss", "bez".</returns>
    public static string Main(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        string t = tag.ToLowerInvariant();
        if (t.StartsWith("fw-", StringComparison.Ordinal))
        {
            t = t[3..];
        }

        int plus = t.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            t = t[..plus];
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var suffix in (string[])["-tl", "-hl", "-nc"])
            {
                if (t.Length > suffix.Length && t.EndsWith(suffix, StringComparison.Ordinal))
                {
                    t = t[..^suffix.Length];
                    changed = true;
                }
            }
        }

        t = t.TrimEnd('*', '$');
        return t.Length == 0 ? tag.ToLowerInvariant() : t;
    }

    /// <summary>The coarse class of a Brown tag.</summary>
    /// <param name="tag">The tag.</param>
    /// <returns>One of <see cref="Coarse"/>.</returns>
    public static string ToCoarse(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.StartsWith("fw-", StringComparison.OrdinalIgnoreCase))
        {
            return "X";
        }

        string t = Main(tag);
        if (t.Length == 0 || !char.IsAsciiLetter(t[0]))
        {
            return "PUNCT";
        }

        return t switch
        {
            "nil" => "X",
            "uh" => "X",
            "md" => "VERB",
            "od" => "ADJ",
            "cd" => "NUM",
            "in" => "ADP",
            "cc" or "cs" => "CONJ",
            "to" or "rp" => "PRT",
            "ex" => "PRON",
            "at" or "ap" or "abn" or "abx" or "abl" or "wdt" => "DET",
            "rn" or "ql" or "qlp" or "wrb" => "ADV",
            "pn" => "PRON",
            _ when t.StartsWith("nn", StringComparison.Ordinal) || t.StartsWith("np", StringComparison.Ordinal) || t.StartsWith("nr", StringComparison.Ordinal) => "NOUN",
            _ when t.StartsWith("vb", StringComparison.Ordinal) || t.StartsWith("be", StringComparison.Ordinal) || t.StartsWith("do", StringComparison.Ordinal) || t.StartsWith("hv", StringComparison.Ordinal) => "VERB",
            _ when t.StartsWith("jj", StringComparison.Ordinal) => "ADJ",
            _ when t.StartsWith("rb", StringComparison.Ordinal) => "ADV",
            _ when t.StartsWith("pp", StringComparison.Ordinal) || t.StartsWith("wp", StringComparison.Ordinal) => "PRON",
            _ when t.StartsWith("dt", StringComparison.Ordinal) => "DET",
            _ => "X",
        };
    }
}
