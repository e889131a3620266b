using System.Globalization;

namespace Shannon.Calibration;

/// <summary>The outcome of fitting a temperature.</summary>
/// <param name="Temperature">The fitted T (divide the logits by it).</param>
/// <param name="NegativeLogLikelihoodBefore">The mean NLL in nats at T = 1 on the fitting data.</param>
/// <param name="NegativeLogLikelihoodAfter">The mean NLL in nats at the fitted T (the objective).</param>
/// <param name="Iterations">Newton/bisection steps taken.</param>
/// <param name="Converged">False when the optimum lies outside the bracket [<see cref="TemperatureScaling.MinimumTemperature"/>,
/// <see cref="TemperatureScaling.MaximumTemperature"/>] (separable data push T to 0; logits unrelated to the labels push it
/// to infinity) or the step limit was reached; T is then the best point found.</param>
public readonly record struct TemperatureScalingResult(double Temperature, double NegativeLogLikelihoodBefore, double NegativeLogLikelihoodAfter, int Iterations, bool Converged);

/// <summary>
/// Temperature scaling (Guo et al. 2017, section 4.2): one scalar T &gt; 0 for all classes, fitted by minimising the
/// negative log-likelihood of held-out labels under softmax(z / T); it never changes the arg max, so accuracy is unchanged.
/// The NLL is convex in s = 1/T (a log-sum-exp of a linear function of s minus a linear function), so the fit is a safeguarded
/// Newton iteration on s inside a bracket, with a geometric bisection (the midpoint in log T) whenever Newton would leave it.
/// Logits: n x K row-major for K &gt;= 2 classes, or one column of binary logits z with P(1) = sigmoid(z / T) (the same as
/// the two-class logits [0, z]).
/// </summary>
public static class TemperatureScaling
{
    /// <summary>The smallest temperature searched, 1e-3.</summary>
    public const double MinimumTemperature = 1e-3;

    /// <summary>The largest temperature searched, 1e3.</summary>
    public const double MaximumTemperature = 1e3;

    private const int MaxIterations = 200;

    /// <summary>Fits T on validation logits and labels.</summary>
    /// <param name="logits">n x <paramref name="columns"/> finite logits.</param>
    /// <param name="columns">1 (binary logits) or the number of classes K &gt;= 2.</param>
    /// <param name="labels">n labels in 0..K-1 (binary: 0 or 1).</param>
    /// <param name="cancellationToken">Cancels the fit.</param>
    /// <returns>The fitted temperature and the NLL before and after.</returns>
    public static TemperatureScalingResult Fit(ReadOnlySpan<double> logits, int columns, ReadOnlySpan<int> labels, CancellationToken cancellationToken = default)
    {
        Check(logits, columns, labels);
        double before = Evaluate(logits, columns, labels, 1.0, out _, out _);
        double lo = 1.0 / MaximumTemperature, hi = 1.0 / MinimumTemperature;
        Evaluate(logits, columns, labels, lo, out double gLo, out _);
        if (gLo >= 0)
        {
            // The NLL increases from the smallest inverse temperature on: the optimum is T >= the bracket's top.
            return new TemperatureScalingResult(MaximumTemperature, before, Evaluate(logits, columns, labels, lo, out _, out _), 1, false);
        }

        double fHi = Evaluate(logits, columns, labels, hi, out double gHi, out _);
        if (gHi <= 0)
        {
            return new TemperatureScalingResult(MinimumTemperature, before, fHi, 2, false);
        }

        double s = 1.0;
        for (int iteration = 1; iteration <= MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double f = Evaluate(logits, columns, labels, s, out double g, out double h);
            if (g > 0)
            {
                hi = s;
            }
            else
            {
                lo = s;
            }

            double next = h > 0 ? s - (g / h) : double.NaN;
            if (!(next > lo && next < hi))
            {
                next = Math.Sqrt(lo * hi);
            }

            if (Math.Abs(g) <= 1e-12 || Math.Abs(next - s) <= 1e-13 * s || hi - lo <= 1e-13 * hi)
            {
                return new TemperatureScalingResult(1.0 / s, before, f, iteration, true);
            }

            s = next;
        }

        return new TemperatureScalingResult(1.0 / s, before, Evaluate(logits, columns, labels, s, out _, out _), MaxIterations, false);
    }

    /// <summary>The mean negative log-likelihood in nats of the labels under softmax(logits / T).</summary>
    /// <param name="logits">n x <paramref name="columns"/> finite logits.</param>
    /// <param name="columns">1 (binary logits) or K &gt;= 2.</param>
    /// <param name="labels">n labels.</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <returns>The mean NLL in nats.</returns>
    public static double NegativeLogLikelihood(ReadOnlySpan<double> logits, int columns, ReadOnlySpan<int> labels, double temperature)
    {
        Check(logits, columns, labels);
        Preconditions.Temperature(temperature);
        return Evaluate(logits, columns, labels, 1.0 / temperature, out _, out _);
    }

    /// <summary>The calibrated probabilities softmax(logits / T) (binary: sigmoid(z / T)) as predictions with their labels.</summary>
    /// <param name="logits">n x <paramref name="columns"/> finite logits.</param>
    /// <param name="columns">1 (binary logits) or K &gt;= 2.</param>
    /// <param name="labels">n labels.</param>
    /// <param name="temperature">T &gt; 0.</param>
    /// <returns>The predictions (same layout: one column P(1), or K columns).</returns>
    public static ClassifierPredictions Apply(ReadOnlySpan<double> logits, int columns, ReadOnlySpan<int> labels, double temperature)
    {
        Check(logits, columns, labels);
        Preconditions.Temperature(temperature);
        var probabilities = new double[logits.Length];
        if (columns == 1)
        {
            for (int i = 0; i < logits.Length; i++)
            {
                double z = logits[i] / temperature;
                probabilities[i] = z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));
            }
        }
        else
        {
            Measures.SoftmaxRows(logits, columns, temperature, probabilities);
        }

        return ClassifierPredictions.FromProbabilities(probabilities, columns, labels);
    }

    /// <summary>NLL(s) = 1/n sum_i [LSE_j(s z_ij) - s z_iy], its first and second derivatives in s = 1/T.</summary>
    private static double Evaluate(ReadOnlySpan<double> logits, int columns, ReadOnlySpan<int> labels, double s, out double gradient, out double curvature)
    {
        int classes = columns == 1 ? 2 : columns;
        double f = 0, g = 0, h = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            var row = logits.Slice(i * columns, columns);
            double max = double.NegativeInfinity;
            for (int j = 0; j < classes; j++)
            {
                max = Math.Max(max, s * Logit(row, j));
            }

            double sum = 0, mean = 0, second = 0;
            for (int j = 0; j < classes; j++)
            {
                double z = Logit(row, j);
                double w = Math.Exp((s * z) - max);
                sum += w;
                mean += w * z;
                second += w * z * z;
            }

            mean /= sum;
            second /= sum;
            double zy = Logit(row, labels[i]);
            f += max + Math.Log(sum) - (s * zy);
            g += mean - zy;
            h += Math.Max(0, second - (mean * mean));
        }

        int n = labels.Length;
        gradient = g / n;
        curvature = h / n;
        return f / n;
    }

    private static double Logit(ReadOnlySpan<double> row, int j) => row.Length == 1 ? (j == 1 ? row[0] : 0.0) : row[j];

    private static void Check(ReadOnlySpan<double> logits, int columns, ReadOnlySpan<int> labels)
    {
        Preconditions.Positive(columns, nameof(columns));
        Preconditions.AllFinite(logits, nameof(logits));
        if ((long)labels.Length * columns != logits.Length || labels.IsEmpty)
        {
            throw Preconditions.Error(nameof(logits), $"{labels.Length} rows of {columns} column(s) (one row per label)", $"{logits.Length} values");
        }

        int classes = columns == 1 ? 2 : columns;
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= classes)
            {
                throw Preconditions.Error(nameof(labels), $"in 0..{classes - 1} ({classes} classes)", $"{labels[i].ToString(CultureInfo.InvariantCulture)} at row {i}");
            }
        }
    }
}
