using System.Globalization;

namespace Shannon.Inference;

/// <summary>
/// The seed of replicate b of a resampling run with seed s: SplitMix64's finaliser (Steele, Lea &amp; Flood 2014) of
/// (s, b) packed into 64 bits, folded to an int for System.Random. Each replicate depends on (s, b) alone, so a range
/// of replicates gives the same numbers on any machine, in any order, in any number of pieces.
/// </summary>
internal static class ReplicateSeeds
{
    public static int Of(int seed, int replicate)
    {
        ulong z = ((ulong)(uint)seed << 32) | (uint)replicate;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z ^ (z >> 32));
    }

    public static void CheckRange(int first, int count)
    {
        if (first < 0)
        {
            throw Preconditions.OutOfRange(nameof(first), ">= 0", first.ToString(CultureInfo.InvariantCulture));
        }

        if (count < 1 || (long)first + count > int.MaxValue)
        {
            throw Preconditions.OutOfRange(nameof(count), ">= 1 with first + count <= 2^31 - 1", count.ToString(CultureInfo.InvariantCulture));
        }
    }
}
