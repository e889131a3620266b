using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Shannon.Bottleneck;

/// <summary>
/// The vector kernels of a bottleneck sweep, in the manner of TensorPrimitives: static span-in, span-out methods, one
/// generic body over <see cref="ILanes{TVector}"/> for the 256- and 128-bit paths, and a scalar reference that is also
/// the path where no vector width is accelerated. Each kernel without a <see cref="VectorPath"/> argument takes
/// <see cref="VectorMath.Accelerated"/>. Matrices are row-major; the cluster index t runs along rows of
/// stride-long padded rows, a whole number of <see cref="Block"/>s.
/// <para>
/// How the paths agree. <see cref="TransposedProduct(ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, int, int, Span{double})"/>,
/// <see cref="Scores(ReadOnlySpan{double}, int, ReadOnlySpan{double}, ReadOnlySpan{double}, int, int, int, Span{double})"/> and
/// <see cref="AddRelevance(ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double})"/> do, for each output element, the
/// same IEEE operations in the same order on every path (the products are fused multiply-add chains), so they agree
/// bit for bit. <see cref="LogOrLogZero(ReadOnlySpan{double}, Span{double})"/> and the weights of
/// <see cref="SoftRow(ReadOnlySpan{double}, int, double, double, Span{double})"/> use the vector logarithm and exponential of
/// <see cref="VectorMath"/> on whole vectors and the runtime's elsewhere: within 5e-16 relative of each other (the
/// bounds VectorMathTests checks for the logarithm and the exponential). The two sums of <c>SoftRow</c> group their terms by lane, so they
/// differ between widths by at most 2 gamma_k times the sum of the magnitudes (gamma_k = k u / (1 - k u), u = 2^-53;
/// Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 4.4), plus the weights' own 5e-16.
/// </para>
/// </summary>
internal static class BottleneckKernels
{
    /// <summary>Stands for log 0 in the decoder, so that 0 * log 0 = 0 in the dot products (p(y|x) * -1e300 is -infinity in effect).</summary>
    public const double LogZero = -1e300;

    /// <summary>
    /// The products work on blocks of this many clusters (two 256-bit vectors, four 128-bit ones); the strides are a
    /// multiple of it, on every path, so the layout of the state does not depend on the hardware.
    /// </summary>
    public const int Block = 8;

    /// <summary>
    /// Logits of the soft encoder at or below this get weight exactly 0. e^-708 is about 3.3e-308, the bottom of the
    /// normal doubles, so such a weight is lost anyway when added to the largest weight, e^0 = 1. Below it the
    /// results would be subnormal: the vector exponential here does not cover them, and TensorPrimitives.Exp
    /// leaves its fast path for them (ten times slower).
    /// </summary>
    public const double LowestLogit = VectorMath.LowestExpArgument;

    /// <summary><paramref name="count"/> rounded up to a whole number of <see cref="Block"/>s.</summary>
    public static int Padded(int count) => (count + Block - 1) / Block * Block;

    /// <summary>
    /// The transposed product output[y, t] = sum_i weights[i, y] encoder[i, t] for y &lt; <paramref name="width"/> and
    /// t in the blocks that cover <paramref name="columns"/>: a chain of fused multiply-adds over i = 0, 1, ... from +0
    /// for each element. <paramref name="weights"/> is <paramref name="rows"/> x <paramref name="width"/>,
    /// <paramref name="encoder"/> <paramref name="rows"/> x <paramref name="stride"/> and <paramref name="output"/>
    /// <paramref name="width"/> x <paramref name="stride"/>. O(rows width columns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void TransposedProduct(ReadOnlySpan<double> weights, int width, ReadOnlySpan<double> encoder, int stride, int rows, int columns, Span<double> output) =>
        TransposedProduct(weights, width, encoder, stride, rows, columns, output, VectorMath.Accelerated);

    /// <summary>The transposed product on a chosen path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
    public static void TransposedProduct(ReadOnlySpan<double> weights, int width, ReadOnlySpan<double> encoder, int stride, int rows, int columns, Span<double> output, VectorPath path)
    {
        CheckProduct(weights.Length, rows * width, encoder.Length, rows, stride, columns, output.Length, width);
        switch (path)
        {
            case VectorPath.Vector256:
                TransposedProduct<Vector256<double>, Lanes256>(weights, width, encoder, stride, rows, columns, output);
                break;
            case VectorPath.Vector128:
                TransposedProduct<Vector128<double>, Lanes128>(weights, width, encoder, stride, rows, columns, output);
                break;
            default:
                TransposedProductScalar(weights, width, encoder, stride, rows, columns, output);
                break;
        }
    }

    /// <summary>The scalar reference of the transposed product.</summary>
    public static void TransposedProductScalar(ReadOnlySpan<double> weights, int width, ReadOnlySpan<double> encoder, int stride, int rows, int columns, Span<double> output)
    {
        int padded = Padded(columns);
        for (int y = 0; y < width; y++)
        {
            for (int t = 0; t < padded; t++)
            {
                double sum = 0;
                for (int i = 0; i < rows; i++)
                {
                    sum = Math.FusedMultiplyAdd(weights[(i * width) + y], encoder[(i * stride) + t], sum);
                }

                output[(y * stride) + t] = sum;
            }
        }
    }

    /// <summary>Four rows of the result and two vectors of clusters at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedProduct<TVector, TLanes>(ReadOnlySpan<double> weights, int width, ReadOnlySpan<double> encoder, int stride, int rows, int columns, Span<double> output)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        int S = stride, nx = rows, n = TLanes.Count;
        int blocks = (columns + Block - 1) / Block;
        ref double enc = ref MemoryMarshal.GetReference(encoder);
        ref double p = ref MemoryMarshal.GetReference(weights);
        ref double outT = ref MemoryMarshal.GetReference(output);
        for (int c = 0; c < blocks; c++)
        {
            for (int offset = 0; offset < Block; offset += 2 * n)
            {
                nuint col = (nuint)((c * Block) + offset), col2 = col + (nuint)n;
                int y = 0;
                for (; y + 4 <= width; y += 4)
                {
                    TVector a0 = default, a1 = default, a2 = default, a3 = default;
                    TVector b0 = default, b1 = default, b2 = default, b3 = default;
                    for (int i = 0; i < nx; i++)
                    {
                        var e = TLanes.Load(ref enc, ((nuint)(i * S)) + col);
                        var f = TLanes.Load(ref enc, ((nuint)(i * S)) + col2);
                        ref double row = ref Unsafe.Add(ref p, (i * width) + y);
                        var w0 = TLanes.Create(row);
                        var w1 = TLanes.Create(Unsafe.Add(ref row, 1));
                        var w2 = TLanes.Create(Unsafe.Add(ref row, 2));
                        var w3 = TLanes.Create(Unsafe.Add(ref row, 3));
                        a0 = TLanes.FusedMultiplyAdd(w0, e, a0);
                        b0 = TLanes.FusedMultiplyAdd(w0, f, b0);
                        a1 = TLanes.FusedMultiplyAdd(w1, e, a1);
                        b1 = TLanes.FusedMultiplyAdd(w1, f, b1);
                        a2 = TLanes.FusedMultiplyAdd(w2, e, a2);
                        b2 = TLanes.FusedMultiplyAdd(w2, f, b2);
                        a3 = TLanes.FusedMultiplyAdd(w3, e, a3);
                        b3 = TLanes.FusedMultiplyAdd(w3, f, b3);
                    }

                    TLanes.Store(a0, ref outT, ((nuint)(y * S)) + col);
                    TLanes.Store(b0, ref outT, ((nuint)(y * S)) + col2);
                    TLanes.Store(a1, ref outT, ((nuint)((y + 1) * S)) + col);
                    TLanes.Store(b1, ref outT, ((nuint)((y + 1) * S)) + col2);
                    TLanes.Store(a2, ref outT, ((nuint)((y + 2) * S)) + col);
                    TLanes.Store(b2, ref outT, ((nuint)((y + 2) * S)) + col2);
                    TLanes.Store(a3, ref outT, ((nuint)((y + 3) * S)) + col);
                    TLanes.Store(b3, ref outT, ((nuint)((y + 3) * S)) + col2);
                }

                for (; y < width; y++)
                {
                    TVector a0 = default, b0 = default;
                    for (int i = 0; i < nx; i++)
                    {
                        var w0 = TLanes.Create(Unsafe.Add(ref p, (i * width) + y));
                        a0 = TLanes.FusedMultiplyAdd(w0, TLanes.Load(ref enc, ((nuint)(i * S)) + col), a0);
                        b0 = TLanes.FusedMultiplyAdd(w0, TLanes.Load(ref enc, ((nuint)(i * S)) + col2), b0);
                    }

                    TLanes.Store(a0, ref outT, ((nuint)(y * S)) + col);
                    TLanes.Store(b0, ref outT, ((nuint)(y * S)) + col2);
                }
            }
        }
    }

    /// <summary>
    /// The scores output[x, t] = logQt[t] + sum_y scaled[x, y] logDecoderT[y, t] for x &lt; <paramref name="rows"/> and t
    /// in the blocks that cover <paramref name="columns"/>: a chain of fused multiply-adds over y = 0, 1, ... from +0,
    /// then one addition. <paramref name="scaled"/> is <paramref name="rows"/> x <paramref name="ny"/>,
    /// <paramref name="logDecoderT"/> <paramref name="ny"/> x <paramref name="stride"/>, <paramref name="logQt"/> has at
    /// least the padded column count and <paramref name="output"/> is <paramref name="rows"/> x <paramref name="stride"/>.
    /// O(rows ny columns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scores(ReadOnlySpan<double> scaled, int ny, ReadOnlySpan<double> logDecoderT, ReadOnlySpan<double> logQt, int stride, int rows, int columns, Span<double> output) =>
        Scores(scaled, ny, logDecoderT, logQt, stride, rows, columns, output, VectorMath.Accelerated);

    /// <summary>The scores on a chosen path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loops: optimised from the first call (no tier-0 code)
    public static void Scores(ReadOnlySpan<double> scaled, int ny, ReadOnlySpan<double> logDecoderT, ReadOnlySpan<double> logQt, int stride, int rows, int columns, Span<double> output, VectorPath path)
    {
        CheckProduct(scaled.Length, rows * ny, logDecoderT.Length, ny, stride, columns, output.Length, rows);
        Debug.Assert(logQt.Length >= Padded(columns), "log q(t) covers the padded clusters");
        switch (path)
        {
            case VectorPath.Vector256:
                Scores<Vector256<double>, Lanes256>(scaled, ny, logDecoderT, logQt, stride, rows, columns, output);
                break;
            case VectorPath.Vector128:
                Scores<Vector128<double>, Lanes128>(scaled, ny, logDecoderT, logQt, stride, rows, columns, output);
                break;
            default:
                ScoresScalar(scaled, ny, logDecoderT, logQt, stride, rows, columns, output);
                break;
        }
    }

    /// <summary>The scalar reference of the scores.</summary>
    public static void ScoresScalar(ReadOnlySpan<double> scaled, int ny, ReadOnlySpan<double> logDecoderT, ReadOnlySpan<double> logQt, int stride, int rows, int columns, Span<double> output)
    {
        int padded = Padded(columns);
        for (int i = 0; i < rows; i++)
        {
            for (int t = 0; t < padded; t++)
            {
                double sum = 0;
                for (int y = 0; y < ny; y++)
                {
                    sum = Math.FusedMultiplyAdd(scaled[(i * ny) + y], logDecoderT[(y * stride) + t], sum);
                }

                output[(i * stride) + t] = logQt[t] + sum;
            }
        }
    }

    /// <summary>Four inputs and two vectors of clusters at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scores<TVector, TLanes>(ReadOnlySpan<double> scaled, int ny, ReadOnlySpan<double> logDecoderT, ReadOnlySpan<double> logQt, int stride, int rows, int columns, Span<double> output)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        int S = stride, nx = rows, n = TLanes.Count;
        int blocks = (columns + Block - 1) / Block;
        ref double sc = ref MemoryMarshal.GetReference(scaled);
        ref double logDecT = ref MemoryMarshal.GetReference(logDecoderT);
        ref double lq = ref MemoryMarshal.GetReference(logQt);
        ref double outS = ref MemoryMarshal.GetReference(output);
        for (int c = 0; c < blocks; c++)
        {
            for (int offset = 0; offset < Block; offset += 2 * n)
            {
                nuint col = (nuint)((c * Block) + offset), col2 = col + (nuint)n;
                var q = TLanes.Load(ref lq, col);
                var q2 = TLanes.Load(ref lq, col2);
                int i = 0;
                for (; i + 4 <= nx; i += 4)
                {
                    TVector a0 = default, a1 = default, a2 = default, a3 = default;
                    TVector b0 = default, b1 = default, b2 = default, b3 = default;
                    ref double r0 = ref Unsafe.Add(ref sc, i * ny);
                    for (int y = 0; y < ny; y++)
                    {
                        var l = TLanes.Load(ref logDecT, ((nuint)(y * S)) + col);
                        var m = TLanes.Load(ref logDecT, ((nuint)(y * S)) + col2);
                        var w0 = TLanes.Create(Unsafe.Add(ref r0, y));
                        var w1 = TLanes.Create(Unsafe.Add(ref r0, ny + y));
                        var w2 = TLanes.Create(Unsafe.Add(ref r0, (2 * ny) + y));
                        var w3 = TLanes.Create(Unsafe.Add(ref r0, (3 * ny) + y));
                        a0 = TLanes.FusedMultiplyAdd(w0, l, a0);
                        b0 = TLanes.FusedMultiplyAdd(w0, m, b0);
                        a1 = TLanes.FusedMultiplyAdd(w1, l, a1);
                        b1 = TLanes.FusedMultiplyAdd(w1, m, b1);
                        a2 = TLanes.FusedMultiplyAdd(w2, l, a2);
                        b2 = TLanes.FusedMultiplyAdd(w2, m, b2);
                        a3 = TLanes.FusedMultiplyAdd(w3, l, a3);
                        b3 = TLanes.FusedMultiplyAdd(w3, m, b3);
                    }

                    TLanes.Store(TLanes.Add(q, a0), ref outS, ((nuint)(i * S)) + col);
                    TLanes.Store(TLanes.Add(q2, b0), ref outS, ((nuint)(i * S)) + col2);
                    TLanes.Store(TLanes.Add(q, a1), ref outS, ((nuint)((i + 1) * S)) + col);
                    TLanes.Store(TLanes.Add(q2, b1), ref outS, ((nuint)((i + 1) * S)) + col2);
                    TLanes.Store(TLanes.Add(q, a2), ref outS, ((nuint)((i + 2) * S)) + col);
                    TLanes.Store(TLanes.Add(q2, b2), ref outS, ((nuint)((i + 2) * S)) + col2);
                    TLanes.Store(TLanes.Add(q, a3), ref outS, ((nuint)((i + 3) * S)) + col);
                    TLanes.Store(TLanes.Add(q2, b3), ref outS, ((nuint)((i + 3) * S)) + col2);
                }

                for (; i < nx; i++)
                {
                    TVector a0 = default, b0 = default;
                    for (int y = 0; y < ny; y++)
                    {
                        var w0 = TLanes.Create(Unsafe.Add(ref sc, (i * ny) + y));
                        a0 = TLanes.FusedMultiplyAdd(w0, TLanes.Load(ref logDecT, ((nuint)(y * S)) + col), a0);
                        b0 = TLanes.FusedMultiplyAdd(w0, TLanes.Load(ref logDecT, ((nuint)(y * S)) + col2), b0);
                    }

                    TLanes.Store(TLanes.Add(q, a0), ref outS, ((nuint)(i * S)) + col);
                    TLanes.Store(TLanes.Add(q2, b0), ref outS, ((nuint)(i * S)) + col2);
                }
            }
        }
    }

    /// <summary>
    /// destination[t] = ln values[t] where values[t] &gt; 0, else <see cref="LogZero"/> (the same length; they may not
    /// overlap unless they are the same span). Whole vectors use <see cref="VectorMath.LogPositive(Vector256{double})"/>,
    /// the lanes past them <see cref="Math.Log(double)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LogOrLogZero(ReadOnlySpan<double> values, Span<double> destination) =>
        LogOrLogZero(values, destination, VectorMath.Accelerated);

    /// <summary>The logarithm on a chosen path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LogOrLogZero(ReadOnlySpan<double> values, Span<double> destination, VectorPath path)
    {
        Debug.Assert(destination.Length >= values.Length, "the destination holds the values");
        switch (path)
        {
            case VectorPath.Vector256:
                LogOrLogZero<Vector256<double>, Lanes256>(values, destination);
                break;
            case VectorPath.Vector128:
                LogOrLogZero<Vector128<double>, Lanes128>(values, destination);
                break;
            default:
                LogOrLogZeroScalar(values, destination);
                break;
        }
    }

    /// <summary>The scalar reference of the logarithm.</summary>
    public static void LogOrLogZeroScalar(ReadOnlySpan<double> values, Span<double> destination)
    {
        for (int t = 0; t < values.Length; t++)
        {
            double v = values[t];
            destination[t] = v > 0 ? Math.Log(v) : LogZero;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LogOrLogZero<TVector, TLanes>(ReadOnlySpan<double> values, Span<double> destination)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        int k = values.Length, n = TLanes.Count, t = 0;
        ref double d = ref MemoryMarshal.GetReference(values);
        ref double l = ref MemoryMarshal.GetReference(destination);
        var logZero = TLanes.Create(LogZero);
        var zero = TLanes.Create(0.0);
        for (; t + n <= k; t += n)
        {
            var v = TLanes.Load(ref d, (nuint)t);
            var positive = TLanes.GreaterThan(v, zero);
            TLanes.Store(TLanes.ConditionalSelect(positive, VectorMath.LogPositive<TVector, TLanes>(v), logZero), ref l, (nuint)t);
        }

        for (; t < k; t++)
        {
            double v = Unsafe.Add(ref d, t);
            Unsafe.Add(ref l, t) = v > 0 ? Math.Log(v) : LogZero;
        }
    }

    /// <summary>
    /// One row of the soft encoder: weights[t] = exp((scores[t] - best) / alpha), exactly 0 where that logit is at or
    /// below <see cref="LowestLogit"/> (so that weight * logit = 0 where the logit is -infinity, an empty cluster), for
    /// t &lt; <paramref name="count"/>; returns the sum of the weights and their dot product with the logits (clamped
    /// at <see cref="LowestLogit"/>). Both spans hold at least <see cref="Padded(int)"/> of <paramref name="count"/>
    /// entries (the score rows have a padded stride): the vector paths read and write whole vectors, and lanes past
    /// <paramref name="count"/> get weight 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sum, double Weighted) SoftRow(ReadOnlySpan<double> scores, int count, double best, double alpha, Span<double> weights) =>
        SoftRow(scores, count, best, alpha, weights, VectorMath.Accelerated);

    /// <summary>The soft row on a chosen path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sum, double Weighted) SoftRow(ReadOnlySpan<double> scores, int count, double best, double alpha, Span<double> weights, VectorPath path)
    {
        Debug.Assert(scores.Length >= Padded(count) && weights.Length >= Padded(count), "the rows are padded to whole blocks");
        return path switch
        {
            VectorPath.Vector256 => SoftRow<Vector256<double>, Lanes256>(scores, count, best, alpha, weights),
            VectorPath.Vector128 => SoftRow<Vector128<double>, Lanes128>(scores, count, best, alpha, weights),
            _ => SoftRowScalar(scores, count, best, alpha, weights),
        };
    }

    /// <summary>The scalar reference of the soft row (weights from <see cref="Math.Exp(double)"/>, sums in order).</summary>
    public static (double Sum, double Weighted) SoftRowScalar(ReadOnlySpan<double> scores, int count, double best, double alpha, Span<double> weights)
    {
        double sum = 0, dot = 0;
        for (int t = 0; t < count; t++)
        {
            double v = scores[t] - best;
            if (alpha != 1)
            {
                v /= alpha;
            }

            bool keep = v > LowestLogit;
            v = Math.Max(v, LowestLogit);
            double e = keep ? Math.Exp(v) : 0;
            weights[t] = e;
            sum += e;
            dot = Math.FusedMultiplyAdd(e, v, dot);
        }

        return (sum, dot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Sum, double Weighted) SoftRow<TVector, TLanes>(ReadOnlySpan<double> scores, int count, double best, double alpha, Span<double> weights)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        int k = count, n = TLanes.Count;
        ref double s = ref MemoryMarshal.GetReference(scores);
        ref double w = ref MemoryMarshal.GetReference(weights);
        var low = TLanes.Create(LowestLogit);
        var top = TLanes.Create(best);
        var a = TLanes.Create(alpha);
        var lane = TLanes.Indices;
        var end = TLanes.Create(k);
        var zero = TLanes.Create(0.0);
        var sums = zero;
        var dots = zero;
        for (int t = 0; t < k; t += n)
        {
            var v = TLanes.Subtract(TLanes.Load(ref s, (nuint)t), top);
            if (alpha != 1)
            {
                v = TLanes.Divide(v, a);
            }

            var keep = TLanes.And(TLanes.GreaterThan(v, low), TLanes.LessThan(TLanes.Add(lane, TLanes.Create(t)), end));
            v = TLanes.Max(v, low);
            var e = TLanes.ConditionalSelect(keep, VectorMath.ExpNonPositive<TVector, TLanes>(v), zero);
            TLanes.Store(e, ref w, (nuint)t);
            sums = TLanes.Add(sums, e);
            dots = TLanes.FusedMultiplyAdd(e, v, dots);
        }

        return (TLanes.Sum(sums), TLanes.Sum(dots));
    }

    /// <summary>
    /// accumulator[t] += decoder[t] (logDecoder[t] - logPy), one rounding for the difference, one for the product and
    /// one for the sum (no fused multiply-add), on every path: a row of the relevance sum_y q(y|t) log(q(y|t) / p(y)).
    /// The three spans have the accumulator's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddRelevance(ReadOnlySpan<double> decoder, ReadOnlySpan<double> logDecoder, double logPy, Span<double> accumulator) =>
        AddRelevance(decoder, logDecoder, logPy, accumulator, VectorMath.Accelerated);

    /// <summary>The relevance row on a chosen path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddRelevance(ReadOnlySpan<double> decoder, ReadOnlySpan<double> logDecoder, double logPy, Span<double> accumulator, VectorPath path)
    {
        Debug.Assert(decoder.Length >= accumulator.Length && logDecoder.Length >= accumulator.Length, "the rows cover the accumulator");
        switch (path)
        {
            case VectorPath.Vector256:
                AddRelevance<Vector256<double>, Lanes256>(decoder, logDecoder, logPy, accumulator);
                break;
            case VectorPath.Vector128:
                AddRelevance<Vector128<double>, Lanes128>(decoder, logDecoder, logPy, accumulator);
                break;
            default:
                AddRelevanceScalar(decoder, logDecoder, logPy, accumulator);
                break;
        }
    }

    /// <summary>The scalar reference of the relevance row.</summary>
    public static void AddRelevanceScalar(ReadOnlySpan<double> decoder, ReadOnlySpan<double> logDecoder, double logPy, Span<double> accumulator)
    {
        for (int t = 0; t < accumulator.Length; t++)
        {
            accumulator[t] += decoder[t] * (logDecoder[t] - logPy);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRelevance<TVector, TLanes>(ReadOnlySpan<double> decoder, ReadOnlySpan<double> logDecoder, double logPy, Span<double> accumulator)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        int k = accumulator.Length, n = TLanes.Count, t = 0;
        ref double d = ref MemoryMarshal.GetReference(decoder);
        ref double l = ref MemoryMarshal.GetReference(logDecoder);
        ref double a = ref MemoryMarshal.GetReference(accumulator);
        var lp = TLanes.Create(logPy);
        for (; t + n <= k; t += n)
        {
            var v = TLanes.Multiply(TLanes.Load(ref d, (nuint)t), TLanes.Subtract(TLanes.Load(ref l, (nuint)t), lp));
            TLanes.Store(TLanes.Add(TLanes.Load(ref a, (nuint)t), v), ref a, (nuint)t);
        }

        for (; t < k; t++)
        {
            Unsafe.Add(ref a, t) += Unsafe.Add(ref d, t) * (Unsafe.Add(ref l, t) - logPy);
        }
    }

    /// <summary>The spans of a blocked product are large enough for what the vector paths touch (checked in debug builds).</summary>
    [Conditional("DEBUG")]
    private static void CheckProduct(int left, int leftNeeded, int right, int rightRows, int stride, int columns, int output, int outputRows)
    {
        Debug.Assert(stride % Block == 0 && stride >= Padded(columns), "the stride is whole blocks that cover the columns");
        Debug.Assert(left >= leftNeeded, "the left matrix is complete");
        Debug.Assert(right >= rightRows * stride, "the right matrix is complete");
        Debug.Assert(output >= outputRows * stride, "the output is complete");
    }
}
