using CsCheck;
using Shannon.Calibration;

namespace Shannon.Tests.Calibration;

public class CalibrationMetricsTests
{
    [Fact]
    public void ExpectedCalibrationErrorOnAHandComputedExample()
    {
        // Two classes, four predictions, M = 15 bins of width 1/15 (bin k: ((k-1)/15, k/15]):
        //   row 0: [0.9, 0.1], label 0 -> predicts 0, confidence 0.9, right.   0.9 in (13/15, 14/15] = (0.8667, 0.9333]: bin 14
        //   row 1: [0.1, 0.9], label 0 -> predicts 1, confidence 0.9, wrong.   bin 14
        //   row 2: [0.4, 0.6], label 1 -> predicts 1, confidence 0.6, right.   0.6 = 9/15 exactly: (8/15, 9/15], bin 9
        //   row 3: [0.55, 0.45], label 1 -> predicts 0, confidence 0.55, wrong. 0.55 in (0.5333, 0.6]: bin 9
        // Bin 14: mean confidence 0.9, accuracy 1/2, gap 0.4; bin 9: mean confidence 0.575, accuracy 1/2, gap 0.075.
        // ECE = 2/4 * 0.4 + 2/4 * 0.075 = 0.2375; MCE = max(0.4, 0.075) = 0.4.
        // (Had 0.6 fallen into bin 10, the ECE would be 0.2 + 1/4 * 0.55 + 1/4 * 0.4 = 0.4375.)
        var predictions = ClassifierPredictions.FromProbabilities([0.9, 0.1, 0.1, 0.9, 0.4, 0.6, 0.55, 0.45], 2, [0, 0, 1, 1]);
        Assert.Equal(0.2375, CalibrationMetrics.ExpectedCalibrationError(predictions), 1e-15);
        Assert.Equal(0.4, CalibrationMetrics.MaximumCalibrationError(predictions), 1e-15);
        var bins = CalibrationMetrics.ReliabilityDiagram(predictions);
        Assert.Equal(15, bins.Length);
        Assert.Equal(2, bins[13].Count);
        Assert.Equal(2, bins[8].Count);
        Assert.Equal(0.575, bins[8].MeanConfidence, 1e-15);
        Assert.Equal(0.5, bins[8].Accuracy);
        Assert.Equal(4, bins.Sum(b => b.Count));
        Assert.True(double.IsNaN(bins[0].Accuracy));
    }

    [Fact]
    public void EdgesBelongToTheLowerBin()
    {
        for (int m = 1; m <= 40; m++)
        {
            Assert.Equal(0, CalibrationMetrics.BinIndex(0.0, m));
            for (int k = 1; k <= m; k++)
            {
                Assert.Equal(k - 1, CalibrationMetrics.BinIndex((double)k / m, m));
                Assert.Equal(k - 1, CalibrationMetrics.BinIndex(Math.BitDecrement((double)k / m), m));
                if (k < m)
                {
                    Assert.Equal(k, CalibrationMetrics.BinIndex(Math.BitIncrement((double)k / m), m));
                }
            }
        }
    }

    // Source: tools/reference/alignment_calibration.py (numpy 1.24.2; Brier and log-loss also from scikit-learn 1.2.1
    // brier_score_loss / log_loss). Tolerance 1e-13: sums of a dozen terms of order 1.
    [Fact]
    public void BinaryMatchesPythonReference()
    {
        double[] p = [0.05, 0.15, 0.2, 0.35, 0.5, 0.55, 0.62, 0.7, 0.81, 0.9, 0.95, 0.99];
        int[] y = [0, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1];
        var predictions = ClassifierPredictions.FromProbabilities(p, 1, y);
        Assert.Equal(0.3058333333333333, CalibrationMetrics.ExpectedCalibrationError(predictions), 1e-13);
        Assert.Equal(0.9, CalibrationMetrics.MaximumCalibrationError(predictions), 1e-13);
        Assert.Equal(0.6203271632065528, CalibrationMetrics.LogLoss(predictions, InformationUnit.Nats).Value, 1e-13);
        var d = CalibrationMetrics.DecomposeBrierScore(predictions);
        Assert.Equal(0.2135916666666667, d.BrierScore, 1e-13);
        Assert.Equal(0.17592083333333336, d.Reliability, 1e-13);
        Assert.Equal(0.20138888888888887, d.Resolution, 1e-13);
        Assert.Equal(0.24305555555555555, d.Uncertainty, 1e-13);
        Assert.Equal(0.00017083333333333352, d.WithinBinVariance, 1e-13);
        Assert.Equal(0.002083333333333334, d.WithinBinCovariance, 1e-13);
    }

    [Fact]
    public void MultiClassMatchesPythonReference()
    {
        double[] p =
        [
            0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.3, 0.3, 0.4, 0.25, 0.5, 0.25, 0.6, 0.3, 0.1,
            0.05, 0.05, 0.9, 0.4, 0.35, 0.25, 0.2, 0.2, 0.6, 1.0, 0.0, 0.0, 0.34, 0.33, 0.33,
        ];
        int[] y = [0, 1, 1, 1, 2, 2, 0, 2, 0, 1];
        var predictions = ClassifierPredictions.FromProbabilities(p, 3, y);
        Assert.Equal(0.14400000000000002, CalibrationMetrics.ExpectedCalibrationError(predictions), 1e-13);
        Assert.Equal(0.5, CalibrationMetrics.MaximumCalibrationError(predictions), 1e-13);
        Assert.Equal(0.7420663068952453, CalibrationMetrics.LogLoss(predictions, InformationUnit.Nats).Value, 1e-13);
        var d = CalibrationMetrics.DecomposeBrierScore(predictions);
        Assert.Equal(0.4048399999999999, d.BrierScore, 1e-13);
        Assert.Equal(0.22914166666666674, d.Reliability, 1e-13);
        Assert.Equal(0.4766666666666666, d.Resolution, 1e-13);
        Assert.Equal(0.6599999999999999, d.Uncertainty, 1e-13);
        Assert.Equal(0.00036500000000000014, d.WithinBinVariance, 1e-13);
        Assert.Equal(0.004000000000000001, d.WithinBinCovariance, 1e-13);
    }

    [Fact]
    public void MurphyTermsSumToTheBrierScoreExactlyForBinnedForecasts()
    {
        // Forecasts at the bin centres (k - 1/2) / M: one value per bin, so the within-bin terms vanish and
        // Brier = REL - RES + UNC holds exactly (up to rounding of sums of ~10^3 terms: 1e-14).
        const int m = 10;
        var random = new Random(3);
        const int n = 2000;
        var p = new double[n];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = (random.Next(m) + 0.5) / m;
            y[i] = random.NextDouble() < Math.Pow(p[i], 1.5) ? 1 : 0; // a miscalibrated forecaster
        }

        var d = CalibrationMetrics.DecomposeBrierScore(ClassifierPredictions.FromProbabilities(p, 1, y), m);
        Assert.True(d.WithinBinVariance < 1e-28);
        Assert.True(Math.Abs(d.WithinBinCovariance) < 1e-15);
        Assert.Equal(d.BrierScore, d.Reliability - d.Resolution + d.Uncertainty, 1e-14);
        Assert.True(d.Reliability > 0.001);
    }

    [Fact]
    public void ExtendedDecompositionIsAnIdentityForAnyForecasts()
    {
        // Stephenson et al. (2008): BS = REL - RES + UNC + WBV - 2 WBC for any forecasts and bins; K classes too.
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 30], Gen.Int[1, 25], Gen.Int[0, 100000]).Sample((classes, n, bins, seed) =>
        {
            var random = new Random(seed);
            int columns = classes == 1 ? 1 : classes;
            var p = new double[n * columns];
            var y = new int[n];
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int k = 0; k < columns; k++)
                {
                    p[(i * columns) + k] = columns == 1 ? random.NextDouble() : random.NextDouble() + 1e-3;
                    sum += p[(i * columns) + k];
                }

                if (columns > 1)
                {
                    for (int k = 0; k < columns; k++)
                    {
                        p[(i * columns) + k] /= sum;
                    }
                }

                y[i] = random.Next(columns == 1 ? 2 : columns);
            }

            var d = CalibrationMetrics.DecomposeBrierScore(ClassifierPredictions.FromProbabilities(p, columns, y), bins);
            double rebuilt = d.Reliability - d.Resolution + d.Uncertainty + d.WithinBinVariance - (2 * d.WithinBinCovariance);
            return Math.Abs(rebuilt - d.BrierScore) < 1e-12 && d.Reliability >= 0 && d.Resolution >= 0 && d.WithinBinVariance >= 0;
        });
    }

    [Fact]
    public void LogLossIsInfiniteWhenTheTrueClassHasProbabilityZero()
    {
        var predictions = ClassifierPredictions.FromProbabilities([0.0, 1.0], 2, [0]);
        Assert.Equal(double.PositiveInfinity, CalibrationMetrics.LogLoss(predictions, InformationUnit.Nats).Value);
        var binary = ClassifierPredictions.FromProbabilities([0.5], 1, [1]);
        Assert.Equal(1.0, CalibrationMetrics.LogLoss(binary, InformationUnit.Bits).Value, 1e-15);
    }

    [Fact]
    public void BadInputNamesParameterAndValue()
    {
        var e1 = Assert.Throws<ArgumentException>(() => ClassifierPredictions.FromProbabilities([0.5, 1.2], 1, [0, 1]));
        Assert.Equal("probabilities", e1.ParamName);
        Assert.Contains("1.2 at row 1", e1.Message, StringComparison.Ordinal);
        var e2 = Assert.Throws<ArgumentException>(() => ClassifierPredictions.FromProbabilities([0.5, 0.4, 0.5, 0.5], 2, [0, 1]));
        Assert.Equal("probabilities", e2.ParamName);
        Assert.Contains("tolerance 1E-06", e2.Message, StringComparison.Ordinal);
        Assert.Contains("row 0", e2.Message, StringComparison.Ordinal);
        var e3 = Assert.Throws<ArgumentException>(() => ClassifierPredictions.FromProbabilities([0.5, 0.5], 1, [0, 2]));
        Assert.Equal("labels", e3.ParamName);
        Assert.Contains("2 at row 1", e3.Message, StringComparison.Ordinal);
        var e4 = Assert.Throws<ArgumentException>(() => ClassifierPredictions.FromProbabilities([0.5, 0.5, 0.5], 1, [0, 1]));
        Assert.Equal("probabilities", e4.ParamName);
        var e5 = Assert.Throws<ArgumentException>(() => ClassifierPredictions.FromProbabilities([], 1, []));
        Assert.Equal("labels", e5.ParamName);
        var e6 = Assert.Throws<ArgumentException>(() => ClassifierPredictions.FromProbabilities([double.NaN], 1, [0]));
        Assert.Contains("NaN", e6.Message, StringComparison.Ordinal);
    }
}
