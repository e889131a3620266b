using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Total correlation (multi-information) C(X1, ..., Xn) = sum_i H(Xi) - H(X1, ..., Xn) = D(p || prod_i p_i)
    /// (Watanabe 1960). Range [0, sum_i H(Xi) - max_i H(Xi)]; equals I(X; Y) for two variables. O(n cells).
    /// </summary>
    /// <param name="joint">The joint distribution of two or more variables.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The total correlation.</returns>
    public static Information TotalCorrelation(JointDistribution joint, InformationUnit unit) =>
        LocalTotalCorrelation(joint, unit).Mean();

    /// <summary>Local total correlation log[p(x1..xn) / prod_i p(xi)] of each cell, weighted by p; the mean is the total correlation.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values, row-major.</returns>
    public static LocalInformation LocalTotalCorrelation(JointDistribution joint, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(joint);
        Preconditions.Unit(unit, nameof(unit));
        int rank = joint.Rank;
        var marginals = new double[rank][];
        for (int a = 0; a < rank; a++)
        {
            marginals[a] = joint.MarginalValues([a]);
        }

        var p = joint.Probabilities;
        var values = new double[p.Length];
        Span<int> index = stackalloc int[rank];
        index.Clear();
        for (int flat = 0; flat < p.Length; flat++)
        {
            double ratio = p[flat];
            for (int a = 0; a < rank; a++)
            {
                ratio /= marginals[a][index[a]];
            }

            values[flat] = p[flat] > 0 ? Math.Log(ratio) : double.NegativeInfinity;
            Increment(index, joint.Shape);
        }

        return new LocalInformation(values, p.ToArray(), unit);
    }

    /// <summary>Advances a row-major multi-index by one (last axis fastest).</summary>
    internal static void Increment(Span<int> index, ReadOnlySpan<int> shape)
    {
        for (int a = shape.Length - 1; a >= 0; a--)
        {
            if (++index[a] < shape[a])
            {
                return;
            }

            index[a] = 0;
        }
    }
}
