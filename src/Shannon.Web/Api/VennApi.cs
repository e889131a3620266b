using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
        var diagram = VennLayout.Solve(hx, hy, mi);
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

/// <summary>
/// Two circles drawn to scale: areas H(X) and H(Y) (so r = sqrt(H / pi)), centres at the distance whose lens area is
/// I(X;Y), found by bisection (the lens area decreases strictly with the distance between |r1 - r2| and r1 + r2).
/// </summary>
internal static class VennLayout
{
    public readonly record struct Circles(double RadiusX, double RadiusY, double Distance, double OverlapArea);

    public static Circles Solve(double areaX, double areaY, double overlap)
    {
        double r1 = Math.Sqrt(Math.Max(areaX, 0) / Math.PI);
        double r2 = Math.Sqrt(Math.Max(areaY, 0) / Math.PI);
        double lo = Math.Abs(r1 - r2), hi = r1 + r2;
        if (overlap <= 0 || r1 == 0 || r2 == 0)
        {
            return new Circles(r1, r2, hi, 0);
        }

        if (overlap >= LensArea(r1, r2, lo))
        {
            return new Circles(r1, r2, lo, LensArea(r1, r2, lo));
        }

        for (int i = 0; i < 200 && hi - lo > 1e-15 * (r1 + r2); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (LensArea(r1, r2, mid) > overlap)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double d = 0.5 * (lo + hi);
        return new Circles(r1, r2, d, LensArea(r1, r2, d));
    }

    /// <summary>The area of the intersection of two discs of radii r1, r2 whose centres are d apart.</summary>
    public static double LensArea(double r1, double r2, double d)
    {
        if (d >= r1 + r2)
        {
            return 0;
        }

        if (d <= Math.Abs(r1 - r2))
        {
            double r = Math.Min(r1, r2);
            return Math.PI * r * r;
        }

        double a1 = Math.Acos(Math.Clamp(((d * d) + (r1 * r1) - (r2 * r2)) / (2 * d * r1), -1, 1));
        double a2 = Math.Acos(Math.Clamp(((d * d) + (r2 * r2) - (r1 * r1)) / (2 * d * r2), -1, 1));
        double k = (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2);
        return (r1 * r1 * a1) + (r2 * r2 * a2) - (0.5 * Math.Sqrt(Math.Max(k, 0)));
    }
}
