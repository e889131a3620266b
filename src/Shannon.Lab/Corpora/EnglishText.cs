using System.Collections.Concurrent;
using System.Reflection;

namespace Shannon.Lab.Corpora;

/// <summary>Running English text for the experiments, with where it came from.</summary>
/// <param name="Text">The text.</param>
/// <param name="Source">A short description of the source.</param>
/// <param name="IsFallback">True when the Brown corpus was unavailable and the built-in text was used.</param>
/// <param name="Reason">Why the fallback was used (null when it was not).</param>
public sealed record CorpusText(string Text, string Source, bool IsFallback, string? Reason)
{
    /// <summary>The note an experiment adds to its result when it used the fallback.</summary>
    /// <returns>The note, or null.</returns>
    public string? FallbackNote() => IsFallback
        ? $"The Brown corpus was unavailable ({Reason}); this experiment used Shannon's built-in fallback text instead ({Text.Length:N0} characters), so its numbers describe that text."
        : null;
}

/// <summary>
/// Loads English text for the lab: the detagged Brown corpus when it can be fetched, otherwise a built-in
/// fallback text (an original essay shipped with Shannon), so the lab always runs and says which it used.
/// </summary>
public static class EnglishText
{
    private static readonly ConcurrentDictionary<string, Lazy<(BrownCorpus? Corpus, string? Reason)>> Cache = new();

    /// <summary>The Brown corpus from <paramref name="cacheDirectory"/>, loaded once per process; null with the reason when unavailable.</summary>
    /// <param name="cacheDirectory">The cache folder.</param>
    /// <param name="reason">Why it is unavailable.</param>
    /// <returns>The corpus, or null.</returns>
    public static BrownCorpus? TryLoadBrown(string cacheDirectory, out string? reason)
    {
        var entry = Cache.GetOrAdd(cacheDirectory, dir => new Lazy<(BrownCorpus?, string?)>(() =>
        {
            try
            {
                return (BrownCorpus.Load(dir), null);
            }
            catch (CorpusUnavailableException ex)
            {
                return (null, ex.Message);
            }
        })).Value;
        reason = entry.Reason;
        return entry.Corpus;
    }

    /// <summary>The Brown running text, or the fallback with the reason.</summary>
    /// <param name="cacheDirectory">The cache folder.</param>
    /// <returns>The text and its provenance.</returns>
    public static CorpusText Load(string cacheDirectory)
    {
        var corpus = TryLoadBrown(cacheDirectory, out var reason);
        return corpus is not null
            ? new CorpusText(corpus.Text(), "the Brown corpus (" + BrownCorpus.PackageSpec + "), detagged", false, null)
            : new CorpusText(Fallback(), "Shannon's built-in fallback text", true, reason);
    }

    /// <summary>The built-in fallback text (embedded resource).</summary>
    /// <returns>The text.</returns>
    public static string Fallback()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Shannon.Lab.Corpora.fallback.txt")
            ?? throw new InvalidOperationException("The fallback text resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
