using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Lab.Experiments;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// The RLHF leash: the KL-regularised optimum pi_beta proportional to ref exp(r / beta) of the lab's alignment
/// experiment (reference: the letter frequencies of the built-in English text; reward 1 for a vowel), its expected
/// reward and KL(pi_beta || ref) at the chosen beta, and the whole reward-KL frontier over beta.
/// </summary>
internal static class LeashApi
{
    public const double MinBeta = 0.01;
    public const double MaxBeta = 100;

    /// <summary>The frontier's betas: 10^-2 .. 10^2 in 41 steps of 0.1 in log10.</summary>
    public static readonly double[] FrontierBetas = Enumerable.Range(0, 41).Select(i => Math.Pow(10, -2 + (i / 10.0))).ToArray();

    private static readonly Lazy<double[]> Reference = new(AlignmentExperiment.ReferenceLetters);
    private static readonly Lazy<double[]> Reward = new(AlignmentExperiment.VowelReward);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/leash", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        double beta = q.Number("beta", MinBeta, MaxBeta);
        var unit = q.Unit();
        var (reward, kl) = AlignmentExperiment.Optimum(Reference.Value, Reward.Value, beta);
        var frontier = FrontierBetas.Select(b => AlignmentExperiment.Optimum(Reference.Value, Reward.Value, b)).ToArray();
        return Results.Json(new
        {
            beta,
            unit = InformationUnits.Name(unit),
            reward,
            kullback_leibler = InformationUnits.FromNats(kl, unit),
            frontier = new
            {
                betas = FrontierBetas,
                reward = frontier.Select(f => f.Reward).ToArray(),
                kullback_leibler = frontier.Select(f => InformationUnits.FromNats(f.KullbackLeibler, unit)).ToArray(),
            },
        });
    });
}
