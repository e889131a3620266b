using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Bottleneck;

namespace Shannon.Web.Api;

/// <summary>
/// Panel 5, the bottleneck: the information bottleneck (<see cref="InformationBottleneck.Solve"/>, default options,
/// seed 0) of a fixed 6 x 3 joint table at the beta of the slider: the encoder q(t|x), I(X;T) and I(T;Y), and the
/// information curve over a log-spaced beta grid (<see cref="InformationBottleneck.Curve"/>, computed once per unit).
/// </summary>
internal static class BottleneckApi
{
    public const double MinBeta = 0.1;
    public const double MaxBeta = 100;
    public const int CurvePoints = 41;

    /// <summary>The panel's table of weights (normalised): six inputs that lean more and more towards the third output.</summary>
    public static readonly double[] Weights = [8, 1, 1, 6, 3, 1, 2, 6, 2, 1, 6, 3, 1, 2, 7, 1, 1, 8];

    public const int Rows = 6;
    public const int Columns = 3;

    private static readonly ConcurrentDictionary<InformationUnit, Lazy<InformationCurve>> Curves = new();

    public static JointDistribution Joint { get; } = JointDistribution.FromCounts(Weights, Rows, Columns);

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/bottleneck", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        double beta = q.Number("beta", MinBeta, MaxBeta);
        var unit = q.Unit();
        var solution = InformationBottleneck.Solve(Joint, beta, unit, cancellationToken: request.HttpContext.RequestAborted);
        var curve = Curves.GetOrAdd(unit, u => new Lazy<InformationCurve>(() => InformationBottleneck.Curve(Joint, Grid(), u))).Value;
        int t = solution.ClusterCount;
        var encoder = new double[Rows][];
        for (int x = 0; x < Rows; x++)
        {
            encoder[x] = solution.Encoder.Slice(x * t, t).ToArray();
        }

        return Results.Json(new
        {
            beta,
            unit = InformationUnits.Name(unit),
            probabilities = Joint.ToArray(),
            rows = Rows,
            columns = Columns,
            clusterCount = t,
            encoder,
            mutualInformationXT = solution.MutualInformationXT,
            mutualInformationTY = solution.MutualInformationTY,
            mutualInformationXY = curve.MutualInformationXY,
            entropyX = Measures.Entropy(Joint.MarginalOf(0), unit).Value,
            criticalBeta = curve.CriticalBeta,
            converged = solution.Converged,
            iterations = solution.Iterations,
            curve = new
            {
                betas = curve.Points.Select(p => p.Beta),
                mutualInformationXT = curve.Points.Select(p => p.MutualInformationXT),
                mutualInformationTY = curve.Points.Select(p => p.MutualInformationTY),
            },
        });
    });

    private static double[] Grid()
    {
        var g = new double[CurvePoints];
        for (int i = 0; i < CurvePoints; i++)
        {
            g[i] = MinBeta * Math.Pow(MaxBeta / MinBeta, (double)i / (CurvePoints - 1));
        }

        return g;
    }
}
