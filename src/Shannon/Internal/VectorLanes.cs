using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Shannon;

/// <summary>
/// The operations a vector kernel needs on one width of double vectors, so that one generic kernel body serves
/// <see cref="Vector256{T}"/> and <see cref="Vector128{T}"/> (the operator-struct pattern of TensorPrimitives). The
/// implementations are structs: the JIT compiles the kernel once per width and inlines every member. Lane by lane
/// the two widths do the same IEEE operations, so a kernel whose lanes are independent gives the same bits on both;
/// only the reductions (<see cref="ILanes{TVector}.Sum"/>) group the lanes differently.
/// </summary>
/// <typeparam name="TVector">The vector type.</typeparam>
internal interface ILanes<TVector>
    where TVector : struct
{
    /// <summary>The number of doubles in one vector.</summary>
    static abstract int Count { get; }

    /// <summary>0, 1, ..., Count - 1 as doubles.</summary>
    static abstract TVector Indices { get; }

    /// <summary>One vector from <paramref name="source"/> + <paramref name="index"/> (no bounds check).</summary>
    static abstract TVector Load(ref double source, nuint index);

    /// <summary>Stores one vector at <paramref name="destination"/> + <paramref name="index"/> (no bounds check).</summary>
    static abstract void Store(TVector value, ref double destination, nuint index);

    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TVector Create(double value);

    /// <summary>left + right.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>left - right.</summary>
    static abstract TVector Subtract(TVector left, TVector right);

    /// <summary>left * right.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>left / right.</summary>
    static abstract TVector Divide(TVector left, TVector right);

    /// <summary>left * right + addend, rounded once.</summary>
    static abstract TVector FusedMultiplyAdd(TVector left, TVector right, TVector addend);

    /// <summary>The lane-wise maximum (IEEE 754:2019 maximum, as Math.Max).</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>All bits set in the lanes where left &gt; right.</summary>
    static abstract TVector GreaterThan(TVector left, TVector right);

    /// <summary>All bits set in the lanes where left &lt; right.</summary>
    static abstract TVector LessThan(TVector left, TVector right);

    /// <summary>The bitwise and.</summary>
    static abstract TVector And(TVector left, TVector right);

    /// <summary>The lanes of <paramref name="ifSet"/> where <paramref name="mask"/> is set, else those of <paramref name="otherwise"/>.</summary>
    static abstract TVector ConditionalSelect(TVector mask, TVector ifSet, TVector otherwise);

    /// <summary>Every lane the double whose bit pattern is the int64 <paramref name="bits"/>.</summary>
    static abstract TVector CreateInt64(long bits);

    /// <summary>left + right on the int64 bit patterns of the lanes (wrapping).</summary>
    static abstract TVector AddInt64(TVector left, TVector right);

    /// <summary>left - right on the int64 bit patterns of the lanes (wrapping).</summary>
    static abstract TVector SubtractInt64(TVector left, TVector right);

    /// <summary>The int64 bit pattern of each lane shifted left by <paramref name="count"/> bits.</summary>
    static abstract TVector ShiftLeftInt64(TVector value, int count);

    /// <summary>The int64 bit pattern of each lane shifted right by <paramref name="count"/> bits, copying the sign bit.</summary>
    static abstract TVector ShiftRightArithmeticInt64(TVector value, int count);

    /// <summary>The sum of the lanes (the grouping of the runtime's Vector.Sum at this width).</summary>
    static abstract double Sum(TVector value);

    /// <summary>The largest lane, as nested Math.Max of neighbouring pairs.</summary>
    static abstract double MaxAcross(TVector value);
}

/// <summary>The 256-bit lanes: four doubles.</summary>
internal readonly struct Lanes256 : ILanes<Vector256<double>>
{
    public static int Count => Vector256<double>.Count;

    public static Vector256<double> Indices => Vector256.Create(0.0, 1.0, 2.0, 3.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ref double source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, ref double destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Create(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> left, Vector256<double> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Divide(Vector256<double> left, Vector256<double> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FusedMultiplyAdd(Vector256<double> left, Vector256<double> right, Vector256<double> addend) =>
        Vector256.FusedMultiplyAdd(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Max(Vector256<double> left, Vector256<double> right) => Vector256.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThan(Vector256<double> left, Vector256<double> right) => Vector256.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThan(Vector256<double> left, Vector256<double> right) => Vector256.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> And(Vector256<double> left, Vector256<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ConditionalSelect(Vector256<double> mask, Vector256<double> ifSet, Vector256<double> otherwise) =>
        Vector256.ConditionalSelect(mask, ifSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> CreateInt64(long bits) => Vector256.Create(bits).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AddInt64(Vector256<double> left, Vector256<double> right) => (left.AsInt64() + right.AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SubtractInt64(Vector256<double> left, Vector256<double> right) => (left.AsInt64() - right.AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ShiftLeftInt64(Vector256<double> value, int count) => Vector256.ShiftLeft(value.AsInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ShiftRightArithmeticInt64(Vector256<double> value, int count) =>
        Vector256.ShiftRightArithmetic(value.AsInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<double> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxAcross(Vector256<double> value) => Math.Max(Math.Max(value[0], value[1]), Math.Max(value[2], value[3]));
}

/// <summary>The 128-bit lanes: two doubles (SSE2 on x64, AdvSimd on ARM64).</summary>
internal readonly struct Lanes128 : ILanes<Vector128<double>>
{
    public static int Count => Vector128<double>.Count;

    public static Vector128<double> Indices => Vector128.Create(0.0, 1.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Load(ref double source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<double> value, ref double destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Create(double value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Add(Vector128<double> left, Vector128<double> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> left, Vector128<double> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> left, Vector128<double> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Divide(Vector128<double> left, Vector128<double> right) => left / right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> FusedMultiplyAdd(Vector128<double> left, Vector128<double> right, Vector128<double> addend) =>
        Vector128.FusedMultiplyAdd(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Max(Vector128<double> left, Vector128<double> right) => Vector128.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThan(Vector128<double> left, Vector128<double> right) => Vector128.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThan(Vector128<double> left, Vector128<double> right) => Vector128.LessThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> And(Vector128<double> left, Vector128<double> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ConditionalSelect(Vector128<double> mask, Vector128<double> ifSet, Vector128<double> otherwise) =>
        Vector128.ConditionalSelect(mask, ifSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> CreateInt64(long bits) => Vector128.Create(bits).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> AddInt64(Vector128<double> left, Vector128<double> right) => (left.AsInt64() + right.AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SubtractInt64(Vector128<double> left, Vector128<double> right) => (left.AsInt64() - right.AsInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ShiftLeftInt64(Vector128<double> value, int count) => Vector128.ShiftLeft(value.AsInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ShiftRightArithmeticInt64(Vector128<double> value, int count) =>
        Vector128.ShiftRightArithmetic(value.AsInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector128<double> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxAcross(Vector128<double> value) => Math.Max(value[0], value[1]);
}

/// <summary>
/// The lane-wise single-precision arithmetic, with the matching int32 lanes for bit patterns: what
/// <see cref="VectorMath.ExpNonPositive{TVector, TInt32, TLanes}(TVector)"/> needs, so that one body serves every
/// vector width of <see cref="ISingleLanes{TVector, TInt32}"/> and one float (<see cref="SingleScalar"/>).
/// </summary>
/// <typeparam name="TVector">The vector of floats (or a float).</typeparam>
/// <typeparam name="TInt32">The vector of as many int32 lanes (or an int).</typeparam>
internal interface ISingleArithmetic<TVector, TInt32>
    where TVector : struct
    where TInt32 : struct
{
    /// <summary>Every lane <paramref name="value"/>.</summary>
    static abstract TVector Create(float value);

    /// <summary>Every int32 lane <paramref name="value"/>.</summary>
    static abstract TInt32 CreateInt32(int value);

    /// <summary>left + right.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>left + right on int32 lanes (wrapping).</summary>
    static abstract TInt32 AddInt32(TInt32 left, TInt32 right);

    /// <summary>left - right.</summary>
    static abstract TVector Subtract(TVector left, TVector right);

    /// <summary>left - right on int32 lanes (wrapping).</summary>
    static abstract TInt32 SubtractInt32(TInt32 left, TInt32 right);

    /// <summary>left * right.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>left * right + addend, rounded once.</summary>
    static abstract TVector FusedMultiplyAdd(TVector left, TVector right, TVector addend);

    /// <summary>Each int32 lane shifted left by <paramref name="count"/> bits.</summary>
    static abstract TInt32 ShiftLeftInt32(TInt32 value, int count);

    /// <summary>The bit patterns of the float lanes as int32 lanes.</summary>
    static abstract TInt32 AsInt32(TVector value);

    /// <summary>The int32 lanes as the floats with those bit patterns.</summary>
    static abstract TVector AsSingle(TInt32 value);
}

/// <summary>
/// The operations a single-precision vector kernel needs on one width, with the matching vector of int32 lanes for
/// indices and labels (the operator-struct pattern of <see cref="ILanes{TVector}"/>, for floats). Lane by lane the widths
/// do the same IEEE operations; only <see cref="ISingleLanes{TVector, TInt32}.Sum"/> groups the lanes differently.
/// </summary>
/// <typeparam name="TVector">The vector of floats.</typeparam>
/// <typeparam name="TInt32">The vector of as many int32 lanes.</typeparam>
internal interface ISingleLanes<TVector, TInt32> : ISingleArithmetic<TVector, TInt32>
    where TVector : struct
    where TInt32 : struct
{
    /// <summary>The number of floats in one vector.</summary>
    static abstract int Count { get; }

    /// <summary>0, 1, ..., Count - 1 as int32 lanes.</summary>
    static abstract TInt32 Indices { get; }

    /// <summary>One vector from <paramref name="source"/> + <paramref name="index"/> (no bounds check).</summary>
    static abstract TVector Load(ref float source, nuint index);

    /// <summary>One vector of int32 lanes from <paramref name="source"/> + <paramref name="index"/> (no bounds check).</summary>
    static abstract TInt32 LoadInt32(ref int source, nuint index);

    /// <summary>Stores one vector at <paramref name="destination"/> + <paramref name="index"/> (no bounds check).</summary>
    static abstract void Store(TVector value, ref float destination, nuint index);

    /// <summary>The lane-wise maximum (as MathF.Max).</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>All bits set in the lanes where left &gt; right.</summary>
    static abstract TVector GreaterThan(TVector left, TVector right);

    /// <summary>All bits set in the lanes where the int32 left &gt;= right, as a float mask.</summary>
    static abstract TVector GreaterThanOrEqualInt32(TInt32 left, TInt32 right);

    /// <summary>All bits set in the lanes where the int32 left &lt; right, as a float mask.</summary>
    static abstract TVector LessThanInt32(TInt32 left, TInt32 right);

    /// <summary>All bits set in the lanes where the int32 left == right, as a float mask.</summary>
    static abstract TVector EqualsInt32(TInt32 left, TInt32 right);

    /// <summary>The bitwise and.</summary>
    static abstract TVector And(TVector left, TVector right);

    /// <summary>The lanes of <paramref name="ifSet"/> where <paramref name="mask"/> is set, else those of <paramref name="otherwise"/>.</summary>
    static abstract TVector ConditionalSelect(TVector mask, TVector ifSet, TVector otherwise);

    /// <summary>The sum of the lanes (the grouping of the runtime's Vector.Sum at this width).</summary>
    static abstract float Sum(TVector value);
}

/// <summary>
/// One float as a lane: the scalar arithmetic in the same IEEE operations as each vector lane (MathF.FusedMultiplyAdd
/// for the fused multiply-add), so a body over <see cref="ISingleArithmetic{TVector, TInt32}"/> gives the scalar paths
/// the bits of the vector ones.
/// </summary>
internal readonly struct SingleScalar : ISingleArithmetic<float, int>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Create(float value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CreateInt32(int value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Add(float left, float right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AddInt32(int left, int right) => unchecked(left + right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Subtract(float left, float right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SubtractInt32(int left, int right) => unchecked(left - right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Multiply(float left, float right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FusedMultiplyAdd(float left, float right, float addend) => MathF.FusedMultiplyAdd(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShiftLeftInt32(int value, int count) => value << count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int AsInt32(float value) => BitConverter.SingleToInt32Bits(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float AsSingle(int value) => BitConverter.Int32BitsToSingle(value);
}

/// <summary>The 256-bit single-precision lanes: eight floats.</summary>
internal readonly struct SingleLanes256 : ISingleLanes<Vector256<float>, Vector256<int>>
{
    public static int Count => Vector256<float>.Count;

    public static Vector256<int> Indices => Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> LoadInt32(ref int source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Create(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> CreateInt32(int value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> AddInt32(Vector256<int> left, Vector256<int> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FusedMultiplyAdd(Vector256<float> left, Vector256<float> right, Vector256<float> addend) =>
        Vector256.FusedMultiplyAdd(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) => Vector256.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GreaterThan(Vector256<float> left, Vector256<float> right) => Vector256.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GreaterThanOrEqualInt32(Vector256<int> left, Vector256<int> right) => Vector256.GreaterThanOrEqual(left, right).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LessThanInt32(Vector256<int> left, Vector256<int> right) => Vector256.LessThan(left, right).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> EqualsInt32(Vector256<int> left, Vector256<int> right) => Vector256.Equals(left, right).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> And(Vector256<float> left, Vector256<float> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ConditionalSelect(Vector256<float> mask, Vector256<float> ifSet, Vector256<float> otherwise) =>
        Vector256.ConditionalSelect(mask, ifSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> SubtractInt32(Vector256<int> left, Vector256<int> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> ShiftLeftInt32(Vector256<int> value, int count) => Vector256.ShiftLeft(value, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> AsInt32(Vector256<float> value) => value.AsInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> AsSingle(Vector256<int> value) => value.AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector256<float> value) => Vector256.Sum(value);
}

/// <summary>The 128-bit single-precision lanes: four floats (SSE2 on x64, AdvSimd on ARM64).</summary>
internal readonly struct SingleLanes128 : ISingleLanes<Vector128<float>, Vector128<int>>
{
    public static int Count => Vector128<float>.Count;

    public static Vector128<int> Indices => Vector128.Create(0, 1, 2, 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> LoadInt32(ref int source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination, nuint index) => value.StoreUnsafe(ref destination, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Create(float value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> CreateInt32(int value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> left, Vector128<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> AddInt32(Vector128<int> left, Vector128<int> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> left, Vector128<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> left, Vector128<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FusedMultiplyAdd(Vector128<float> left, Vector128<float> right, Vector128<float> addend) =>
        Vector128.FusedMultiplyAdd(left, right, addend);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Max(Vector128<float> left, Vector128<float> right) => Vector128.Max(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> GreaterThan(Vector128<float> left, Vector128<float> right) => Vector128.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> GreaterThanOrEqualInt32(Vector128<int> left, Vector128<int> right) => Vector128.GreaterThanOrEqual(left, right).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LessThanInt32(Vector128<int> left, Vector128<int> right) => Vector128.LessThan(left, right).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> EqualsInt32(Vector128<int> left, Vector128<int> right) => Vector128.Equals(left, right).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> And(Vector128<float> left, Vector128<float> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ConditionalSelect(Vector128<float> mask, Vector128<float> ifSet, Vector128<float> otherwise) =>
        Vector128.ConditionalSelect(mask, ifSet, otherwise);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> SubtractInt32(Vector128<int> left, Vector128<int> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> ShiftLeftInt32(Vector128<int> value, int count) => Vector128.ShiftLeft(value, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> AsInt32(Vector128<float> value) => value.AsInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> AsSingle(Vector128<int> value) => value.AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sum(Vector128<float> value) => Vector128.Sum(value);
}
