using Shannon.Distributions;

namespace Shannon;

/// <summary>
/// Exact information measures on discrete distributions, logits and Gaussians: one measure per file.
/// Conventions everywhere: computation in nats, converted once to the requested unit; 0 log 0 = 0;
/// divergences are +infinity when Q gives zero probability to an outcome P gives positive probability
/// (a value, not an error); inputs are validated and never renormalised silently.
/// </summary>
public static partial class Measures
{
    /// <summary>-sum p log p in nats over positive entries; no validation.</summary>
    internal static double EntropyNats(ReadOnlySpan<double> p)
    {
        var h = default(CompensatedSum);
        for (int i = 0; i < p.Length; i++)
        {
            double pi = p[i];
            if (pi > 0)
            {
                h.Add(-pi * Math.Log(pi));
            }
        }

        return h.Value;
    }

    internal static void CheckRank(JointDistribution joint, int rank, string name)
    {
        ArgumentNullException.ThrowIfNull(joint, name);
        if (joint.Rank != rank)
        {
            throw Preconditions.Error(name, $"a joint distribution of {rank} variables", $"{joint.Rank} variables");
        }
    }
}
