namespace Shannon.Lab.Corpora;

/// <summary>A list of words with where it came from and, when a fallback replaced the package, why.</summary>
/// <param name="Words">The words, sorted, without duplicates.</param>
/// <param name="Source">A short description of the source.</param>
/// <param name="Note">Null when the package was used; otherwise the note saying what replaced it and why.</param>
public sealed record WordList(IReadOnlyList<string> Words, string Source, string? Note);

/// <summary>
/// The five-letter words the Wordle experiment plays with: from Debian's <c>wamerican</c> package (SCOWL, Kevin
/// Atkinson; permissive licence), /usr/share/dict/american-english; when it is missing, the five-letter words of the
/// lab's English text, with a note.
/// </summary>
public static class FiveLetterWords
{
    /// <summary>Where Debian's wamerican package puts its list.</summary>
    public const string DebianPath = "/usr/share/dict/american-english";

    /// <summary>The Debian package that provides <see cref="DebianPath"/>.</summary>
    public const string DebianPackage = "wamerican";

    /// <summary>The words of exactly five letters a-z (lower case in the list: proper nouns and words with apostrophes are left out).</summary>
    /// <param name="lines">The list, one word a line.</param>
    /// <returns>Sorted distinct words.</returns>
    public static IReadOnlyList<string> Select(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return lines.Select(l => l.Trim()).Where(IsPlain).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The Debian list, or the five-letter words of <paramref name="fallbackText"/> seen at least twice.</summary>
    /// <param name="fallbackText">Text to take words from when the list is missing.</param>
    /// <param name="path">The list's path (default <see cref="DebianPath"/>).</param>
    /// <returns>The words and their provenance.</returns>
    public static WordList Load(string fallbackText, string path = DebianPath)
    {
        ArgumentNullException.ThrowIfNull(fallbackText);
        string? reason = null;
        if (File.Exists(path))
        {
            try
            {
                var words = Select(File.ReadLines(path));
                if (words.Count >= 100)
                {
                    return new WordList(words, $"Debian's {DebianPackage} word list ({path}, SCOWL)", null);
                }

                reason = $"{path} holds only {words.Count} five-letter words";
            }
            catch (IOException ex)
            {
                reason = $"{path} could not be read ({ex.Message})";
            }
            catch (UnauthorizedAccessException ex)
            {
                reason = $"{path} could not be read ({ex.Message})";
            }
        }
        else
        {
            reason = $"{path} is missing (install Debian's {DebianPackage} package)";
        }

        var fromText = Shannon.Text.WordTokens.Split(fallbackText)
            .Where(IsPlain)
            .GroupBy(w => w, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new WordList(fromText, "the five-letter words of the lab's English text (seen at least twice)",
            $"The word list was unavailable ({reason}); Wordle used the {fromText.Count:N0} five-letter lower-case words seen at least twice in the lab's English text instead, so its numbers describe that list.");
    }

    private static bool IsPlain(string w) => w.Length == 5 && w.All(c => c is >= 'a' and <= 'z');
}
