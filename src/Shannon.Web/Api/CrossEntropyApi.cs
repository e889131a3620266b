using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Lab.Models;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// Cross-entropy training: a model Q = softmax(z), z from 0, fitted to a target P by gradient descent on H(P, Q)
/// (the lab's <see cref="SoftmaxFit"/>); at the chosen step H(P), H(P, Q) and the gap KL(P || Q) = H(P, Q) - H(P),
/// each from the library's measures, and the loss curve over every step.
/// </summary>
internal static class CrossEntropyApi
{
    public const int MaxSteps = 500;
    public const double MaxRate = 50;
    public const double MaxWeight = 1e6;

    /// <summary>The panel's target weights (normalised to P).</summary>
    public static readonly double[] DefaultTarget = [0.5, 0.2, 0.15, 0.1, 0.05];

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/cross-entropy", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        var weights = q.Numbers("p", 2, Parameters.MaxListLength, 0, MaxWeight, DefaultTarget);
        int step = q.Integer("step", 0, MaxSteps);
        int steps = q.Integer("steps", 1, MaxSteps, 200);
        double rate = q.Number("rate", 0.001, MaxRate, 1.0);
        var unit = q.Unit();
        if (weights.Sum() <= 0)
        {
            throw Parameters.Bad("p", "a list of weights, not all 0", string.Join(",", weights.Select(Parameters.Format)));
        }

        var target = Categorical.FromWeights(weights);
        var path = SoftmaxFit.Trajectory(target, Math.Max(step, steps), rate);
        var p = target.Probabilities.ToArray();
        var model = path[step];
        return Results.Json(new
        {
            step,
            steps,
            rate,
            unit = InformationUnits.Name(unit),
            p,
            q = model,
            entropy = Measures.Entropy(p, unit).Value,
            cross_entropy = Measures.CrossEntropy(p, model, unit).Value,
            kullback_leibler = Measures.KullbackLeibler(p, model, unit).Value,
            curve = new
            {
                cross_entropy = path.Take(steps + 1).Select(m => Measures.CrossEntropy(p, m, unit).Value).ToArray(),
                kullback_leibler = path.Take(steps + 1).Select(m => Measures.KullbackLeibler(p, m, unit).Value).ToArray(),
            },
        });
    });
}
