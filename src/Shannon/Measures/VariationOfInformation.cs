using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Variation of information VI(X, Y) = H(X | Y) + H(Y | X) = 2 H(X, Y) - H(X) - H(Y) (Meila 2007): a metric
    /// on partitions. Range [0, log(|X| |Y|)], 0 iff X and Y determine each other. O(cells).
    /// </summary>
    /// <param name="joint">p(x, y).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>VI(X, Y).</returns>
    public static Information VariationOfInformation(JointDistribution joint, InformationUnit unit) =>
        LocalVariationOfInformation(joint, unit).Mean();

    /// <summary>Local VI -log p(x | y) - log p(y | x) of each cell, weighted by p(x, y); the mean is VI.</summary>
    /// <param name="joint">p(x, y).</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values, row-major.</returns>
    public static LocalInformation LocalVariationOfInformation(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 2, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        var px = joint.MarginalValues([0]);
        var py = joint.MarginalValues([1]);
        var p = joint.Probabilities;
        var values = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double a = px[i / py.Length], b = py[i % py.Length];
            values[i] = p[i] > 0 ? -Math.Log(p[i] / a) - Math.Log(p[i] / b) : double.PositiveInfinity;
        }

        return new LocalInformation(values, p.ToArray(), unit);
    }
}
