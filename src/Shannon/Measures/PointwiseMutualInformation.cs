using System.Globalization;
using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Pointwise mutual information pmi(x; y) = log[p(x, y) / (p(x) p(y))] of one pair (Church &amp; Hanks 1990).
    /// Range [-infinity, min(-log p(x), -log p(y))]; -infinity when p(x, y) = 0.
    /// </summary>
    /// <param name="jointProbability">p(x, y) in [0, 1].</param>
    /// <param name="probabilityX">p(x) in (0, 1], at least p(x, y).</param>
    /// <param name="probabilityY">p(y) in (0, 1], at least p(x, y).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>pmi(x; y).</returns>
    public static Information PointwiseMutualInformation(double jointProbability, double probabilityX, double probabilityY, InformationUnit unit)
    {
        CheckPmiArguments(jointProbability, probabilityX, probabilityY, unit);
        return Information.FromNats(LogRatio(jointProbability, probabilityX * probabilityY), unit);
    }

    /// <summary>
    /// Normalised PMI npmi = pmi(x; y) / -log p(x, y) (Bouma 2009): -1 for pairs that never occur together,
    /// 0 for independence, +1 for complete co-occurrence. A dimensionless number in [-1, 1].
    /// When p(x, y) = 1 (a single certain pair) the value is +1.
    /// </summary>
    /// <param name="jointProbability">p(x, y) in [0, 1].</param>
    /// <param name="probabilityX">p(x).</param>
    /// <param name="probabilityY">p(y).</param>
    /// <returns>npmi(x; y).</returns>
    public static double NormalizedPointwiseMutualInformation(double jointProbability, double probabilityX, double probabilityY)
    {
        CheckPmiArguments(jointProbability, probabilityX, probabilityY, InformationUnit.Nats);
        return NpmiNats(jointProbability, probabilityX, probabilityY);
    }

    /// <summary>Positive PMI max(pmi(x; y), 0) (Bullinaria &amp; Levy 2007); 0 for pairs that never co-occur.</summary>
    /// <param name="jointProbability">p(x, y).</param>
    /// <param name="probabilityX">p(x).</param>
    /// <param name="probabilityY">p(y).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>ppmi(x; y).</returns>
    public static Information PositivePointwiseMutualInformation(double jointProbability, double probabilityX, double probabilityY, InformationUnit unit)
    {
        var pmi = PointwiseMutualInformation(jointProbability, probabilityX, probabilityY, unit);
        return pmi.Value > 0 ? pmi : new Information(0, unit);
    }

    /// <summary>
    /// Pointwise mutual information from the counts of a contingency table, pmi(x; y) = log[n(x, y) N / (n(x) n(y))]:
    /// the same quantity as <see cref="PointwiseMutualInformation(double, double, double, InformationUnit)"/> with
    /// p = n / N, computed from the integers, so that pairs whose count ratios are equal get equal values (the products
    /// are exact below 2^53). -infinity when n(x, y) = 0. O(1). Church &amp; Hanks (1990), eq. 1.
    /// </summary>
    /// <param name="jointCount">n(x, y) &gt;= 0, at most <paramref name="countX"/> and <paramref name="countY"/>.</param>
    /// <param name="countX">n(x) &gt;= 1, the row total of x.</param>
    /// <param name="countY">n(y) &gt;= 1, the column total of y.</param>
    /// <param name="total">N, the table's total, at least <paramref name="countX"/> and <paramref name="countY"/>.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>pmi(x; y).</returns>
    public static Information PointwiseMutualInformationFromCounts(long jointCount, long countX, long countY, long total, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        CheckPmiCounts(jointCount, countX, countY, total);
        return Information.FromNats(PmiNatsFromCounts(jointCount, countX, countY, total), unit);
    }

    /// <summary>
    /// Normalised PMI from counts, npmi = pmi(x; y) / -log(n(x, y) / N) (Bouma 2009): -1 when n(x, y) = 0, 0 for
    /// independence, +1 for complete co-occurrence and when n(x, y) = N. Dimensionless, in [-1, 1]. O(1).
    /// </summary>
    /// <param name="jointCount">n(x, y) &gt;= 0, at most <paramref name="countX"/> and <paramref name="countY"/>.</param>
    /// <param name="countX">n(x) &gt;= 1.</param>
    /// <param name="countY">n(y) &gt;= 1.</param>
    /// <param name="total">N, at least <paramref name="countX"/> and <paramref name="countY"/>.</param>
    /// <returns>npmi(x; y).</returns>
    public static double NormalizedPointwiseMutualInformationFromCounts(long jointCount, long countX, long countY, long total)
    {
        CheckPmiCounts(jointCount, countX, countY, total);
        if (jointCount == 0)
        {
            return -1;
        }

        return jointCount == total ? 1 : PmiNatsFromCounts(jointCount, countX, countY, total) / -Math.Log((double)jointCount / total);
    }

    /// <summary>
    /// Shifted positive PMI of one pair, max(log[p(x, y) / (p(x) p_c(y))] - log k, 0) (Levy &amp; Goldberg 2014, sec. 5.1:
    /// skip-gram with k negative samples factorises PMI - log k), where p_c(y) is the context probability: p(y), or the
    /// smoothed p_alpha(y) of <see cref="SmoothedContextDistribution"/> (Levy, Goldberg &amp; Dagan 2015, sec. 3.2).
    /// k = 1 is plain PPMI. 0 when p(x, y) = 0. Range [0, -log p(x) - log p_c(y) - log k]. O(1).
    /// </summary>
    /// <param name="jointProbability">p(x, y) in [0, 1], at most <paramref name="probabilityX"/>.</param>
    /// <param name="probabilityX">p(x) in (0, 1].</param>
    /// <param name="contextProbability">p_c(y) in (0, 1]; smoothed, it may be below p(x, y).</param>
    /// <param name="shift">k &gt;= 1, the number of negative samples; 1 means no shift.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>sppmi(x; y) &gt;= 0.</returns>
    public static Information ShiftedPositivePointwiseMutualInformation(double jointProbability, double probabilityX, double contextProbability, double shift, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.InRange(jointProbability, 0, 1, nameof(jointProbability));
        Preconditions.InRange(probabilityX, double.Epsilon, 1, nameof(probabilityX));
        Preconditions.InRange(contextProbability, double.Epsilon, 1, nameof(contextProbability));
        Preconditions.AtLeast(shift, 1, nameof(shift), "k is the number of negative samples: 1 means no shift");
        if (jointProbability > probabilityX * (1 + 1e-12))
        {
            throw Preconditions.Error(nameof(jointProbability), "at most probabilityX",
                $"{Preconditions.Format(jointProbability)} with p(x) = {Preconditions.Format(probabilityX)}");
        }

        return Information.FromNats(jointProbability > 0 ? SppmiNats(jointProbability, probabilityX, contextProbability, Math.Log(shift)) : 0, unit);
    }

    /// <summary>
    /// Context-distribution smoothing p_alpha(y) = p(y)^alpha / sum_y' p(y')^alpha (Levy, Goldberg &amp; Dagan 2015,
    /// sec. 3.2; alpha = 0.75 is word2vec's negative-sampling exponent, Mikolov et al. 2013): raises the probability of
    /// rare contexts, which lowers their PMI. alpha = 1 returns p. The normaliser is a compensated sum. O(n).
    /// </summary>
    /// <param name="contextProbabilities">p(y), a probability vector.</param>
    /// <param name="contextSmoothing">alpha in (0, 1].</param>
    /// <returns>A new probability vector p_alpha.</returns>
    public static double[] SmoothedContextDistribution(ReadOnlySpan<double> contextProbabilities, double contextSmoothing)
    {
        Preconditions.Probabilities(contextProbabilities, nameof(contextProbabilities));
        Preconditions.InRange(contextSmoothing, double.Epsilon, 1, nameof(contextSmoothing));
        var p = contextProbabilities.ToArray();
        SmoothInPlace(p, contextSmoothing);
        return p;
    }

    /// <summary>
    /// Context-distribution smoothing from the context counts n(y): p_alpha(y) = n(y)^alpha / sum_y' n(y')^alpha, the
    /// same as <see cref="SmoothedContextDistribution"/> of p = n / N (Levy, Goldberg &amp; Dagan 2015, sec. 3.2). O(n).
    /// </summary>
    /// <param name="contextCounts">n(y) &gt;= 0, with a positive total.</param>
    /// <param name="contextSmoothing">alpha in (0, 1].</param>
    /// <returns>A new probability vector p_alpha (0 where n(y) = 0).</returns>
    public static double[] SmoothedContextDistributionFromCounts(ReadOnlySpan<long> contextCounts, double contextSmoothing)
    {
        Preconditions.InRange(contextSmoothing, double.Epsilon, 1, nameof(contextSmoothing));
        if (contextCounts.IsEmpty)
        {
            throw Preconditions.Error(nameof(contextCounts), "non-empty", "an empty sequence");
        }

        long total = 0;
        var p = new double[contextCounts.Length];
        for (int i = 0; i < p.Length; i++)
        {
            long c = contextCounts[i];
            if (c < 0)
            {
                throw Preconditions.Error(nameof(contextCounts), ">= 0 everywhere", $"{c.ToString(CultureInfo.InvariantCulture)} at index {i}");
            }

            total = Preconditions.AddCount(total, c, nameof(contextCounts));
            p[i] = c;
        }

        if (total == 0)
        {
            throw Preconditions.Error(nameof(contextCounts), "a vector with a positive total", "all zeros");
        }

        SmoothInPlace(p, contextSmoothing);
        return p;
    }

    /// <summary>The PMI of every cell of a two-variable table, row-major; -infinity for p(x, y) = 0 with p(x) p(y) &gt; 0, NaN where p(x) p(y) = 0.</summary>
    /// <param name="joint">p(x, y).</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>A new array of rows x columns values.</returns>
    public static double[] PointwiseMutualInformationMatrix(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 2, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        var pmi = PmiNats(joint);
        double scale = InformationUnits.NatsPer(unit);
        for (int i = 0; i < pmi.Length; i++)
        {
            pmi[i] /= scale;
        }

        return pmi;
    }

    /// <summary>The NPMI of every cell, row-major: -1 where p(x, y) = 0 &lt; p(x) p(y); NaN where p(x) p(y) = 0.</summary>
    /// <param name="joint">p(x, y).</param>
    /// <returns>A new array of rows x columns values in [-1, 1].</returns>
    public static double[] NormalizedPointwiseMutualInformationMatrix(JointDistribution joint)
    {
        CheckRank(joint, 2, nameof(joint));
        var px = joint.MarginalValues([0]);
        var py = joint.MarginalValues([1]);
        var p = joint.Probabilities;
        var result = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double a = px[i / py.Length], b = py[i % py.Length];
            result[i] = a > 0 && b > 0 ? NpmiNats(p[i], a, b) : double.NaN;
        }

        return result;
    }

    /// <summary>
    /// The PPMI of every cell, row-major, max(pmi, 0), with optional context-distribution smoothing
    /// (Levy, Goldberg &amp; Dagan 2015): p(y) is replaced by p(y)^alpha / sum p(y')^alpha, and an optional
    /// shift: max(pmi - log k, 0) (shifted PPMI, Levy &amp; Goldberg 2014). Cells with p(x) p(y) = 0 are 0.
    /// </summary>
    /// <param name="joint">p(x, y): rows are words, columns contexts.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <param name="contextSmoothing">alpha in (0, 1]; 1 is plain PPMI, 0.75 is word2vec's.</param>
    /// <param name="shift">k &gt;= 1, the number of negative samples; 1 means no shift.</param>
    /// <returns>A new array of rows x columns values &gt;= 0.</returns>
    public static double[] PositivePointwiseMutualInformationMatrix(JointDistribution joint, InformationUnit unit, double contextSmoothing = 1.0, double shift = 1.0)
    {
        CheckRank(joint, 2, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.InRange(contextSmoothing, double.Epsilon, 1, nameof(contextSmoothing));
        Preconditions.AtLeast(shift, 1, nameof(shift), "k is the number of negative samples: 1 means no shift");
        var px = joint.MarginalValues([0]);
        var py = joint.MarginalValues([1]);
        if (contextSmoothing != 1.0)
        {
            SmoothInPlace(py, contextSmoothing);
        }

        double logShift = Math.Log(shift);
        double scale = InformationUnits.NatsPer(unit);
        var p = joint.Probabilities;
        var result = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double a = px[i / py.Length], b = py[i % py.Length];
            if (p[i] > 0)
            {
                result[i] = SppmiNats(p[i], a, b, logShift) / scale;
            }
        }

        return result;
    }

    internal static double[] PmiNats(JointDistribution joint)
    {
        var px = joint.MarginalValues([0]);
        var py = joint.MarginalValues([1]);
        var p = joint.Probabilities;
        var pmi = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double a = px[i / py.Length], b = py[i % py.Length];
            pmi[i] = p[i] > 0 ? Math.Log(p[i] / a / b) : LogRatio(0, a * b);
        }

        return pmi;
    }

    private static double NpmiNats(double pxy, double px, double py)
    {
        if (pxy == 0)
        {
            return -1;
        }

        if (pxy == 1)
        {
            return 1;
        }

        return Math.Log(pxy / px / py) / -Math.Log(pxy);
    }

    private static double PmiNatsFromCounts(long n, long nx, long ny, long total) =>
        Math.Log((double)n * total / ((double)nx * ny));

    private static double SppmiNats(double pxy, double px, double pc, double logShift) =>
        Math.Max(Math.Log(pxy / (px * pc)) - logShift, 0);

    /// <summary>w^alpha / sum w'^alpha in place, for non-negative weights with a positive sum.</summary>
    private static void SmoothInPlace(Span<double> weights, double alpha)
    {
        var z = default(CompensatedSum);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = Math.Pow(weights[i], alpha);
            z.Add(weights[i]);
        }

        double sum = z.Value;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }
    }

    private static void CheckPmiCounts(long n, long nx, long ny, long total)
    {
        if (nx < 1 || nx > total)
        {
            throw Preconditions.OutOfRange("countX", "in [1, total]", $"{nx.ToString(CultureInfo.InvariantCulture)} with total = {total.ToString(CultureInfo.InvariantCulture)}");
        }

        if (ny < 1 || ny > total)
        {
            throw Preconditions.OutOfRange("countY", "in [1, total]", $"{ny.ToString(CultureInfo.InvariantCulture)} with total = {total.ToString(CultureInfo.InvariantCulture)}");
        }

        if (n < 0 || n > nx || n > ny)
        {
            throw Preconditions.OutOfRange("jointCount", "in [0, min(countX, countY)]",
                $"{n.ToString(CultureInfo.InvariantCulture)} with countX = {nx.ToString(CultureInfo.InvariantCulture)}, countY = {ny.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static void CheckPmiArguments(double pxy, double px, double py, InformationUnit unit)
    {
        Preconditions.Unit(unit, nameof(unit));
        Preconditions.InRange(pxy, 0, 1, "jointProbability");
        Preconditions.InRange(px, double.Epsilon, 1, "probabilityX");
        Preconditions.InRange(py, double.Epsilon, 1, "probabilityY");
        if (pxy > px * (1 + 1e-12) || pxy > py * (1 + 1e-12))
        {
            throw Preconditions.Error("jointProbability", "at most probabilityX and probabilityY",
                $"{Preconditions.Format(pxy)} with p(x) = {Preconditions.Format(px)}, p(y) = {Preconditions.Format(py)}");
        }
    }
}
