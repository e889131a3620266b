namespace Shannon.Calibration;

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Index">0-based bin index k; the bin is (Lower, Upper] (the first bin also holds 0).</param>
/// <param name="Lower">k / M.</param>
/// <param name="Upper">(k + 1) / M.</param>
/// <param name="Count">The number of predictions whose confidence falls in the bin.</param>
/// <param name="MeanConfidence">Their mean confidence (NaN for an empty bin).</param>
/// <param name="Accuracy">The fraction of them whose predicted class is right (NaN for an empty bin).</param>
public readonly record struct ReliabilityBin(int Index, double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>
/// Murphy's decomposition of the Brier score on binned forecasts, with the two within-bin terms of Stephenson,
/// Coelho &amp; Jolliffe (2008), "Two extra components in the Brier score decomposition", that make it an identity for
/// any forecasts: Brier = Reliability - Resolution + Uncertainty + WithinBinVariance - 2 WithinBinCovariance.
/// When the forecasts take one value per bin (binned forecasts) both extra terms are 0 and Murphy's three terms sum
/// to the Brier score exactly.
/// </summary>
/// <param name="BrierScore">The Brier score.</param>
/// <param name="Reliability">sum over bins of n_b / n (mean forecast - observed frequency)^2: 0 when calibrated (lower is better).</param>
/// <param name="Resolution">sum over bins of n_b / n (observed frequency - overall frequency)^2 (higher is better).</param>
/// <param name="Uncertainty">obar (1 - obar) summed over classes: the Brier score of always forecasting the base rates.</param>
/// <param name="WithinBinVariance">1/n sum over samples of (forecast - its bin's mean forecast)^2.</param>
/// <param name="WithinBinCovariance">1/n sum over samples of (forecast - bin mean forecast)(outcome - bin frequency).</param>
/// <param name="BinCount">M, the number of equal-width bins of forecast probability.</param>
public readonly record struct BrierDecomposition(
    double BrierScore, double Reliability, double Resolution, double Uncertainty, double WithinBinVariance, double WithinBinCovariance, int BinCount);

/// <summary>
/// Calibration measures of a probabilistic classifier. Binning follows Guo et al. (2017), "On calibration of modern
/// neural networks", section 2: M equal-width bins of [0, 1], bin k (1-based) holding the predictions with
/// (k - 1) / M &lt; confidence &lt;= k / M (the edges computed as k / M in double precision; a value of exactly 0 goes to
/// the first bin). The default of M = 15 is theirs.
/// </summary>
public static class CalibrationMetrics
{
    /// <summary>The default number of bins, 15 (Guo et al. 2017).</summary>
    public const int DefaultBinCount = 15;

    /// <summary>
    /// The largest bin count, 2^20 = 1,048,576: the bins hold three arrays of that length, and more bins than that
    /// leave almost every bin empty for any prediction set that fits in memory (the binned ECE is then meaningless).
    /// </summary>
    public const int MaxBinCount = 1 << 20;

    /// <summary>
    /// The reliability diagram: per confidence bin, the count, mean confidence and accuracy of the arg-max predictions.
    /// O(n K).
    /// </summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="binCount">M &gt;= 1.</param>
    /// <returns>M bins, in order.</returns>
    public static ReliabilityBin[] ReliabilityDiagram(ClassifierPredictions predictions, int binCount = DefaultBinCount)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Preconditions.Positive(binCount, nameof(binCount));
        Preconditions.AtMost(binCount, MaxBinCount, nameof(binCount));
        var counts = new int[binCount];
        var confidence = new double[binCount];
        var correct = new double[binCount];
        for (int i = 0; i < predictions.Count; i++)
        {
            int predicted = predictions.Predicted(i);
            double c = predictions.Probability(i, predicted);
            int b = BinIndex(c, binCount);
            counts[b]++;
            confidence[b] += c;
            if (predicted == predictions.Labels[i])
            {
                correct[b] += 1;
            }
        }

        var bins = new ReliabilityBin[binCount];
        for (int b = 0; b < binCount; b++)
        {
            int n = counts[b];
            bins[b] = new ReliabilityBin(b, (double)b / binCount, (double)(b + 1) / binCount, n,
                n > 0 ? confidence[b] / n : double.NaN, n > 0 ? correct[b] / n : double.NaN);
        }

        return bins;
    }

    /// <summary>
    /// Expected calibration error, ECE = sum_b (n_b / n) |accuracy_b - confidence_b| (Guo et al. 2017, eq. 3;
    /// Naeini et al. 2015). Range [0, 1]; 0 for a model whose accuracy matches its confidence in every bin. A binned
    /// estimate: biased upward for small n (each bin's gap is an absolute value of a noisy difference).
    /// </summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="binCount">M &gt;= 1 (default 15).</param>
    /// <returns>The ECE, a probability difference.</returns>
    public static double ExpectedCalibrationError(ClassifierPredictions predictions, int binCount = DefaultBinCount)
    {
        var bins = ReliabilityDiagram(predictions, binCount);
        double ece = 0;
        foreach (var b in bins)
        {
            if (b.Count > 0)
            {
                ece += (double)b.Count / predictions.Count * Math.Abs(b.Accuracy - b.MeanConfidence);
            }
        }

        return ece;
    }

    /// <summary>Maximum calibration error, MCE = max over non-empty bins of |accuracy_b - confidence_b| (Guo et al. 2017, eq. 5).</summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="binCount">M &gt;= 1 (default 15).</param>
    /// <returns>The MCE in [0, 1].</returns>
    public static double MaximumCalibrationError(ClassifierPredictions predictions, int binCount = DefaultBinCount)
    {
        double mce = 0;
        foreach (var b in ReliabilityDiagram(predictions, binCount))
        {
            if (b.Count > 0)
            {
                mce = Math.Max(mce, Math.Abs(b.Accuracy - b.MeanConfidence));
            }
        }

        return mce;
    }

    /// <summary>
    /// The Brier score (Brier 1950), a strictly proper scoring rule. Binary layout: 1/n sum (p_i - y_i)^2 with p_i = P(1),
    /// range [0, 1] (scikit-learn's brier_score_loss). K classes: 1/n sum_i sum_k (p_ik - [y_i = k])^2, Brier's original
    /// multi-class form, range [0, 2]. (A binary problem given as two columns scores twice its one-column value.)
    /// </summary>
    /// <param name="predictions">The predictions.</param>
    /// <returns>The Brier score.</returns>
    public static double BrierScore(ClassifierPredictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var p = predictions.Probabilities;
        int columns = predictions.Columns;
        double sum = 0;
        for (int i = 0; i < predictions.Count; i++)
        {
            int y = predictions.Labels[i];
            for (int k = 0; k < columns; k++)
            {
                double outcome = columns == 1 ? y : (y == k ? 1 : 0);
                double d = p[(i * columns) + k] - outcome;
                sum += d * d;
            }
        }

        return sum / predictions.Count;
    }

    /// <summary>
    /// Murphy's (1973) decomposition of the Brier score on binned forecasts, with Stephenson et al.'s (2008) within-bin
    /// terms. How forecasts are binned: binary layout, the forecast P(1) of each row goes into one of M equal-width bins
    /// ((k - 1)/M, k/M], and the outcome is the label; K classes, the decomposition is taken class by class (one
    /// versus rest: column k's probability binned the same way, outcome [y = k]) and each term is summed over the
    /// K classes, which adds up to the K-class Brier score because that score is the sum of its columns' squared
    /// errors. Uncertainty is then 1 - sum_k obar_k^2, Murphy's multi-class value. O(n K).
    /// </summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="binCount">M &gt;= 1 (default 15).</param>
    /// <returns>The decomposition.</returns>
    public static BrierDecomposition DecomposeBrierScore(ClassifierPredictions predictions, int binCount = DefaultBinCount)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Preconditions.Positive(binCount, nameof(binCount));
        Preconditions.AtMost(binCount, MaxBinCount, nameof(binCount));
        var counts = new int[binCount];
        var forecastSum = new double[binCount];
        var outcomeSum = new double[binCount];
        double n = predictions.Count;
        double reliability = 0, resolution = 0, uncertainty = 0, variance = 0, covariance = 0;
        var p = predictions.Probabilities;
        int columns = predictions.Columns;
        for (int k = 0; k < columns; k++)
        {
            Array.Clear(counts);
            Array.Clear(forecastSum);
            Array.Clear(outcomeSum);
            double outcomeTotal = 0;
            for (int i = 0; i < predictions.Count; i++)
            {
                double f = p[(i * columns) + k];
                double o = Outcome(predictions, i, k);
                int b = BinIndex(f, binCount);
                counts[b]++;
                forecastSum[b] += f;
                outcomeSum[b] += o;
                outcomeTotal += o;
            }

            double obar = outcomeTotal / n;
            uncertainty += obar * (1 - obar);
            for (int b = 0; b < binCount; b++)
            {
                if (counts[b] > 0)
                {
                    double fb = forecastSum[b] / counts[b];
                    double ob = outcomeSum[b] / counts[b];
                    reliability += counts[b] / n * (fb - ob) * (fb - ob);
                    resolution += counts[b] / n * (ob - obar) * (ob - obar);
                }
            }

            for (int i = 0; i < predictions.Count; i++)
            {
                double f = p[(i * columns) + k];
                int b = BinIndex(f, binCount);
                double df = f - (forecastSum[b] / counts[b]);
                double dO = Outcome(predictions, i, k) - (outcomeSum[b] / counts[b]);
                variance += df * df / n;
                covariance += df * dO / n;
            }
        }

        return new BrierDecomposition(BrierScore(predictions), reliability, resolution, uncertainty, variance, covariance, binCount);
    }

    /// <summary>
    /// Log-loss (cross-entropy of the labels under the predictions), -1/n sum_i ln p_i(y_i), a strictly proper scoring
    /// rule: its expectation under the true conditional distribution is minimised only by reporting that distribution.
    /// Range [0, +infinity]; +infinity when a true label was given probability 0 (a value, not an error).
    /// Binary layout: p_i(1) is the column, p_i(0) = 1 - the column.
    /// </summary>
    /// <param name="predictions">The predictions.</param>
    /// <param name="unit">The unit (nats is the usual for log-loss; bits give the code length per label).</param>
    /// <returns>The mean log-loss.</returns>
    public static Information LogLoss(ClassifierPredictions predictions, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        Preconditions.Unit(unit, nameof(unit));
        double sum = 0;
        for (int i = 0; i < predictions.Count; i++)
        {
            double q = predictions.Probability(i, predictions.Labels[i]);
            sum -= Math.Log(q);
        }

        return Information.FromNats(sum / predictions.Count, unit);
    }

    /// <summary>The 0-based equal-width bin of a value in [0, 1]: k with k/M &lt; value &lt;= (k+1)/M, 0 for value 0.</summary>
    internal static int BinIndex(double value, int binCount)
    {
        int k = (int)Math.Ceiling(value * binCount) - 1;
        k = Math.Clamp(k, 0, binCount - 1);

        // value * M may round across an edge; settle against the edges as computed (k / M).
        while (k > 0 && value <= (double)k / binCount)
        {
            k--;
        }

        while (k < binCount - 1 && value > (double)(k + 1) / binCount)
        {
            k++;
        }

        return k;
    }

    private static double Outcome(ClassifierPredictions predictions, int row, int column) =>
        predictions.IsBinary ? predictions.Labels[row] : (predictions.Labels[row] == column ? 1.0 : 0.0);
}
