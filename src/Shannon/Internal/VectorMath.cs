using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Shannon;

/// <summary>The paths a vector kernel can take; <see cref="VectorMath.Accelerated"/> is the one the hardware runs natively.</summary>
internal enum VectorPath
{
    /// <summary>One double at a time: the reference, and the path where no vector width is accelerated.</summary>
    Scalar,

    /// <summary>Two doubles at a time (SSE2 on x64, AdvSimd on ARM64).</summary>
    Vector128,

    /// <summary>Four doubles at a time (AVX2 on x64).</summary>
    Vector256,
}

/// <summary>Vector kernels that the hot loops inline, for the ranges those loops need only.</summary>
internal static class VectorMath
{
    /// <summary>The lowest argument of <see cref="ExpNonPositive(Vector256{double})"/>: e^-708 is about 3.3e-308, still a normal double.</summary>
    public const double LowestExpArgument = -708;

    private const double Log2E = 1.4426950408889634;

    // ln 2 split in two (Cody & Waite 1980): the first part is the double nearest ln 2, the second the rest, so that
    // x - n ln 2 is computed to about one ulp of the result; with a fused multiply-add the first step is exact.
    private const double Ln2High = 0.6931471805599453;
    private const double Ln2Low = 2.3190468138462996e-17;

    // 1.5 * 2^52: adding it rounds to an integer (round to nearest even), whose value sits in the low bits.
    private const double RoundingShift = 6755399441055744.0;

    /// <summary>
    /// e^x for every lane with x in [<see cref="LowestExpArgument"/>, 0], within about two ulp of Math.Exp
    /// (the tests check 1e-15 relative over the whole range). x = n ln 2 + r with n an integer and |r| &lt;= ln 2 / 2;
    /// e^r is its Taylor polynomial of degree 12 (the remainder is below 1.7e-16 relative) and 2^n is built from
    /// the exponent bits. Outside the range the result is wrong: the callers clamp first.
    /// </summary>
    /// <param name="x">Arguments in [-708, 0].</param>
    /// <returns>e^x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ExpNonPositive(Vector256<double> x) => ExpNonPositive<Vector256<double>, Lanes256>(x);

    /// <summary><see cref="ExpNonPositive(Vector256{double})"/> on two lanes (SSE2, ARM64 AdvSimd): the same body, so the same bits.</summary>
    /// <param name="x">Arguments in [-708, 0].</param>
    /// <returns>e^x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpNonPositive(Vector128<double> x) => ExpNonPositive<Vector128<double>, Lanes128>(x);

    /// <summary>
    /// <see cref="ExpNonPositive(Vector256{double})"/> at the width of <typeparamref name="TLanes"/>: the one body of
    /// every width, which the JIT specialises and inlines per lane struct. Lane by lane every width does the same
    /// operations, so every width gives the same bits.
    /// </summary>
    /// <typeparam name="TVector">The vector of doubles.</typeparam>
    /// <typeparam name="TLanes">The operations at that width.</typeparam>
    /// <param name="x">Arguments in [-708, 0].</param>
    /// <returns>e^x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ExpNonPositive<TVector, TLanes>(TVector x)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        var shift = TLanes.Create(RoundingShift);
        var shifted = TLanes.FusedMultiplyAdd(x, TLanes.Create(Log2E), shift);
        var n = TLanes.Subtract(shifted, shift);
        var r = TLanes.FusedMultiplyAdd(n, TLanes.Create(-Ln2High), x);
        r = TLanes.FusedMultiplyAdd(n, TLanes.Create(-Ln2Low), r);

        // Horner: sum_{i=0}^{12} r^i / i!.
        var p = TLanes.Create(1.0 / 479001600);
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 39916800));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 3628800));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 362880));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 40320));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 5040));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 720));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 120));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 24));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0 / 6));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(0.5));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1.0));

        // n (in [-1022, 0]) is the difference of the bit patterns of shifted and shift; 2^n has exponent field n + 1023.
        var exponent = TLanes.AddInt64(TLanes.SubtractInt64(shifted, shift), TLanes.CreateInt64(1023L));
        return TLanes.Multiply(p, TLanes.ShiftLeftInt64(exponent, 52));
    }

    /// <summary>The lowest argument of the single-precision <see cref="ExpNonPositive(Vector256{float})"/>: e^-87 is about 1.6e-38, still a normal float.</summary>
    public const float LowestExpArgumentSingle = -87f;

    /// <summary>
    /// e^x in single precision for every lane with x in [<see cref="LowestExpArgumentSingle"/>, 0], within about two
    /// ulp of the correctly rounded value (the tests check 3e-7 relative against Math.Exp): the same reduction as the
    /// double version, with the Taylor polynomial of degree 7 (remainder below 5e-9 relative).
    /// </summary>
    /// <param name="x">Arguments in [-87, 0].</param>
    /// <returns>e^x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpNonPositive(Vector256<float> x) => ExpNonPositive<Vector256<float>, Vector256<int>, SingleLanes256>(x);

    /// <summary><see cref="ExpNonPositive(Vector256{float})"/> on four lanes (SSE2, ARM64 AdvSimd): the same body, so the same bits.</summary>
    /// <param name="x">Arguments in [-87, 0].</param>
    /// <returns>e^x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpNonPositive(Vector128<float> x) => ExpNonPositive<Vector128<float>, Vector128<int>, SingleLanes128>(x);

    /// <summary>
    /// <see cref="ExpNonPositive(Vector256{float})"/> on one float, for the scalar paths: the same body (fused
    /// multiply-adds included), so the same bits as each lane of the vector versions.
    /// </summary>
    /// <param name="x">An argument in [-87, 0].</param>
    /// <returns>e^x.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ExpNonPositive(float x) => ExpNonPositive<float, int, SingleScalar>(x);

    /// <summary>
    /// <see cref="ExpNonPositive(Vector256{float})"/> at the width of <typeparamref name="TLanes"/> (one float included):
    /// the one body of every width, which the JIT specialises and inlines per lane struct.
    /// </summary>
    /// <typeparam name="TVector">The vector of floats (or a float).</typeparam>
    /// <typeparam name="TInt32">The vector of as many int32 lanes (or an int).</typeparam>
    /// <typeparam name="TLanes">The operations at that width.</typeparam>
    /// <param name="x">Arguments in [-87, 0].</param>
    /// <returns>e^x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ExpNonPositive<TVector, TInt32, TLanes>(TVector x)
        where TVector : struct
        where TInt32 : struct
        where TLanes : ISingleArithmetic<TVector, TInt32>
    {
        var shift = TLanes.Create(RoundingShiftSingle);
        var shifted = TLanes.FusedMultiplyAdd(x, TLanes.Create(Log2ESingle), shift);
        var n = TLanes.Subtract(shifted, shift);
        var r = TLanes.FusedMultiplyAdd(n, TLanes.Create(-Ln2HighSingle), x);
        r = TLanes.FusedMultiplyAdd(n, TLanes.Create(-Ln2LowSingle), r);
        var p = TLanes.Create(1f / 5040);
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1f / 720));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1f / 120));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1f / 24));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1f / 6));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(0.5f));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1f));
        p = TLanes.FusedMultiplyAdd(p, r, TLanes.Create(1f));
        var exponent = TLanes.AddInt32(TLanes.SubtractInt32(TLanes.AsInt32(shifted), TLanes.AsInt32(shift)), TLanes.CreateInt32(127));
        return TLanes.Multiply(p, TLanes.AsSingle(TLanes.ShiftLeftInt32(exponent, 23)));
    }

    // The single-precision constants of the float exponentials: 1.5 * 2^23 (adding it rounds to an integer), log2 e,
    // and ln 2 in two parts (the float nearest ln 2, and the rest, negative).
    private const float RoundingShiftSingle = 12582912f;
    private const float Log2ESingle = 1.442695f;
    private const float Ln2HighSingle = 0.6931472f;
    private const float Ln2LowSingle = -1.9046542e-9f;

    /// <summary>
    /// The widest path the hardware runs natively: <see cref="VectorPath.Vector256"/> where
    /// <see cref="Vector256.IsHardwareAccelerated"/> (AVX2 on x64), else <see cref="VectorPath.Vector128"/> where
    /// <see cref="Vector128.IsHardwareAccelerated"/> (SSE2, ARM64 AdvSimd), else <see cref="VectorPath.Scalar"/>. A JIT-time
    /// constant, so the dispatch on it compiles away.
    /// </summary>
    public static VectorPath Accelerated => Vector256.IsHardwareAccelerated ? VectorPath.Vector256
        : Vector128.IsHardwareAccelerated ? VectorPath.Vector128 : VectorPath.Scalar;

    /// <summary>The largest element; -infinity when empty. Exact (and the same on every path): max rounds nothing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(ReadOnlySpan<double> values) => Max(values, Accelerated);

    /// <summary><see cref="Max(ReadOnlySpan{double})"/> on a chosen path (the tests compare the paths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(ReadOnlySpan<double> values, VectorPath path) => path switch
    {
        VectorPath.Vector256 => Max<Vector256<double>, Lanes256>(values),
        VectorPath.Vector128 => Max<Vector128<double>, Lanes128>(values),
        _ => MaxScalar(values),
    };

    /// <summary>The scalar reference of <see cref="Max(ReadOnlySpan{double})"/>.</summary>
    public static double MaxScalar(ReadOnlySpan<double> values)
    {
        double best = double.NegativeInfinity;
        foreach (double v in values)
        {
            best = Math.Max(best, v);
        }

        return best;
    }

    /// <summary>Whole vectors first, the lanes past the last whole vector one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Max<TVector, TLanes>(ReadOnlySpan<double> values)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        int n = TLanes.Count, i = 0;
        ref double v = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
        double best = double.NegativeInfinity;
        if (values.Length >= n)
        {
            var m = TLanes.Load(ref v, 0);
            for (i = n; i + n <= values.Length; i += n)
            {
                m = TLanes.Max(m, TLanes.Load(ref v, (nuint)i));
            }

            best = TLanes.MaxAcross(m);
        }

        for (; i < values.Length; i++)
        {
            best = Math.Max(best, Unsafe.Add(ref v, i));
        }

        return best;
    }

    /// <summary>
    /// ln x for every lane with x a positive finite double (subnormals included), within about two ulp of Math.Log
    /// (the tests check 2e-16 absolute below |ln x| = 1 and 2e-16 relative above). x = 2^e m with m in [sqrt(1/2), sqrt(2));
    /// ln m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| &lt;= 0.1716, summed as its odd series to s^23 (the
    /// remainder is below 1e-17 relative). Zero, negative, infinite and NaN lanes give meaningless results: the
    /// callers select them away.
    /// </summary>
    /// <param name="x">Positive finite arguments.</param>
    /// <returns>ln x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LogPositive(Vector256<double> x) => LogPositive<Vector256<double>, Lanes256>(x);

    /// <summary><see cref="LogPositive(Vector256{double})"/> on two lanes (SSE2, ARM64 AdvSimd): the same body, so the same bits.</summary>
    /// <param name="x">Positive finite arguments.</param>
    /// <returns>ln x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LogPositive(Vector128<double> x) => LogPositive<Vector128<double>, Lanes128>(x);

    /// <summary>
    /// <see cref="LogPositive(Vector256{double})"/> at the width of <typeparamref name="TLanes"/>: the one body of
    /// every width, which the JIT specialises and inlines per lane struct.
    /// </summary>
    /// <typeparam name="TVector">The vector of doubles.</typeparam>
    /// <typeparam name="TLanes">The operations at that width.</typeparam>
    /// <param name="x">Positive finite arguments.</param>
    /// <returns>ln x lane by lane.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector LogPositive<TVector, TLanes>(TVector x)
        where TVector : struct
        where TLanes : ILanes<TVector>
    {
        // Subnormals: scaled by 2^54 first (exactly), and 54 taken off the exponent.
        var tiny = TLanes.LessThan(x, TLanes.Create(2.2250738585072014e-308));
        x = TLanes.ConditionalSelect(tiny, TLanes.Multiply(x, TLanes.Create(18014398509481984.0)), x);

        // e and m with m in [sqrt(1/2), sqrt(2)): subtracting the bits of sqrt(1/2) before taking the exponent field
        // moves the break from 1 to sqrt(1/2). e and m are int64 lanes held in double vectors.
        var offset = TLanes.SubtractInt64(x, TLanes.CreateInt64(0x3FE6A09E667F3BCDL));
        var e = TLanes.ShiftRightArithmeticInt64(offset, 52);
        var m = TLanes.SubtractInt64(x, TLanes.ShiftLeftInt64(e, 52));
        // e to double without an int64 conversion instruction (AVX2 has none): through the bits of 1.5 * 2^52 + e.
        var shift = TLanes.Create(RoundingShift);
        var exponent = TLanes.Subtract(
            TLanes.Subtract(TLanes.AddInt64(e, shift), shift),
            TLanes.ConditionalSelect(tiny, TLanes.Create(54.0), TLanes.Create(0.0)));

        var one = TLanes.Create(1.0);
        var s = TLanes.Divide(TLanes.Subtract(m, one), TLanes.Add(m, one));
        var z = TLanes.Multiply(s, s);
        var p = TLanes.Create(2.0 / 23);
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 21));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 19));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 17));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 15));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 13));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 11));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 9));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 7));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 5));
        p = TLanes.FusedMultiplyAdd(p, z, TLanes.Create(2.0 / 3));

        // ln m = 2 s + s z p', summed small part first; then e ln 2 in two parts.
        var lnM = TLanes.FusedMultiplyAdd(TLanes.Multiply(s, z), p, TLanes.Add(s, s));
        var low = TLanes.FusedMultiplyAdd(exponent, TLanes.Create(Ln2Low), lnM);
        return TLanes.FusedMultiplyAdd(exponent, TLanes.Create(Ln2High), low);
    }
}
