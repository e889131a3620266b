using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Lab.Report;

namespace Shannon.Web.Api;

/// <summary>
/// Panel 6, the entropy diagram of an editable 2x2 to 3x3 joint table (non-negative weights, normalised on read
/// like <c>shannon ib --joint</c>): H(X), H(Y), H(X,Y), the conditional entropies and I(X;Y), with two circles
/// whose areas are H(X) and H(Y) and whose overlap is I(X;Y), to scale.
/// </summary>
internal static class VennApi
{
    public const int MinSide = 2;
    public const int MaxSide = 3;
    public const double MaxWeight = 1e6;

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/venn", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        int rows = q.Integer("rows", MinSide, MaxSide);
        int columns = q.Integer("columns", MinSide, MaxSide);
        var weights = q.Numbers("weights", rows * columns, rows * columns, 0, MaxWeight);
        var unit = q.Unit();
        var joint = JointDistribution.FromCounts(weights, rows, columns);
        double hx = Measures.Entropy(joint.MarginalOf(0), unit).Value;
        double hy = Measures.Entropy(joint.MarginalOf(1), unit).Value;
        double hxy = Measures.JointEntropy(joint, unit).Value;
        double mi = Measures.MutualInformation(joint, unit).Value;
        var diagram = VennGeometry.Solve(hx, hy, mi);
        return Results.Json(new
        {
            rows,
            columns,
            unit = InformationUnits.Name(unit),
            probabilities = joint.ToArray(),
            marginalX = joint.MarginalOf(0).ToArray(),
            marginalY = joint.MarginalOf(1).ToArray(),
            entropyX = hx,
            entropyY = hy,
            jointEntropy = hxy,
            conditionalEntropyXGivenY = Measures.ConditionalEntropy(joint, [0], [1], unit).Value,
            conditionalEntropyYGivenX = Measures.ConditionalEntropy(joint, unit).Value,
            mutualInformation = mi,
            maxEntropy = InformationUnits.FromNats(Math.Log(Math.Max(rows, columns)), unit),
            variationOfInformation = Measures.VariationOfInformation(joint, unit).Value,
            diagram = new { radiusX = diagram.RadiusX, radiusY = diagram.RadiusY, distance = diagram.Distance, overlapArea = diagram.OverlapArea },
        });
    });
}
