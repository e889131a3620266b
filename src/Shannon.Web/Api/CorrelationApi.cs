using Shannon.Lab;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Estimators;
using Shannon.Estimators.Catalogue;
using Shannon.Estimators.Continuous;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// Panel 3, correlation: N draws of a standard bivariate Gaussian with correlation rho (seeded), the true
/// I(X;Y) = -1/2 log(1 - rho^2) and the estimates from the sample.
/// </summary>
internal static class CorrelationApi
{
    public const double MaxAbsRho = 0.99;
    public const int MinN = 20;
    public const int MaxN = 5000;

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/correlation", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        double rho = q.Number("rho", -MaxAbsRho, MaxAbsRho);
        int n = q.Integer("n", MinN, MaxN);
        int bins = q.Integer("bins", 2, 50, 10);
        int seed = q.Integer("seed", 0, int.MaxValue, 1);
        var unit = q.Unit();
        var (x, y) = Sample(rho, n, seed);
        // The catalogue's estimators under their catalogue names (the same on every surface).
        SampleColumn[] a = [SampleColumn.FromNumbers("x", x, VariableKind.Continuous)], b = [SampleColumn.FromNumbers("y", y, VariableKind.Continuous)];
        var settings = new EstimatorSettings { Bins = bins };
        var estimates = new[]
        {
            Estimate($"binned ({bins}x{bins} equal-width plug-in)", EstimatorCatalogue.MutualInformation("binned", a, b, [], settings, unit)),
            Estimate("Gaussian (from the sample covariance)", EstimatorCatalogue.MutualInformation("gaussian", a, b, [], settings, unit)),
            Estimate("KSG (k = 3, algorithm 1)", EstimatorCatalogue.MutualInformation("ksg1", a, b, [], settings, unit)),
        };

        return Results.Json(new
        {
            rho,
            n,
            bins,
            seed,
            unit = InformationUnits.Name(unit),
            trueMutualInformation = Measures.GaussianMutualInformation(rho, unit).Value,
            sampleCorrelation = SampleStatistics.Correlation(x, y),
            estimates,
            points = new { x, y },
        });
    });

    private static System.Text.Json.JsonElement Estimate(string label, InformationEstimate e) => EstimateElements.Of("mi", e, label: label);

    /// <summary>N seeded draws of (X, Y), standard normal marginals with correlation rho.</summary>
    public static (double[] X, double[] Y) Sample(double rho, int n, int seed)
    {
        var law = MultivariateGaussian.WithCovariance(new[,] { { 1, rho }, { rho, 1 } });
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        Span<double> draw = stackalloc double[2];
        for (int i = 0; i < n; i++)
        {
            law.Sample(random, draw);
            x[i] = draw[0];
            y[i] = draw[1];
        }

        return (x, y);
    }
}
