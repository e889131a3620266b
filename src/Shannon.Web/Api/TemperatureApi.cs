using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// Panel 4, temperature: softmax(z / T) of fixed (or given) logits, its entropy and perplexity. Low T sharpens the
/// distribution towards its arg-max, high T flattens it towards uniform (entropy log K).
/// </summary>
internal static class TemperatureApi
{
    public const double MinTemperature = 0.05;
    public const double MaxTemperature = 20;
    public const double LogitLimit = 50;

    /// <summary>The panel's fixed logits, one per label.</summary>
    public static readonly double[] DefaultLogits = [3.0, 2.0, 1.5, 1.0, 0.5, 0.0, -0.5, -1.0];

    /// <summary>How many of the most likely next characters the language-model answer lists (the entropy covers all).</summary>
    public const int ShownCharacters = 24;

    public const int MaxPrefixLength = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/temperature", Fixed);
        app.MapGet("/api/temperature/lm", NextCharacter);
    }

    private static IResult Fixed(HttpRequest request)
    {
        var q = new Parameters(request);
        double t = q.Number("t", MinTemperature, MaxTemperature);
        var logits = q.Numbers("logits", 2, Parameters.MaxListLength, -LogitLimit, LogitLimit, DefaultLogits);
        var unit = q.Unit();
        var labels = Enumerable.Range(0, logits.Length).Select(i => ((char)('A' + (i % 26))).ToString() + (i >= 26 ? (i / 26).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")).ToArray();
        return Results.Json(Distribution(t, logits, labels, unit));
    }

    /// <summary>
    /// The character model's next-character distribution after a prefix, as logits ln p (characters of probability 0,
    /// if any, are left out: they stay at 0 at every temperature), then softmax(logits / T): its entropy over every
    /// character and the <see cref="ShownCharacters"/> most likely ones.
    /// </summary>
    private static IResult NextCharacter(HttpRequest request, LanguageModelSource source)
    {
        var q = new Parameters(request);
        double t = q.Number("t", MinTemperature, MaxTemperature);
        string prefix = q.Text("prefix", MaxPrefixLength) ?? "";
        var unit = q.Unit();
        var model = source.Model;
        var p = new double[model.SymbolCount];
        model.Distribution(prefix, p);
        var logits = new List<double>(p.Length);
        var labels = new List<string>(p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                logits.Add(Math.Log(p[i]));
                labels.Add(i == 0 ? "other" : model.Alphabet[i - 1].ToString());
            }
        }

        var z = logits.ToArray();
        var probabilities = new double[z.Length];
        Measures.Softmax(z, t, probabilities);
        var entropy = Measures.EntropyFromLogits(z, t, unit);
        var top = Enumerable.Range(0, z.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).Take(ShownCharacters).ToArray();
        return Results.Json(new
        {
            t,
            prefix,
            unit = InformationUnits.Name(unit),
            model = source.Description,
            characterCount = z.Length,
            labels = top.Select(i => labels[i]),
            probabilities = top.Select(i => probabilities[i]),
            entropy = entropy.Value,
            perplexity = Math.Exp(entropy.Nats),
            maxEntropy = InformationUnits.FromNats(Math.Log(z.Length), unit),
        });
    }

    /// <summary>The response for one temperature over logits with labels.</summary>
    public static object Distribution(double t, double[] logits, string[] labels, InformationUnit unit)
    {
        var probabilities = new double[logits.Length];
        Measures.Softmax(logits, t, probabilities);
        var entropy = Measures.EntropyFromLogits(logits, t, unit);
        return new
        {
            t,
            unit = InformationUnits.Name(unit),
            labels,
            logits,
            probabilities,
            entropy = entropy.Value,
            perplexity = Math.Exp(entropy.Nats),
            maxEntropy = InformationUnits.FromNats(Math.Log(logits.Length), unit),
        };
    }
}
