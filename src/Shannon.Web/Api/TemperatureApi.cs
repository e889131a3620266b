using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/temperature", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        double t = q.Number("t", MinTemperature, MaxTemperature);
        var logits = q.Numbers("logits", 2, Parameters.MaxListLength, -LogitLimit, LogitLimit, DefaultLogits);
        var unit = q.Unit();
        var labels = Enumerable.Range(0, logits.Length).Select(i => ((char)('A' + (i % 26))).ToString() + (i >= 26 ? (i / 26).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")).ToArray();
        return Results.Json(Distribution(t, logits, labels, unit));
    });

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
