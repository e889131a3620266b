using System.Text;

namespace Shannon.Text;

/// <summary>
/// Word tokens as integer ids, numbered by frequency (id 0 is the most frequent word), with -1 marking a boundary
/// (a document break) that no co-occurrence window crosses.
/// </summary>
public sealed class WordTokens
{
    /// <summary>The boundary marker in <see cref="Ids"/>.</summary>
    public const int Boundary = -1;

    private readonly Dictionary<string, int> _idOf;

    private WordTokens(int[] ids, string[] words, long[] counts)
    {
        Ids = ids;
        Words = words;
        Counts = counts;
        _idOf = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            _idOf[words[i]] = i;
        }
    }

    /// <summary>The token stream: word ids and <see cref="Boundary"/> markers.</summary>
    public IReadOnlyList<int> Ids { get; }

    /// <summary>The words by id (most frequent first; ties in ordinal order).</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The count of each word by id.</summary>
    public IReadOnlyList<long> Counts { get; }

    /// <summary>The number of word tokens (boundaries excluded).</summary>
    public long TokenCount => Counts.Sum();

    /// <summary>The id of a word, or -1.</summary>
    /// <param name="word">The word.</param>
    /// <returns>The id or -1.</returns>
    public int IdOf(string word) => _idOf.TryGetValue(word, out int id) ? id : -1;

    internal int[] IdArray => (int[])Ids;

    /// <summary>Numbers a sequence of documents' words (each document a list of words).</summary>
    /// <param name="documents">The documents.</param>
    /// <returns>The tokens.</returns>
    public static WordTokens FromDocuments(IEnumerable<IEnumerable<string>> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var raw = new List<string?>();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            if (raw.Count > 0)
            {
                raw.Add(null);
            }

            foreach (var w in doc)
            {
                raw.Add(w);
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        var words = counts.Keys.OrderByDescending(w => counts[w]).ThenBy(w => w, StringComparer.Ordinal).ToArray();
        var idOf = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            idOf[words[i]] = i;
        }

        var ids = new int[raw.Count];
        for (int i = 0; i < raw.Count; i++)
        {
            ids[i] = raw[i] is { } w ? idOf[w] : Boundary;
        }

        return new WordTokens(ids, words, words.Select(w => counts[w]).ToArray());
    }

    /// <summary>
    /// Splits plain text into lower-case words: maximal runs of letters and digits, with an apostrophe or hyphen kept
    /// inside a word ("don't", "well-known"); everything else separates words. Blank lines separate documents.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The tokens.</returns>
    public static WordTokens FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);

        // One pass without a string per token: words are looked up by span, numbered in order of first sight,
        // then renumbered by frequency exactly as FromDocuments does.
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = firstSeen.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>();
        var counts = new List<long>();
        var raw = new List<int>(text.Length / 5);
        var buffer = new char[64];
        int length = 0;
        bool documentHasWords = false, pendingBreak = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                Append(char.ToLowerInvariant(c));
                continue;
            }

            if ((c is '\'' or '-' or '\u2019') && length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                Append(c == '\u2019' ? '\'' : c);
                continue;
            }

            if (length > 0)
            {
                var span = buffer.AsSpan(0, length);
                if (!lookup.TryGetValue(span, out int id))
                {
                    id = words.Count;
                    string w = span.ToString();
                    firstSeen[w] = id;
                    words.Add(w);
                    counts.Add(0);
                }

                if (pendingBreak && documentHasWords)
                {
                    raw.Add(Boundary);
                }

                pendingBreak = false;
                documentHasWords = true;
                raw.Add(id);
                counts[id]++;
                length = 0;
            }

            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                pendingBreak = true;
            }
        }

        var order = Enumerable.Range(0, words.Count).OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var rank = new int[words.Count];
        for (int r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var ids = new int[raw.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = raw[i] == Boundary ? Boundary : rank[raw[i]];
        }

        return new WordTokens(ids, order.Select(i => words[i]).ToArray(), order.Select(i => counts[i]).ToArray());

        void Append(char ch)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            buffer[length++] = ch;
        }
    }

    /// <summary>The lower-case words of a text (see <see cref="FromText"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The words.</returns>
    public static List<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var sb = new StringBuilder();
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if ((c is '\'' or '-' or '\u2019') && sb.Length > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                sb.Append(c == '\u2019' ? '\'' : c);
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        return words;
    }
}
