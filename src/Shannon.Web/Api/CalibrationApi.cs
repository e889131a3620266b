using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Shannon.Calibration;
using Shannon.Lab.Experiments;
using Shannon.Web.Estimation;

namespace Shannon.Web.Api;

/// <summary>
/// Calibration: the lab's over-confident 10-class model (it reports 3 z where z is calibrated; the alignment
/// experiment's data at its quick-mode sizes), its held-out predictions softmax(z / T) at the chosen temperature, and
/// the library's calibration measures of them: ECE, MCE, Brier score, log-loss and the reliability diagram. The
/// temperature fitted on the validation set by the library's temperature scaling is given for reference.
/// </summary>
internal static class CalibrationApi
{
    public const int Classes = 10;
    public const int ValidationCount = 2000;
    public const int TestCount = 4000;
    public const double MinTemperature = 0.1;
    public const double MaxTemperature = 10;

    /// <summary>The held-out logits and labels (seed 32) and the validation fit (seed 31), as in the lab.</summary>
    public static readonly Lazy<(double[] Logits, int[] Labels, TemperatureScalingResult Fit)> Data = new(() =>
    {
        var (validation, validationLabels) = AlignmentExperiment.OverConfident(ValidationCount, Classes, 31);
        var (test, testLabels) = AlignmentExperiment.OverConfident(TestCount, Classes, 32);
        return (test, testLabels, TemperatureScaling.Fit(validation, Classes, validationLabels));
    });

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/calibration", (HttpRequest request) =>
    {
        var q = new Parameters(request);
        double t = q.Number("t", MinTemperature, MaxTemperature);
        int bins = q.Integer("bins", 2, 50, CalibrationMetrics.DefaultBinCount);
        var unit = q.Unit();
        var (logits, labels, fit) = Data.Value;
        var predictions = TemperatureScaling.Apply(logits, Classes, labels, t);
        var diagram = CalibrationMetrics.ReliabilityDiagram(predictions, bins);
        return Results.Json(new
        {
            t,
            bins,
            unit = InformationUnits.Name(unit),
            n = TestCount,
            classes = Classes,
            fitted_temperature = fit.Temperature,
            ece = CalibrationMetrics.ExpectedCalibrationError(predictions, bins),
            mce = CalibrationMetrics.MaximumCalibrationError(predictions, bins),
            brier = CalibrationMetrics.BrierScore(predictions),
            log_loss = CalibrationMetrics.LogLoss(predictions, unit).Value,
            // Empty bins have no confidence or accuracy: null, not NaN.
            reliability_diagram = diagram.Select(b => new
            {
                lower = b.Lower,
                upper = b.Upper,
                count = b.Count,
                mean_confidence = b.Count > 0 ? b.MeanConfidence : (double?)null,
                accuracy = b.Count > 0 ? b.Accuracy : (double?)null,
            }).ToArray(),
        });
    });
}
