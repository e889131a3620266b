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
    public static PlanePoint KernelDensityUpperBound(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, InformationUnit unit, double noiseVariance = 1e-3) =>
        KernelDensityUpperBound(activity, units, labels, unit, noiseVariance, VectorMath.Accelerated);

    /// <summary>
    /// <see cref="KernelDensityUpperBound(ReadOnlySpan{double}, int, ReadOnlySpan{int}, InformationUnit, double)"/> on a
    /// chosen path (the tests compare the paths; see <see cref="SumKernels"/> for how far they may differ).
    /// </summary>
    internal static PlanePoint KernelDensityUpperBound(ReadOnlySpan<double> activity, int units, ReadOnlySpan<int> labels, InformationUnit unit, double noiseVariance, VectorPath path)
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
        switch (path)
        {
            case VectorPath.Vector256:
                SumKernels<VectorLeaf<Vector256<float>, Vector256<int>, SingleLanes256>>(columns, units, n, padded, sortedLabels, factor, all, same, colAll, colSame);
                break;
            case VectorPath.Vector128:
                SumKernels<VectorLeaf<Vector128<float>, Vector128<int>, SingleLanes128>>(columns, units, n, padded, sortedLabels, factor, all, same, colAll, colSame);
                break;
            default:
                SumKernels<ScalarLeaf>(columns, units, n, padded, sortedLabels, factor, all, same, colAll, colSame);
                break;
        }

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
    /// r apart; otherwise <typeparamref name="TLeaf"/> computes the 32 kernels of sample i against the leaf: squared
    /// distance over the units (a chain of fused multiply-adds from +0), K = exp(factor d^2), and the sums. Kernels
    /// below e^-87 (the smallest normal float) count as 0: each would change a sum of at least 1 (the self-kernel) by
    /// less than 1.2e-38; r^2 = -87 / factor, so the skipped pairs are exactly those. The columns, labels and column
    /// sums are padded to whole leaves (read, and masked off).
    /// <para>
    /// How the paths agree. Each kernel K(i, j) is the same IEEE operations on every path (the single-precision
    /// exponentials of <see cref="VectorMath"/> give the same bits at every width and in scalar), and the column sums
    /// (colAll, colSame) add them in the same order (i ascending), so they agree bit for bit. The row sums (all, same)
    /// add the at most 32 kernels of one leaf in single precision, grouped by lane: two paths differ there by at most
    /// 2 gamma_32 times the sum (the kernels are >= 0; gamma_k = k u / (1 - k u), u = 2^-24; Higham, Accuracy and
    /// Stability of Numerical Algorithms, 2nd ed., eq. 4.4), and the leaves are then added in double in the same order.
    /// Since ln(1 + all + colAll) moves by at most the relative change of all, each entropy moves by at most
    /// 2 gamma_32 nats, I(X;T) by 2 gamma_32 and I(T;Y) by 4 gamma_32 (about 3.8e-6 and 7.6e-6 nats), plus double
    /// roundings.
    /// </para>
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void SumKernels<TLeaf>(float[] columns, int units, int n, int padded, int[] labels, float factor,
        double[] all, double[] same, float[] colAll, float[] colSame)
        where TLeaf : ILeafKernel
    {
        int blocks = (n + KernelBlock - 1) / KernelBlock;
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
                        float v = columns[(u * padded) + i];
                        point[u] = v;
                        double below = boxLow[(b2 * units) + u] - v, above = v - boxHigh[(b2 * units) + u];
                        double g = Math.Max(0, Math.Max(below, above));
                        gap += g * g;
                    }

                    if (gap > radius2)
                    {
                        continue;
                    }

                    // Pairs i < j only: within the diagonal leaf, the samples j <= i are masked off.
                    var (sumAll, sumSame) = TLeaf.Row(columns, padded, point, j, b1 == b2 ? i + 1 : 0, n, labels[i], factor, labels, colAll, colSame);
                    all[i] += sumAll;
                    same[i] += sumSame;
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

    /// <summary>One sample against one leaf: the step of <see cref="SumKernels"/> that a path does its own way.</summary>
    private interface ILeafKernel
    {
        /// <summary>
        /// The kernels of the sample at <paramref name="point"/> (one float per unit) against the leaf of
        /// <see cref="KernelBlock"/> samples from <paramref name="start"/>, those outside [<paramref name="first"/>,
        /// <paramref name="end"/>) left out: each is added to <paramref name="colAll"/>, and to
        /// <paramref name="colSame"/> where the sample's label is <paramref name="label"/>. Returns their sums, the same
        /// split, in single precision.
        /// </summary>
        static abstract (float All, float Same) Row(float[] columns, int padded, float[] point, int start, int first, int end, int label,
            float factor, int[] labels, float[] colAll, float[] colSame);
    }

    /// <summary>
    /// The scalar reference, and the path where no vector width is accelerated: sample by sample, the same
    /// operations as each lane of <see cref="VectorLeaf{TVector, TInt32, TLanes}"/>, and the row sums in sample order.
    /// </summary>
    private readonly struct ScalarLeaf : ILeafKernel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (float All, float Same) Row(float[] columns, int padded, float[] point, int start, int first, int end, int label,
            float factor, int[] labels, float[] colAll, float[] colSame)
        {
            float sumAll = 0, sumSame = 0;
            for (int t = Math.Max(start, first); t < Math.Min(start + KernelBlock, end); t++)
            {
                float squared = 0;
                for (int u = 0; u < point.Length; u++)
                {
                    float e = columns[(u * padded) + t] - point[u];
                    squared = MathF.FusedMultiplyAdd(e, e, squared);
                }

                float x = squared * factor;
                if (!(x > VectorMath.LowestExpArgumentSingle))
                {
                    continue;
                }

                float k = VectorMath.ExpNonPositive(x);
                sumAll += k;
                colAll[t] += k;
                if (labels[t] == label)
                {
                    sumSame += k;
                    colSame[t] += k;
                }
            }

            return (sumAll, sumSame);
        }
    }

    /// <summary>
    /// The vector paths, one body for both widths: the leaf in steps of four vectors (one step of 256-bit vectors, two
    /// of 128-bit ones), so that four independent chains of fused multiply-adds hide their latency; the row sums
    /// accumulate lane by lane over the steps and are reduced once.
    /// </summary>
    private readonly struct VectorLeaf<TVector, TInt32, TLanes> : ILeafKernel
        where TVector : struct
        where TInt32 : struct
        where TLanes : ISingleLanes<TVector, TInt32>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (float All, float Same) Row(float[] columns, int padded, float[] point, int start, int first, int end, int label,
            float factor, int[] labels, float[] colAll, float[] colSame)
        {
            int lanes = TLanes.Count;
            ref float cols = ref MemoryMarshal.GetArrayDataReference(columns);
            ref float ca = ref MemoryMarshal.GetArrayDataReference(colAll);
            ref float cs = ref MemoryMarshal.GetArrayDataReference(colSame);
            ref int lab = ref MemoryMarshal.GetArrayDataReference(labels);
            var f = TLanes.Create(factor);
            var firstLanes = TLanes.CreateInt32(first);
            var endLanes = TLanes.CreateInt32(end);
            var labelLanes = TLanes.CreateInt32(label);
            TVector sumAll = default, sumSame = default;
            for (int j = start; j < start + KernelBlock; j += 4 * lanes)
            {
                TVector d0 = default, d1 = default, d2 = default, d3 = default;
                ref float c = ref Unsafe.Add(ref cols, j);
                for (int u = 0; u < point.Length; u++)
                {
                    var p = TLanes.Create(point[u]);
                    ref float row = ref Unsafe.Add(ref c, u * padded);
                    var e0 = TLanes.Subtract(TLanes.Load(ref row, 0), p);
                    var e1 = TLanes.Subtract(TLanes.Load(ref row, (nuint)lanes), p);
                    var e2 = TLanes.Subtract(TLanes.Load(ref row, (nuint)(2 * lanes)), p);
                    var e3 = TLanes.Subtract(TLanes.Load(ref row, (nuint)(3 * lanes)), p);
                    d0 = TLanes.FusedMultiplyAdd(e0, e0, d0);
                    d1 = TLanes.FusedMultiplyAdd(e1, e1, d1);
                    d2 = TLanes.FusedMultiplyAdd(e2, e2, d2);
                    d3 = TLanes.FusedMultiplyAdd(e3, e3, d3);
                }

                Accumulate(d0, j, ref ca, ref cs, ref lab, f, firstLanes, endLanes, labelLanes, ref sumAll, ref sumSame);
                Accumulate(d1, j + lanes, ref ca, ref cs, ref lab, f, firstLanes, endLanes, labelLanes, ref sumAll, ref sumSame);
                Accumulate(d2, j + (2 * lanes), ref ca, ref cs, ref lab, f, firstLanes, endLanes, labelLanes, ref sumAll, ref sumSame);
                Accumulate(d3, j + (3 * lanes), ref ca, ref cs, ref lab, f, firstLanes, endLanes, labelLanes, ref sumAll, ref sumSame);
            }

            return (TLanes.Sum(sumAll), TLanes.Sum(sumSame));
        }

        /// <summary>Kernels of one vector of pairs (i, j..j+Count-1) from their squared distances, added to the four sums (lanes outside [first, end) masked off).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Accumulate(TVector squared, int j, ref float colAll, ref float colSame, ref int labels, TVector factor,
            TInt32 first, TInt32 end, TInt32 label, ref TVector sumAll, ref TVector sumSame)
        {
            var low = TLanes.Create(VectorMath.LowestExpArgumentSingle);
            var x = TLanes.Multiply(squared, factor);
            var index = TLanes.AddInt32(TLanes.Indices, TLanes.CreateInt32(j));
            var inside = TLanes.And(TLanes.GreaterThanOrEqualInt32(index, first), TLanes.LessThanInt32(index, end));
            var keep = TLanes.And(TLanes.GreaterThan(x, low), inside);
            var k = TLanes.ConditionalSelect(keep, VectorMath.ExpNonPositive<TVector, TInt32, TLanes>(TLanes.Max(x, low)), default);
            var kSame = TLanes.ConditionalSelect(TLanes.EqualsInt32(TLanes.LoadInt32(ref labels, (nuint)j), label), k, default);
            sumAll = TLanes.Add(sumAll, k);
            sumSame = TLanes.Add(sumSame, kSame);
            TLanes.Store(TLanes.Add(TLanes.Load(ref colAll, (nuint)j), k), ref colAll, (nuint)j);
            TLanes.Store(TLanes.Add(TLanes.Load(ref colSame, (nuint)j), kSame), ref colSame, (nuint)j);
        }
    }

    /// <summary>
    /// Samples per leaf, and pairs per call of <see cref="ILeafKernel.Row"/>: four 256-bit vectors of floats, eight
    /// 128-bit ones. A constant, not a function of the hardware, so that the k-d leaves, and with them which pairs are
    /// skipped, are the same on every path.
    /// </summary>
    private const int KernelBlock = 32;
}
