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
}
