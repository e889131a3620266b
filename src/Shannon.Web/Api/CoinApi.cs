using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Shannon.Web.Api;

/// <summary>Panel 1, the coin: H(p) on the binary-entropy curve and the surprisal of each outcome.</summary>
internal static class CoinApi
{
    public const int CurvePoints = 101;

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/coin", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        double p = q.Number("p", 0, 1);
        var unit = q.Unit();
        var curveP = new double[CurvePoints];
        var curveH = new double[CurvePoints];
        for (int i = 0; i < CurvePoints; i++)
        {
            curveP[i] = (double)i / (CurvePoints - 1);
            curveH[i] = Measures.BinaryEntropy(curveP[i], unit).Value;
        }

        return Results.Json(new
        {
            p,
            unit = InformationUnits.Name(unit),
            entropy = Measures.BinaryEntropy(p, unit).Value,
            surprisalHeads = Measures.InformationContent(p, unit).Value,
            surprisalTails = Measures.InformationContent(1 - p, unit).Value,
            maxEntropy = Measures.BinaryEntropy(0.5, unit).Value,
            curve = new { p = curveP, h = curveH },
        });
    });
}
