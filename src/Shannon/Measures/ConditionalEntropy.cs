using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Conditional entropy H(Y | X) = -sum p(x, y) log p(y | x) of a two-variable table (X = rows, axis 0;
    /// Y = columns, axis 1) = H(X, Y) - H(X). Range [0, H(Y)]. O(cells). Cover &amp; Thomas (2006), eq. 2.10.
    /// </summary>
    /// <param name="joint">p(x, y).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>H(Y | X).</returns>
    public static Information ConditionalEntropy(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 2, nameof(joint));
        return ConditionalEntropy(joint, [1], [0], unit);
    }

    /// <summary>
    /// Conditional entropy H(A | B) = H(A, B) - H(B) for groups of axes A (target) and B (given) of a joint table.
    /// </summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="targetAxes">The axes of A (non-empty).</param>
    /// <param name="givenAxes">The axes of B (may be empty: then H(A)).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>H(A | B).</returns>
    public static Information ConditionalEntropy(JointDistribution joint, int[] targetAxes, int[] givenAxes, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ArgumentNullException.ThrowIfNull(targetAxes);
        ArgumentNullException.ThrowIfNull(givenAxes);
        Preconditions.Unit(unit, nameof(unit));
        if (targetAxes.Length == 0)
        {
            throw Preconditions.Error(nameof(targetAxes), "non-empty", "no axes");
        }

        double hab = EntropyNats(joint.MarginalValues([.. targetAxes, .. givenAxes]));
        double hb = EntropyNats(joint.MarginalValues(givenAxes));
        return Information.FromNats(hab - hb, unit);
    }

    /// <summary>Local conditional entropy -log p(y | x) of each cell of a two-variable table; the mean is H(Y | X).</summary>
    /// <param name="joint">p(x, y).</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values, row-major (NaN where p(x) = 0).</returns>
    public static LocalInformation LocalConditionalEntropy(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 2, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        var px = joint.MarginalValues([0]);
        var p = joint.Probabilities;
        int cols = joint.Columns;
        var values = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            values[i] = -LogRatio(p[i], px[i / cols]);
        }

        return new LocalInformation(values, p.ToArray(), unit);
    }
}
