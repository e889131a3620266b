using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Shannon.Web.Api;

/// <summary>
/// Panel 2, two Gaussians P = N(mu1, sigma1^2) and Q = N(mu2, sigma2^2): both densities, D(P||Q) and D(Q||P), and the
/// landscape of D(P||Q) over Q's mean and spread with P held fixed.
/// </summary>
internal static class GaussiansApi
{
    public const double MeanLimit = 5;
    public const double MinStdDev = 0.2;
    public const double MaxStdDev = 4;
    public const int DensityPoints = 241;
    public const int LandscapeSize = 41;

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/gaussians", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        double mu1 = q.Number("mu1", -MeanLimit, MeanLimit);
        double sigma1 = q.Number("sigma1", MinStdDev, MaxStdDev);
        double mu2 = q.Number("mu2", -MeanLimit, MeanLimit);
        double sigma2 = q.Number("sigma2", MinStdDev, MaxStdDev);
        var unit = q.Unit();
        var p = Gaussian.WithMeanStdDev(mu1, sigma1);
        var qq = Gaussian.WithMeanStdDev(mu2, sigma2);

        double lo = -MeanLimit - (2 * MaxStdDev), hi = MeanLimit + (2 * MaxStdDev);
        var x = new double[DensityPoints];
        var dp = new double[DensityPoints];
        var dq = new double[DensityPoints];
        for (int i = 0; i < DensityPoints; i++)
        {
            x[i] = lo + ((hi - lo) * i / (DensityPoints - 1));
            dp[i] = p.Density(x[i]);
            dq[i] = qq.Density(x[i]);
        }

        var means = Grid(-MeanLimit, MeanLimit, LandscapeSize);
        var spreads = Grid(MinStdDev, MaxStdDev, LandscapeSize);
        var values = new double[LandscapeSize][];
        var reverse = new double[LandscapeSize][];
        for (int s = 0; s < LandscapeSize; s++)
        {
            values[s] = new double[LandscapeSize];
            reverse[s] = new double[LandscapeSize];
            for (int m = 0; m < LandscapeSize; m++)
            {
                var candidate = Gaussian.WithMeanStdDev(means[m], spreads[s]);
                values[s][m] = Measures.KullbackLeibler(p, candidate, unit).Value;
                reverse[s][m] = Measures.KullbackLeibler(candidate, p, unit).Value;
            }
        }

        return Results.Json(new
        {
            mu1,
            sigma1,
            mu2,
            sigma2,
            unit = InformationUnits.Name(unit),
            klPQ = Measures.KullbackLeibler(p, qq, unit).Value,
            klQP = Measures.KullbackLeibler(qq, p, unit).Value,
            entropyP = Measures.DifferentialEntropy(p, unit).Value,
            entropyQ = Measures.DifferentialEntropy(qq, unit).Value,
            densities = new { x, p = dp, q = dq },
            landscape = new { measure = "D(P||Q) over Q = N(mean, spread^2)", means, spreads, values },
            // The other direction over the same grid: KL is not symmetric, and the two maps differ in shape.
            landscape_reverse = new { measure = "D(Q||P) over Q = N(mean, spread^2)", means, spreads, values = reverse, max = reverse.SelectMany(r => r).Max() },
            landscape_max = values.SelectMany(r => r).Max(),
        });
    });

    private static double[] Grid(double lo, double hi, int count)
    {
        var g = new double[count];
        for (int i = 0; i < count; i++)
        {
            g[i] = lo + ((hi - lo) * i / (count - 1));
        }

        return g;
    }
}
