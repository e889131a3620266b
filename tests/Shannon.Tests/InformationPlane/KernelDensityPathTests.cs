using Shannon.Estimators.InformationPlane;

namespace Shannon.Tests.InformationPlane;

/// <summary>
/// The KDE upper bound (<see cref="LayerInformation.KernelDensityUpperBound(ReadOnlySpan{double}, int, ReadOnlySpan{int}, InformationUnit, double)"/>)
/// on every vector path against the scalar path, its reference. The k-d leaves do not depend on the path, every kernel
/// is the same float on every path and the column sums add them in the same order; only the row sums over one leaf (at
/// most 32 kernels, in single precision) are grouped by lane. Two groupings of k terms >= 0 differ by at most
/// 2 gamma_(k-1) times their sum (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 4.4; here
/// gamma_32 is used, u = 2^-24), and ln(1 + all + colAll) moves by at most the relative change of its argument, so
/// each entropy moves by at most 2 gamma_32 nats: I(X;T) = H(T) by 2 gamma_32, I(T;Y) = H(T) - H(T|Y) by 4 gamma_32.
/// </summary>
public sealed class KernelDensityPathTests
{
    /// <summary>u = 2^-24, the unit roundoff of floats.</summary>
    private const double SingleRoundoff = 5.9604644775390625e-8;

    /// <summary>
    /// The double roundings after the float sums (the leaf sums added in double, the n logarithms and their mean): at
    /// most about n u_double |H| = 4096 * 1.1e-16 * 8.4 nats &lt; 4e-12 for the inputs here.
    /// </summary>
    private const double DoubleSlack = 1e-11;

    /// <summary>gamma_32 = 32 u / (1 - 32 u) for floats: about 1.9e-6.</summary>
    public static double Gamma32 => 32 * SingleRoundoff / (1 - (32 * SingleRoundoff));

    /// <summary>The largest |I(X;T)| difference (in nats) between two paths.</summary>
    public static double MutualInformationXTTolerance => (2 * Gamma32) + DoubleSlack;

    /// <summary>The largest |I(T;Y)| difference (in nats) between two paths.</summary>
    public static double MutualInformationTYTolerance => (4 * Gamma32) + DoubleSlack;

    /// <summary>The vector paths by name (the enum is internal, a public theory cannot take it).</summary>
    public static TheoryData<string> VectorPaths => [nameof(VectorPath.Vector256), nameof(VectorPath.Vector128)];

    /// <summary>
    /// Seeded inputs: sample counts around whole leaves of 32 and the tails of both widths, 1 to 12 units, three
    /// classes, and spreads from well inside the kernel's cutoff radius r = sqrt(87 * 2 s2) to many times it (so that
    /// leaves and samples are skipped), half of them in two far-apart clusters.
    /// </summary>
    public static IEnumerable<(double[] Activity, int Units, int[] Labels, double NoiseVariance)> Inputs()
    {
        var random = new Random(1016);
        int[] counts = [1, 2, 3, 5, 8, 31, 32, 33, 63, 64, 65, 100, 257, 700];
        for (int c = 0; c < counts.Length; c++)
        {
            int n = counts[c], units = 1 + (c % 12);
            double noiseVariance = c % 3 == 0 ? 1e-3 : c % 3 == 1 ? 1e-2 : 1e-1;
            double radius = Math.Sqrt(87 * 2 * noiseVariance);
            double spread = radius * (c % 4 == 0 ? 0.3 : c % 4 == 1 ? 1 : c % 4 == 2 ? 3 : 10);
            var activity = new double[units * n];
            var labels = new int[n];
            for (int i = 0; i < n; i++)
            {
                labels[i] = random.Next(3);
                double centre = c % 2 == 0 && i % 2 == 1 ? 20 * radius : 0;
                for (int u = 0; u < units; u++)
                {
                    activity[(u * n) + i] = centre + (spread * (random.NextDouble() - 0.5));
                }
            }

            yield return (activity, units, labels, noiseVariance);
        }
    }

    [Theory]
    [MemberData(nameof(VectorPaths))]
    public void VectorPathsAgreeWithTheScalarPathWithinTheGroupingOfTheRowSums(string pathName)
    {
        var path = Enum.Parse<VectorPath>(pathName);
        foreach (var (activity, units, labels, noiseVariance) in Inputs())
        {
            var scalar = LayerInformation.KernelDensityUpperBound(activity, units, labels, InformationUnit.Nats, noiseVariance, VectorPath.Scalar);
            var vector = LayerInformation.KernelDensityUpperBound(activity, units, labels, InformationUnit.Nats, noiseVariance, path);
            string input = $"n = {labels.Length}, {units} units, s2 = {noiseVariance}";
            Assert.True(Math.Abs(vector.MutualInformationXT - scalar.MutualInformationXT) <= MutualInformationXTTolerance,
                $"I(X;T) on {path}: {vector.MutualInformationXT}, scalar {scalar.MutualInformationXT} ({input})");
            Assert.True(Math.Abs(vector.MutualInformationTY - scalar.MutualInformationTY) <= MutualInformationTYTolerance,
                $"I(T;Y) on {path}: {vector.MutualInformationTY}, scalar {scalar.MutualInformationTY} ({input})");
        }
    }

    [Fact]
    public void ThePublicMethodTakesTheAcceleratedPath()
    {
        // The same bits: the public method is the path overload at VectorMath.Accelerated, nothing else.
        foreach (var (activity, units, labels, noiseVariance) in Inputs())
        {
            var accelerated = LayerInformation.KernelDensityUpperBound(activity, units, labels, InformationUnit.Bits, noiseVariance, VectorMath.Accelerated);
            var plain = LayerInformation.KernelDensityUpperBound(activity, units, labels, InformationUnit.Bits, noiseVariance);
            Assert.Equal(accelerated, plain);
        }
    }

    [Fact]
    public void EveryPathReachesTheAnalyticBoundWhenAllKernelsUnderflow()
    {
        // Far-apart points (distance 0.6 > r = sqrt(87 * 2e-3) = 0.42): every kernel between different samples is cut
        // off, so the bound is log n and H(Y) exactly, on every path (Kolchinsky & Tracey 2017, eq. 10).
        double[] activity = [-0.9, -0.3, 0.3, 0.9];
        int[] labels = [0, 0, 1, 1];
        foreach (var path in Enum.GetValues<VectorPath>())
        {
            var p = LayerInformation.KernelDensityUpperBound(activity, 1, labels, InformationUnit.Nats, 1e-3, path);
            Assert.Equal(Math.Log(4), p.MutualInformationXT, 15);
            Assert.Equal(Math.Log(2), p.MutualInformationTY, 15);
        }
    }
}
