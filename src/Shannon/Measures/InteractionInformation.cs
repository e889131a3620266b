using Shannon.Distributions;

namespace Shannon;

public static partial class Measures
{
    /// <summary>
    /// Interaction information in the co-information sign convention (McGill 1954; Bell 2003):
    /// I(X1; ...; Xn) = -sum over non-empty subsets S of (-1)^|S| H(S). For two variables it is I(X; Y); for three,
    /// I(X; Y) - I(X; Y | Z): positive for redundancy, negative for synergy (Z = X xor Y gives -1 bit). This is the
    /// convention of dit's <c>coinformation</c>; Jakulin &amp; Bratko's "interaction information" has the opposite sign
    /// for odd n. O(2^n cells); at most 20 variables.
    /// </summary>
    /// <param name="joint">The joint distribution of two or more variables.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <returns>The co-information.</returns>
    public static Information InteractionInformation(JointDistribution joint, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(joint);
        Preconditions.Unit(unit, nameof(unit));
        int rank = joint.Rank;
        if (rank > 20)
        {
            throw Preconditions.OutOfRange(nameof(joint), "a distribution of at most 20 variables", $"{rank} variables");
        }

        double total = 0;
        var axes = new List<int>(rank);
        for (int mask = 1; mask < (1 << rank); mask++)
        {
            axes.Clear();
            for (int a = 0; a < rank; a++)
            {
                if ((mask & (1 << a)) != 0)
                {
                    axes.Add(a);
                }
            }

            double h = EntropyNats(joint.MarginalValues(axes.ToArray()));
            total += (axes.Count % 2 == 1) ? h : -h;
        }

        return Information.FromNats(total, unit);
    }

    /// <summary>
    /// Local co-information of each cell: sum over non-empty subsets S of (-1)^(|S|+1) (-log p(x_S)), weighted by
    /// p(x1..xn); the mean is <see cref="InteractionInformation"/>. At most 20 variables.
    /// </summary>
    /// <param name="joint">The joint distribution of two or more variables.</param>
    /// <param name="unit">The unit of the values.</param>
    /// <returns>The local values, row-major (NaN for cells of probability zero).</returns>
    public static LocalInformation LocalInteractionInformation(JointDistribution joint, InformationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(joint);
        Preconditions.Unit(unit, nameof(unit));
        int rank = joint.Rank;
        if (rank > 20)
        {
            throw Preconditions.OutOfRange(nameof(joint), "a distribution of at most 20 variables", $"{rank} variables");
        }

        var p = joint.Probabilities;
        var values = new double[p.Length];
        var axes = new List<int>(rank);
        Span<int> index = stackalloc int[rank];
        for (int mask = 1; mask < (1 << rank); mask++)
        {
            axes.Clear();
            for (int a = 0; a < rank; a++)
            {
                if ((mask & (1 << a)) != 0)
                {
                    axes.Add(a);
                }
            }

            var marginal = joint.MarginalValues(axes.ToArray());
            double sign = axes.Count % 2 == 1 ? 1 : -1;
            index.Clear();
            for (int flat = 0; flat < p.Length; flat++)
            {
                // Row-major offset of this cell's projection onto the kept axes.
                int offset = 0;
                foreach (int a in axes)
                {
                    offset = (offset * joint.Shape[a]) + index[a];
                }

                values[flat] += sign * -Math.Log(marginal[offset]);
                Increment(index, joint.Shape);
            }
        }

        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] == 0)
            {
                values[i] = double.NaN;
            }
        }

        return new LocalInformation(values, p.ToArray(), unit);
    }
}
