using Shannon.Lab.Corpora;
using Shannon.Lab.Language;

namespace Shannon.Web.Estimation;

/// <summary>
/// The character language model behind the temperature panel: interpolated Kneser-Ney of order
/// <see cref="Order"/>, trained once, on first use, on the file given to <c>shannon serve --corpus</c> or else on
/// Shannon's built-in English text (offline, a few thousand characters, so the model is small but immediate).
/// </summary>
public sealed class LanguageModelSource
{
    /// <summary>The model's order (context of Order - 1 characters).</summary>
    public const int Order = 5;

    private readonly Lazy<(CharacterLanguageModel Model, string Description)> _model;

    /// <summary>Creates the source; nothing is read or trained until the first request.</summary>
    /// <param name="corpusPath">A UTF-8 text file to train on, or null for the built-in text.</param>
    public LanguageModelSource(string? corpusPath)
    {
        CorpusPath = corpusPath;
        _model = new(() =>
        {
            string text = corpusPath is null ? EnglishText.Fallback() : File.ReadAllText(corpusPath);
            string source = corpusPath is null ? "Shannon's built-in English text" : Path.GetFileName(corpusPath);
            var model = CharacterLanguageModel.Train(text, Order);
            return (model, $"order-{Order} Kneser-Ney model of {source} ({text.Length:N0} characters)");
        });
    }

    /// <summary>The training file, or null for the built-in text.</summary>
    public string? CorpusPath { get; }

    /// <summary>The trained model.</summary>
    public CharacterLanguageModel Model => _model.Value.Model;

    /// <summary>What the model was trained on, for the page.</summary>
    public string Description => _model.Value.Description;
}
