using System.CommandLine;
using System.Globalization;
using Shannon.Calibration;
using Shannon.Cli.Output;

namespace Shannon.Cli.Commands;

/// <summary>
/// `shannon calibration FILE --probabilities C[,C...] --label C [--bins 15] [--json]`: ECE, MCE, the reliability
/// diagram, the Brier score with Murphy's decomposition and the log-loss of a classifier's predictions.
/// One probability column means binary (P(label = 1), labels 0/1); K columns mean K classes (labels 0..K-1).
/// </summary>
internal static class CalibrationCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with a header row: probability columns and a label column." };
        var probabilities = new Option<string>("--probabilities")
        {
            Description = "The probability columns: one (binary, P(label = 1)) or K (K classes; rows must sum to 1 within 1e-6).",
            Required = true,
        };
        var label = new Option<string>("--label") { Description = "The label column: 0/1 (binary) or 0..K-1.", Required = true };
        var bins = new Option<int>("--bins") { Description = "Equal-width confidence bins (default 15, as Guo et al. 2017).", DefaultValueFactory = _ => CalibrationMetrics.DefaultBinCount };
        var json = CommonOptions.Json();
        var command = new Command("calibration", "Calibration of a classifier: ECE, MCE, reliability diagram, Brier score (Murphy's decomposition) and log-loss.")
        {
            file, probabilities, label, bins, json,
        };
        command.SetAction(result =>
        {
            int binCount = result.GetValue(bins);
            if (binCount < 1)
            {
                throw new UsageException($"`--bins` must be >= 1; got {binCount}.");
            }

            if (binCount > CalibrationMetrics.MaxBinCount)
            {
                throw new UsageException($"`--bins` must be <= {CalibrationMetrics.MaxBinCount} (more bins than that are almost all empty); got {binCount}.");
            }

            var csv = CalibrationCsv.Read(result.GetValue(file)!);
            var names = (result.GetValue(probabilities) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0)
            {
                throw new UsageException("`--probabilities` must name one or more columns; got an empty value.");
            }

            var columns = names.Select(n => csv.Column(n, "--probabilities")).ToArray();
            int labelColumn = csv.Column(result.GetValue(label)!, "--label");
            var predictions = Load(csv, columns, labelColumn);
            Write(result.Output(), predictions, binCount, result.GetValue(json));
            return 0;
        });
        return command;
    }

    /// <summary>Reads and validates the predictions, with errors that name the column and the line of the file.</summary>
    private static ClassifierPredictions Load(CalibrationCsv csv, int[] columns, int labelColumn)
    {
        int n = csv.Rows.Count, k = columns.Length;
        int classes = k == 1 ? 2 : k;
        var p = new double[n * k];
        var labels = new int[n];
        for (int r = 0; r < n; r++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++)
            {
                double v = csv.Number(r, columns[j]);
                if (!(v >= 0 && v <= 1))
                {
                    throw new UsageException($"`--probabilities` column '{csv.Header[columns[j]]}' must hold probabilities in [0, 1]; got {csv.Rows[r][columns[j]]} on line {csv.Lines[r]}.");
                }

                p[(r * k) + j] = v;
                sum += v;
            }

            if (k > 1 && Math.Abs(sum - 1) > ClassifierPredictions.RowSumTolerance)
            {
                throw new UsageException(
                    $"`--probabilities` columns must sum to 1 on every row (tolerance {CommonOptions.Format(ClassifierPredictions.RowSumTolerance)}); got {CommonOptions.Format(sum)} on line {csv.Lines[r]}. Pass a single column for binary P(label = 1).");
            }

            string text = csv.Rows[r][labelColumn];
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out labels[r]) || labels[r] < 0 || labels[r] >= classes)
            {
                throw new UsageException($"`--label` column '{csv.Header[labelColumn]}' must hold integer labels 0..{classes - 1} ({classes} classes); got '{text}' on line {csv.Lines[r]}.");
            }
        }

        return ClassifierPredictions.FromProbabilities(p, k, labels);
    }

    private static void Write(TextWriter output, ClassifierPredictions predictions, int binCount, bool asJson)
    {
        var diagram = CalibrationMetrics.ReliabilityDiagram(predictions, binCount);
        double ece = CalibrationMetrics.ExpectedCalibrationError(predictions, binCount);
        double mce = CalibrationMetrics.MaximumCalibrationError(predictions, binCount);
        var brier = CalibrationMetrics.DecomposeBrierScore(predictions, binCount);
        double logLoss = CalibrationMetrics.LogLoss(predictions, InformationUnit.Nats).Value;
        int correct = 0;
        for (int i = 0; i < predictions.Count; i++)
        {
            correct += predictions.Predicted(i) == predictions.Labels[i] ? 1 : 0;
        }

        double accuracy = (double)correct / predictions.Count;
        var warnings = new List<string>();
        if (double.IsPositiveInfinity(logLoss))
        {
            warnings.Add("log-loss is infinite: some true label was given probability 0");
        }

        if (predictions.Count < 10 * binCount)
        {
            warnings.Add($"only {predictions.Count} predictions for {binCount} bins: binned ECE is biased upward with few samples per bin");
        }

        if (asJson)
        {
            using var o = new JsonOutput(output);
            o.String("measure", "calibration").String("estimator", "equal-width-bins").String("unit", "probability")
                .Number("value", ece).Number("n", (long)predictions.Count).String("n_counts", "predictions").Number("classes", (long)predictions.ClassCount).Number("bins", (long)binCount)
                .Number("ece", ece).Number("mce", mce).Number("accuracy", accuracy)
                .Number("brier", brier.BrierScore).Number("reliability", brier.Reliability).Number("resolution", brier.Resolution).Number("uncertainty", brier.Uncertainty)
                .Number("within_bin_variance", brier.WithinBinVariance).Number("within_bin_covariance", brier.WithinBinCovariance)
                .Number("log_loss", logLoss).String("log_loss_unit", "nats");
            var w = o.Writer;
            w.WriteStartArray("diagram");
            foreach (var b in diagram)
            {
                w.WriteStartObject();
                w.WriteNumber("lower", b.Lower);
                w.WriteNumber("upper", b.Upper);
                w.WriteNumber("count", b.Count);
                if (b.Count > 0)
                {
                    w.WriteNumber("confidence", b.MeanConfidence);
                    w.WriteNumber("accuracy", b.Accuracy);
                }
                else
                {
                    w.WriteNull("confidence");
                    w.WriteNull("accuracy");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            o.Strings("warnings", warnings);
            return;
        }

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{predictions.Count} predictions, {predictions.ClassCount} classes{(predictions.IsBinary ? " (binary: P(label = 1))" : "")}, accuracy {accuracy:0.####}"));
        output.WriteLine(string.Create(c, $"ECE = {ece:0.######}  MCE = {mce:0.######}  ({binCount} equal-width bins)"));
        output.WriteLine(string.Create(c, $"Brier = {brier.BrierScore:0.######} = reliability {brier.Reliability:0.######} - resolution {brier.Resolution:0.######} + uncertainty {brier.Uncertainty:0.######}"
            + $" + within-bin variance {brier.WithinBinVariance:0.######} - 2 x within-bin covariance {brier.WithinBinCovariance:0.######}"));
        output.WriteLine(string.Create(c, $"log-loss = {logLoss:0.######} nats"));
        output.WriteLine("bin             count  confidence  accuracy");
        foreach (var b in diagram.Where(b => b.Count > 0))
        {
            output.WriteLine(string.Create(c, $"({b.Lower:0.000}, {b.Upper:0.000}]  {b.Count,6}  {b.MeanConfidence,10:0.0000}  {b.Accuracy,8:0.0000}"));
        }

        foreach (var warning in warnings)
        {
            output.WriteLine("warning: " + warning);
        }
    }
}
