using Shannon.Estimators.Discrete;

namespace Shannon.Cluster;

/// <summary>
/// One variable for a group of a table's variables: mixed-radix codes, the first variable most significant, the
/// alphabet the product of the level counts. The same rule as `shannon mi`'s single-machine permutation test, so a
/// replicate shuffles the same codes on a silo as on one machine.
/// </summary>
public static class JointSamples
{
    /// <summary>The joint variable of <paramref name="indices"/>.</summary>
    /// <param name="samples">The variables (from <see cref="CountTable.ToSamples"/>).</param>
    /// <param name="indices">The variables to join (at least one).</param>
    /// <returns>The joint variable.</returns>
    public static DiscreteVariable Group(DiscreteVariable[] samples, int[] indices)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length == 0)
        {
            throw new ArgumentException("`indices` must name at least one variable; got none.", nameof(indices));
        }

        if (indices.Length == 1)
        {
            return samples[indices[0]];
        }

        long product = 1;
        foreach (int i in indices)
        {
            product *= samples[i].LevelCount;
            if (product > int.MaxValue)
            {
                throw new ArgumentException("`indices` must make a joint variable with at most 2^31 - 1 values; got more.", nameof(indices));
            }
        }

        var codes = new int[samples[indices[0]].Length];
        foreach (int i in indices)
        {
            var c = samples[i].Codes;
            int radix = samples[i].LevelCount;
            for (int r = 0; r < codes.Length; r++)
            {
                codes[r] = codes[r] * radix + c[r];
            }
        }

        return DiscreteVariable.FromCodes(codes, (int)product);
    }
}
