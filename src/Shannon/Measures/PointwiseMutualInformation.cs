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
            double z = 0;
            for (int j = 0; j < py.Length; j++)
            {
                py[j] = Math.Pow(py[j], contextSmoothing);
                z += py[j];
            }

            for (int j = 0; j < py.Length; j++)
            {
                py[j] /= z;
            }
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
                result[i] = Math.Max(Math.Log(p[i] / a / b) - logShift, 0) / scale;
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
