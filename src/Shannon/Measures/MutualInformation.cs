using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Mutual information I(X; Y) = sum p(x, y) log[p(x, y) / (p(x) p(y))] of a two-variable table
    /// (= H(X) + H(Y) - H(X, Y) = D(p(x, y) || p(x) p(y))). Range [0, min(H(X), H(Y))]. O(cells).
    /// Cover &amp; Thomas (2006), eq. 2.28.
    /// </summary>
    /// <param name="joint">p(x, y), X = rows.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>I(X; Y).</returns>
    public static Information MutualInformation(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 2, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        return Information.FromNats(MutualInformationNats(joint.Probabilities, joint.Rows, joint.Columns), unit);
    }

    /// <summary>Mutual information I(A; B) between two disjoint groups of axes of a joint table.</summary>
    /// <param name="joint">The joint distribution.</param>
    /// <param name="axesA">The axes of A (non-empty).</param>
    /// <param name="axesB">The axes of B (non-empty, disjoint from A).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>I(A; B).</returns>
    public static Information MutualInformation(JointDistribution joint, int[] axesA, int[] axesB, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(joint);
        ArgumentNullException.ThrowIfNull(axesA);
        ArgumentNullException.ThrowIfNull(axesB);
        Preconditions.Unit(unit, nameof(unit));
        if (axesA.Length == 0 || axesB.Length == 0)
        {
            throw Preconditions.Error(axesA.Length == 0 ? nameof(axesA) : nameof(axesB), "non-empty", "no axes");
        }

        var ab = joint.MarginalValues([.. axesA, .. axesB]);
        int rows = 1;
        foreach (int a in axesA)
        {
            rows *= joint.Shape[a];
        }

        return Information.FromNats(MutualInformationNats(ab, rows, ab.Length / rows), unit);
    }

    /// <summary>Local mutual information: the PMI log[p(x, y) / (p(x) p(y))] of each cell, weighted by p(x, y); the mean is I(X; Y).</summary>
    /// <param name="joint">p(x, y).</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values, row-major (-infinity for impossible pairs of possible outcomes).</returns>
    public static LocalInformation LocalMutualInformation(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 2, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        return new LocalInformation(PmiNats(joint), joint.ToArray(), unit);
    }

    internal static double MutualInformationNats(ReadOnlySpan<double> pxy, int rows, int cols)
    {
        var px = new double[rows];
        var py = new double[cols];
        for (int x = 0; x < rows; x++)
        {
            var row = pxy.Slice(x * cols, cols);
            double s = 0;
            for (int y = 0; y < cols; y++)
            {
                s += row[y];
                py[y] += row[y];
            }

            px[x] = s;
        }

        double mi = 0;
        for (int x = 0; x < rows; x++)
        {
            var row = pxy.Slice(x * cols, cols);
            for (int y = 0; y < cols; y++)
            {
                double p = row[y];
                if (p > 0)
                {
                    mi += p * Math.Log(p / px[x] / py[y]);
                }
            }
        }

        return mi;
    }
}
