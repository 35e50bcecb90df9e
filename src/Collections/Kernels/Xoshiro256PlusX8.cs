using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// Uniform [0, 1) doubles from eight interleaved xoshiro256+ streams: element <c>j</c> comes from
/// stream <c>j % 8</c>, so the eight streams advance together as two 256-bit vectors. The lanes are
/// seeded from one 64-bit seed through SplitMix64. The vector path and the scalar path give the
/// same bits (the vector width is fixed at eight lanes whatever the hardware), so a chunk's values
/// never depend on the machine that makes it.
/// </summary>
/// <remarks>
/// A double is made from the top 52 bits as <c>1.m - 1.0</c>: exact, and cheap in every path.
/// </remarks>
internal static class Xoshiro256PlusX8
{
    public const int Lanes = 8;
    private const ulong OneExponent = 0x3FF0_0000_0000_0000UL;

    /// <summary>Fills <paramref name="destination"/> from the streams seeded by <paramref name="seed"/>.</summary>
    public static void Fill(Span<double> destination, ulong seed)
    {
        Span<ulong> state = stackalloc ulong[4 * Lanes];
        Seed(state, seed);
        Continue(destination, state);
    }

    /// <summary>The scalar definition (also the reference that tests compare the vector path with).</summary>
    internal static void FillScalar(Span<double> destination, Span<ulong> state)
    {
        // state is word-major: state[w * Lanes + lane].
        for (int j = 0; j < destination.Length; j++)
        {
            int lane = j % Lanes;
            ref ulong s0 = ref state[lane], s1 = ref state[Lanes + lane], s2 = ref state[2 * Lanes + lane], s3 = ref state[3 * Lanes + lane];
            ulong result = s0 + s3;
            ulong t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);
            destination[j] = ToUnit(result);
        }
    }

    /// <summary>
    /// Continues the streams held in <paramref name="state"/> (seeded by <see cref="Seed"/>): filling
    /// tiles whose lengths are multiples of <see cref="Lanes"/> one after another gives the same
    /// values as one <see cref="Fill"/> of their total length.
    /// </summary>
    public static void Continue(Span<double> destination, Span<ulong> state)
    {
        if (Vector256.IsHardwareAccelerated)
            FillHalves(destination, state);
        else
            FillScalar(destination, state);
    }

    /// <summary>
    /// The vector path: the eight lanes as two 256-bit halves (lanes 0–3 and 4–7), the same
    /// arithmetic lane by lane as the scalar definition, so the same bits. (One 512-bit vector
    /// would fit the eight lanes, but without AVX-512 it runs element by element.)
    /// </summary>
    internal static void FillHalves(Span<double> destination, Span<ulong> state)
    {
        const int Half = Lanes / 2;
        var a0 = Vector256.Create(state[..Half]);
        var b0 = Vector256.Create(state.Slice(Half, Half));
        var a1 = Vector256.Create(state.Slice(Lanes, Half));
        var b1 = Vector256.Create(state.Slice(Lanes + Half, Half));
        var a2 = Vector256.Create(state.Slice(2 * Lanes, Half));
        var b2 = Vector256.Create(state.Slice(2 * Lanes + Half, Half));
        var a3 = Vector256.Create(state.Slice(3 * Lanes, Half));
        var b3 = Vector256.Create(state.Slice(3 * Lanes + Half, Half));
        var one = Vector256.Create(OneExponent);
        var oneDouble = Vector256.Create(1.0);
        ref double output = ref MemoryMarshal.GetReference(destination);
        int whole = destination.Length - destination.Length % Lanes;
        int j = 0;
        for (; j < whole; j += Lanes)
        {
            var low = Step(ref a0, ref a1, ref a2, ref a3);
            var high = Step(ref b0, ref b1, ref b2, ref b3);
            ((Vector256.ShiftRightLogical(low, 12) | one).AsDouble() - oneDouble).StoreUnsafe(ref output, (nuint)j);
            ((Vector256.ShiftRightLogical(high, 12) | one).AsDouble() - oneDouble).StoreUnsafe(ref output, (nuint)(j + Half));
        }
        if (j < destination.Length)
        {
            var low = Step(ref a0, ref a1, ref a2, ref a3);
            var high = Step(ref b0, ref b1, ref b2, ref b3);
            Span<double> tail = stackalloc double[Lanes];
            ((Vector256.ShiftRightLogical(low, 12) | one).AsDouble() - oneDouble).CopyTo(tail);
            ((Vector256.ShiftRightLogical(high, 12) | one).AsDouble() - oneDouble).CopyTo(tail[Half..]);
            tail[..(destination.Length - j)].CopyTo(destination[j..]);
        }
        a0.CopyTo(state[..Half]);
        b0.CopyTo(state.Slice(Half, Half));
        a1.CopyTo(state.Slice(Lanes, Half));
        b1.CopyTo(state.Slice(Lanes + Half, Half));
        a2.CopyTo(state.Slice(2 * Lanes, Half));
        b2.CopyTo(state.Slice(2 * Lanes + Half, Half));
        a3.CopyTo(state.Slice(3 * Lanes, Half));
        b3.CopyTo(state.Slice(3 * Lanes + Half, Half));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Step(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        var result = s0 + s3;
        var t = Vector256.ShiftLeft(s1, 17);
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Vector256.ShiftLeft(s3, 45) | Vector256.ShiftRightLogical(s3, 19);
        return result;
    }

    /// <summary>Seeds the 8 × 4 state words from SplitMix64, lane by lane.</summary>
    internal static void Seed(Span<ulong> state, ulong seed)
    {
        ulong x = seed;
        for (int lane = 0; lane < Lanes; lane++)
        {
            for (int w = 0; w < 4; w++)
                state[w * Lanes + lane] = SplitMix64.Next(ref x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ToUnit(ulong bits) => BitConverter.UInt64BitsToDouble((bits >> 12) | OneExponent) - 1.0;
}
