using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kependudukan.Aggregation.Internals;

/// <summary>The vector operations <see cref="VectorCoverageKernel{TVec, TIsa}"/> is written in, on 16-bit signed lanes.</summary>
/// <typeparam name="TVec">The vector type.</typeparam>
internal interface IVectorIsa<TVec>
    where TVec : struct
{
    static abstract string Name { get; }

    static abstract bool IsSupported { get; }

    static abstract int Lanes { get; }

    static abstract TVec Load(ref short source, nuint offset);

    static abstract TVec Create(short value);

    static abstract TVec CreateLookup(Vector128<byte> table);

    static abstract TVec GreaterThan(TVec left, TVec right);

    static abstract TVec And(TVec left, TVec right);

    /// <summary>Returns <paramref name="left"/> and not <paramref name="right"/>.</summary>
    static abstract TVec AndNot(TVec left, TVec right);

    static abstract TVec Or(TVec left, TVec right);

    static abstract TVec Add(TVec left, TVec right);

    static abstract TVec Subtract(TVec left, TVec right);

    /// <summary>Returns an all-ones lane where bit 15 − <paramref name="bitFromTop"/> is set.</summary>
    static abstract TVec BitMask(TVec value, [ConstantExpected] byte bitFromTop);

    static abstract TVec ShiftRightLogical(TVec value, [ConstantExpected] byte count);

    /// <summary>Looks up the low byte of each lane (0-15) in a 16-entry byte table; the high byte of each lane must be 0.</summary>
    static abstract TVec Lookup(TVec table, TVec indices);

    static abstract long Sum(TVec value);
}

/// <summary>256-bit AVX2: 16 residents per instruction; the lookup is <c>vpshufb</c>.</summary>
internal readonly struct Avx2Isa : IVectorIsa<Vector256<short>>
{
    public static string Name => "Avx2";

    public static bool IsSupported => Avx2.IsSupported;

    public static int Lanes => Vector256<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Load(ref short source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Create(short value) => Vector256.Create(value);

    public static Vector256<short> CreateLookup(Vector128<byte> table) => Vector256.Create(table, table).AsInt16();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> GreaterThan(Vector256<short> left, Vector256<short> right) => Avx2.CompareGreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> And(Vector256<short> left, Vector256<short> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> AndNot(Vector256<short> left, Vector256<short> right) => Avx2.AndNot(right, left);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Or(Vector256<short> left, Vector256<short> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Add(Vector256<short> left, Vector256<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Subtract(Vector256<short> left, Vector256<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> BitMask(Vector256<short> value, [ConstantExpected] byte bitFromTop) =>
        Avx2.ShiftRightArithmetic(bitFromTop == 0 ? value : Avx2.ShiftLeftLogical(value, bitFromTop), 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> ShiftRightLogical(Vector256<short> value, [ConstantExpected] byte count) => Avx2.ShiftRightLogical(value, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<short> Lookup(Vector256<short> table, Vector256<short> indices) => Avx2.Shuffle(table.AsByte(), indices.AsByte()).AsInt16();

    public static long Sum(Vector256<short> value) => Vector256.Sum(Vector256.WidenLower(value) + Vector256.WidenUpper(value));
}

/// <summary>128-bit portable vectors (SSE, AdvSimd, WebAssembly SIMD): 8 residents per instruction.</summary>
internal readonly struct Vector128Isa : IVectorIsa<Vector128<short>>
{
    public static string Name => "Vector128";

    public static bool IsSupported => Vector128.IsHardwareAccelerated;

    public static int Lanes => Vector128<short>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Load(ref short source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Create(short value) => Vector128.Create(value);

    public static Vector128<short> CreateLookup(Vector128<byte> table) => table.AsInt16();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> GreaterThan(Vector128<short> left, Vector128<short> right) => Vector128.GreaterThan(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> And(Vector128<short> left, Vector128<short> right) => left & right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> AndNot(Vector128<short> left, Vector128<short> right) => Vector128.AndNot(left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Or(Vector128<short> left, Vector128<short> right) => left | right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Add(Vector128<short> left, Vector128<short> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Subtract(Vector128<short> left, Vector128<short> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> BitMask(Vector128<short> value, [ConstantExpected] byte bitFromTop) =>
        Vector128.ShiftRightArithmetic(bitFromTop == 0 ? value : Vector128.ShiftLeft(value, bitFromTop), 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> ShiftRightLogical(Vector128<short> value, [ConstantExpected] byte count) => Vector128.ShiftRightLogical(value, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<short> Lookup(Vector128<short> table, Vector128<short> indices) => Vector128.ShuffleNative(table.AsByte(), indices.AsByte()).AsInt16();

    public static long Sum(Vector128<short> value) => Vector128.Sum(Vector128.WidenLower(value) + Vector128.WidenUpper(value));
}
