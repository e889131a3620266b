using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Conditional mutual information I(X; Y | Z) = sum p(x, y, z) log[p(z) p(x, y, z) / (p(x, z) p(y, z))]
    /// of a three-variable table (axes X, Y, Z) = H(X, Z) + H(Y, Z) - H(X, Y, Z) - H(Z). Range
    /// [0, min(H(X|Z), H(Y|Z))]. O(cells). Cover &amp; Thomas (2006), eq. 2.60.
    /// </summary>
    /// <param name="joint">p(x, y, z), shape (|X|, |Y|, |Z|).</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>I(X; Y | Z).</returns>
    public static Information ConditionalMutualInformation(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 3, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        var local = LocalCmiNats(joint);
        var p = joint.Probabilities;
        double sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] > 0)
            {
                sum += p[i] * local[i];
            }
        }

        return Information.FromNats(sum, unit);
    }

    /// <summary>Local CMI log[p(x, y | z) / (p(x | z) p(y | z))] of each cell, weighted by p(x, y, z); the mean is I(X; Y | Z).</summary>
    /// <param name="joint">p(x, y, z).</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values, row-major.</returns>
    public static LocalInformation LocalConditionalMutualInformation(JointDistribution joint, InformationUnit unit)
    {
        CheckRank(joint, 3, nameof(joint));
        Preconditions.Unit(unit, nameof(unit));
        return new LocalInformation(LocalCmiNats(joint), joint.ToArray(), unit);
    }

    private static double[] LocalCmiNats(JointDistribution joint)
    {
        int nx = joint.Shape[0], ny = joint.Shape[1], nz = joint.Shape[2];
        var pxz = joint.MarginalValues([0, 2]);
        var pyz = joint.MarginalValues([1, 2]);
        var pz = joint.MarginalValues([2]);
        var p = joint.Probabilities;
        var local = new double[p.Length];
        for (int x = 0; x < nx; x++)
        {
            for (int y = 0; y < ny; y++)
            {
                for (int z = 0; z < nz; z++)
                {
                    int i = (((x * ny) + y) * nz) + z;
                    double pxzv = pxz[(x * nz) + z];
                    local[i] = p[i] > 0
                        ? Math.Log(p[i] / pxzv * (pz[z] / pyz[(y * nz) + z]))
                        : LogRatio(0, pxzv * pyz[(y * nz) + z]);
                }
            }
        }

        return local;
    }
}
