using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Shannon.Estimators.InformationPlane;

// The kernel-density upper bound (Kolchinsky &amp; Tracey 2017) and its SIMD kernels.
public static partial class LayerInformation
{
    /// <summary>
    /// The KDE upper bound of Kolchinsky &amp; Tracey (2017, eq. 10) with noise variance s2 per unit (default 1e-3, Saxe
    /// et al.). O(n^2 units) at worst: pairs farther apart than the kernel's cutoff (below e^-87) are skipped in
    /// whole k-d leaves; distances and kernels in single precision with SIMD (relative error ~1e-6).
    /// </summary>
    /// <param name="activity">Feature-major activity.</param>
    /// <param name="units">Units of the layer.</param>
    /// <param name="labels">Labels.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="noiseVariance">s2 &gt; 0.</param>
    /// <returns>I(X;T) and I(T;Y) in the unit.</returns>
    public static PlanePoint KernelDensityUpperBound(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, InformationUnit unit, double noiseVariance = 1e-3)
    {
        Check(activity, units, labels);
        if (!(noiseVariance > 0) || !double.IsFinite(noiseVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(noiseVariance), $"`noiseVariance` must be a finite number > 0; got {noiseVariance}.");
        }

        int n = labels.Length;
        float factor = (float)(-1.0 / (2 * noiseVariance));

        // A kernel exp(factor d^2) with d^2 > r^2 = -87 / factor is below e^-87, which counts as 0 (see
        // SumKernels). The samples are put in k-d tree order, in leaves of KernelBlock samples, so that whole pairs
        // of leaves whose bounding boxes are more than r apart are skipped: a bound, not an approximation.
        var order = KdOrder(activity, units, n);
        int blocks = (n + KernelBlock - 1) / KernelBlock;
        int padded = blocks * KernelBlock; // whole leaves: the short last one is read in full, its tail masked off
        var columns = new float[units * padded];
        var sortedLabels = new int[padded];
        for (int i = 0; i < n; i++)
        {
            sortedLabels[i] = labels[order[i]];
            for (int u = 0; u < units; u++)
            {
                columns[(u * padded) + i] = (float)activity[(u * n) + order[i]];
            }
        }

        var all = new double[n];   // sum over j > i of K(i, j)
        var same = new double[n];  // the same, over j of i's class
        var colAll = new float[padded]; // sum over i < j of K(i, j)
        var colSame = new float[padded];
        SumKernels(columns, units, n, padded, sortedLabels, factor, all, same, colAll, colSame);

        var classCounts = new Dictionary<int, int>();
        foreach (int y in labels)
        {
            classCounts[y] = classCounts.GetValueOrDefault(y) + 1;
        }

        double hT = 0, hTgivenY = 0;
        for (int i = 0; i < n; i++)
        {
            // The self-kernel exp(0) = 1 is included: the mixture has one component per sample.
            hT -= Math.Log((1 + all[i] + colAll[i]) / n);
            hTgivenY -= Math.Log((1 + same[i] + colSame[i]) / classCounts[sortedLabels[i]]);
        }

        hT /= n;
        hTgivenY /= n;
        return new PlanePoint(InformationUnits.FromNats(hT, unit), InformationUnits.FromNats(hT - hTgivenY, unit));
    }

    /// <summary>
    /// A k-d tree order of the samples: the widest unit splits each node at a multiple of
    /// <see cref="KernelBlock"/> near its median, down to leaves of <see cref="KernelBlock"/> samples (the last may
    /// be short). Returns the samples in leaf order.
    /// </summary>
    private static int[] KdOrder(ReadOnlySpan<double> activity, int units, int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var keys = new double[n];
        var stack = new Stack<(int Start, int Count)>();
        stack.Push((0, n));
        while (stack.Count > 0)
        {
            var (start, count) = stack.Pop();
            if (count <= KernelBlock)
            {
                continue;
            }

            int widest = 0;
            double widestRange = -1;
            for (int u = 0; u < units; u++)
            {
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                for (int i = start; i < start + count; i++)
                {
                    double v = activity[(u * n) + order[i]];
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }

                if (hi - lo > widestRange)
                {
                    widestRange = hi - lo;
                    widest = u;
                }
            }

            for (int i = start; i < start + count; i++)
            {
                keys[i] = activity[(widest * n) + order[i]];
            }

            Array.Sort(keys, order, start, count);
            int left = ((count + KernelBlock - 1) / KernelBlock / 2) * KernelBlock;
            stack.Push((start, left));
            stack.Push((start + left, count - left));
        }

        return order;
    }

    /// <summary>
    /// The kernel sums over the pairs i &lt; j, leaf by leaf (leaves of <see cref="KernelBlock"/> samples in k-d
    /// order). A pair of leaves, and then a sample against a leaf, is skipped when their bounding boxes are more than
    /// r apart; otherwise one SIMD pass computes the 32 kernels of sample i against the leaf (four vectors, so that
    /// four independent chains of fused multiply-adds hide their latency): squared distance over the units,
    /// K = exp(factor d^2), and the four running sums. Kernels below e^-87 (the smallest normal float) count as 0:
    /// each would change a sum of at least 1 (the self-kernel) by less than 1.2e-38; r^2 = -87 / factor, so the
    /// skipped pairs are exactly those. The columns, labels and column sums are padded to whole leaves (read, and masked off).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void SumKernels(float[] columns, int units, int n, int padded, int[] labels, float factor,
        double[] all, double[] same, float[] colAll, float[] colSame)
    {
        int lanes = Vector256<float>.Count, blocks = (n + KernelBlock - 1) / KernelBlock;
        double radius2 = VectorMath.LowestExpArgumentSingle / factor * (1 + 1e-6);

        // Bounding boxes of the leaves: low and high of each unit.
        var boxLow = new double[blocks * units];
        var boxHigh = new double[blocks * units];
        for (int b = 0; b < blocks; b++)
        {
            for (int u = 0; u < units; u++)
            {
                double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                for (int i = b * KernelBlock; i < Math.Min(n, (b + 1) * KernelBlock); i++)
                {
                    lo = Math.Min(lo, columns[(u * padded) + i]);
                    hi = Math.Max(hi, columns[(u * padded) + i]);
                }

                boxLow[(b * units) + u] = lo;
                boxHigh[(b * units) + u] = hi;
            }
        }

        var point = new float[units];
        ref float cols = ref MemoryMarshal.GetArrayDataReference(columns);
        ref float ca = ref MemoryMarshal.GetArrayDataReference(colAll);
        ref float cs = ref MemoryMarshal.GetArrayDataReference(colSame);
        ref int lab = ref MemoryMarshal.GetArrayDataReference(labels);
        var f = Vector256.Create(factor);
        var end = Vector256.Create(n);
        for (int b1 = 0; b1 < blocks; b1++)
        {
            for (int b2 = b1; b2 < blocks; b2++)
            {
                if (BoxGap(boxLow, boxHigh, b1, b2, units) > radius2)
                {
                    continue;
                }

                int j = b2 * KernelBlock;
                for (int i = b1 * KernelBlock; i < Math.Min(n, (b1 + 1) * KernelBlock); i++)
                {
                    double gap = 0;
                    for (int u = 0; u < units; u++)
                    {
                        float v = Unsafe.Add(ref cols, (u * padded) + i);
                        point[u] = v;
                        double below = boxLow[(b2 * units) + u] - v, above = v - boxHigh[(b2 * units) + u];
                        double g = Math.Max(0, Math.Max(below, above));
                        gap += g * g;
                    }

                    if (gap > radius2)
                    {
                        continue;
                    }

                    Vector256<float> d0 = default, d1 = default, d2 = default, d3 = default;
                    ref float c = ref Unsafe.Add(ref cols, j);
                    for (int u = 0; u < units; u++)
                    {
                        var p = Vector256.Create(point[u]);
                        ref float row = ref Unsafe.Add(ref c, u * padded);
                        var e0 = Vector256.LoadUnsafe(ref row) - p;
                        var e1 = Vector256.LoadUnsafe(ref row, (nuint)lanes) - p;
                        var e2 = Vector256.LoadUnsafe(ref row, (nuint)(2 * lanes)) - p;
                        var e3 = Vector256.LoadUnsafe(ref row, (nuint)(3 * lanes)) - p;
                        d0 = Vector256.FusedMultiplyAdd(e0, e0, d0);
                        d1 = Vector256.FusedMultiplyAdd(e1, e1, d1);
                        d2 = Vector256.FusedMultiplyAdd(e2, e2, d2);
                        d3 = Vector256.FusedMultiplyAdd(e3, e3, d3);
                    }

                    // Pairs i < j only: within the diagonal leaf, the lanes j <= i are masked off.
                    var first = Vector256.Create(b1 == b2 ? i + 1 : 0);
                    var label = Vector256.Create(labels[i]);
                    var sumAll = Vector256<float>.Zero;
                    var sumSame = Vector256<float>.Zero;
                    Accumulate(d0, j, ref ca, ref cs, ref lab, f, first, end, label, ref sumAll, ref sumSame);
                    Accumulate(d1, j + lanes, ref ca, ref cs, ref lab, f, first, end, label, ref sumAll, ref sumSame);
                    Accumulate(d2, j + (2 * lanes), ref ca, ref cs, ref lab, f, first, end, label, ref sumAll, ref sumSame);
                    Accumulate(d3, j + (3 * lanes), ref ca, ref cs, ref lab, f, first, end, label, ref sumAll, ref sumSame);
                    all[i] += Vector256.Sum(sumAll);
                    same[i] += Vector256.Sum(sumSame);
                }
            }
        }
    }

    /// <summary>The squared distance between the bounding boxes of two leaves (0 when they overlap).</summary>
    private static double BoxGap(double[] low, double[] high, int a, int b, int units)
    {
        double gap = 0;
        for (int u = 0; u < units; u++)
        {
            double g = Math.Max(0, Math.Max(low[(b * units) + u] - high[(a * units) + u], low[(a * units) + u] - high[(b * units) + u]));
            gap += g * g;
        }

        return gap;
    }

    /// <summary>Kernels of eight pairs (i, j..j+7) from their squared distances, added to the four sums (lanes outside [first, end) masked off).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(Vector256<float> squared, int j, ref float colAll, ref float colSame, ref int labels, Vector256<float> factor,
        Vector256<int> first, Vector256<int> end, Vector256<int> label, ref Vector256<float> sumAll, ref Vector256<float> sumSame)
    {
        var low = Vector256.Create(VectorMath.LowestExpArgumentSingle);
        var x = squared * factor;
        var index = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) + Vector256.Create(j);
        var inside = Vector256.GreaterThanOrEqual(index, first) & Vector256.LessThan(index, end);
        var keep = Vector256.GreaterThan(x, low) & inside.AsSingle();
        var k = Vector256.ConditionalSelect(keep, VectorMath.ExpNonPositive(Vector256.Max(x, low)), Vector256<float>.Zero);
        var kSame = Vector256.ConditionalSelect(Vector256.Equals(Vector256.LoadUnsafe(ref labels, (nuint)j), label).AsSingle(), k, Vector256<float>.Zero);
        sumAll += k;
        sumSame += kSame;
        (Vector256.LoadUnsafe(ref colAll, (nuint)j) + k).StoreUnsafe(ref colAll, (nuint)j);
        (Vector256.LoadUnsafe(ref colSame, (nuint)j) + kSame).StoreUnsafe(ref colSame, (nuint)j);
    }

    /// <summary>Samples per leaf, and pairs per step of <see cref="SumKernels"/>: four vectors of floats.</summary>
    private static readonly int KernelBlock = 4 * Vector256<float>.Count;
}
