using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Joint entropy H(X1, ..., Xn) = -sum p log p over all cells of the table. Range [max_i H(Xi), sum_i H(Xi)].
    /// O(cells). Cover &amp; Thomas (2006), eq. 2.8.
    /// </summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>H(X1, ..., Xn).</returns>
    public static Information JointEntropy(JointDistribution joint, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(joint);
        Preconditions.Unit(unit, nameof(unit));
        return Information.FromNats(EntropyNats(joint.Probabilities), unit);
    }

    /// <summary>Local joint entropy -log p(x1..xn) of each cell, weighted by p; the mean is the joint entropy.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values, row-major like the table.</returns>
    public static LocalInformation LocalJointEntropy(JointDistribution joint, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(joint);
        return LocalEntropy(joint.Probabilities, unit);
    }
}
