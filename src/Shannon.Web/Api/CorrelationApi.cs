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

    /// <summary>The curve's correlations: 0, 0.05, ..., 0.95 (MI is even in rho, so the positive half shows it all).</summary>
    public static readonly double[] CurveRhos = Enumerable.Range(0, 20).Select(i => i / 20.0).ToArray();

    /// <summary>The estimators the panel shows, by catalogue name, with their labels.</summary>
    public static IReadOnlyList<(string Name, string Label)> Shown(int bins) =>
    [
        ("binned", $"binned ({bins}x{bins} equal-width plug-in)"),
        ("gaussian", "Gaussian (from the sample covariance)"),
        ("ksg1", "KSG (k = 3, algorithm 1)"),
    ];

    /// <summary>The catalogue's estimate of I(X;Y) by <paramref name="estimator"/> on the seeded sample for rho and N.</summary>
    public static InformationEstimate EstimateAt(string estimator, double rho, int n, int bins, int seed, InformationUnit unit)
    {
        var (x, y) = Sample(rho, n, seed);
        return EstimateOn(estimator, x, y, bins, unit);
    }

    /// <summary>The catalogue's estimator under its catalogue name (the same on every surface), on a sample.</summary>
    private static InformationEstimate EstimateOn(string estimator, double[] x, double[] y, int bins, InformationUnit unit)
    {
        SampleColumn[] a = [SampleColumn.FromNumbers("x", x, VariableKind.Continuous)], b = [SampleColumn.FromNumbers("y", y, VariableKind.Continuous)];
        return EstimatorCatalogue.MutualInformation(estimator, a, b, [], new EstimatorSettings { Bins = bins }, unit);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/correlation", Single);
        app.MapGet("/api/correlation/curve", Curve);
    }

    /// <summary>
    /// The estimators' curves against rho for one N (seed, bins): at each rho of <see cref="CurveRhos"/> the truth and
    /// each estimate (written by the library's EstimateJson), on the sample drawn with the same seed.
    /// </summary>
    private static IResult Curve(HttpRequest request, CancellationToken cancellationToken)
    {
        var q = new Parameters(request);
        int n = q.Integer("n", MinN, MaxN);
        int bins = q.Integer("bins", 2, 50, 10);
        int seed = q.Integer("seed", 0, int.MaxValue, 1);
        var unit = q.Unit();
        var points = new List<object>(CurveRhos.Length);
        foreach (double rho in CurveRhos)
        {
            cancellationToken.ThrowIfCancellationRequested();
            points.Add(new
            {
                rho,
                true_mutual_information = Measures.GaussianMutualInformation(rho, unit).Value,
                estimates = Shown(bins).Select(e => Estimate(e.Label, EstimateAt(e.Name, rho, n, bins, seed, unit))).ToArray(),
            });
        }

        return Results.Json(new { n, bins, seed, unit = InformationUnits.Name(unit), points });
    }

    private static IResult Single(HttpRequest request)
    {
        var q = new Parameters(request);
        double rho = q.Number("rho", -MaxAbsRho, MaxAbsRho);
        int n = q.Integer("n", MinN, MaxN);
        int bins = q.Integer("bins", 2, 50, 10);
        int seed = q.Integer("seed", 0, int.MaxValue, 1);
        var unit = q.Unit();
        var (x, y) = Sample(rho, n, seed);
        var estimates = Shown(bins).Select(e => Estimate(e.Label, EstimateOn(e.Name, x, y, bins, unit))).ToArray();

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
    }

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
