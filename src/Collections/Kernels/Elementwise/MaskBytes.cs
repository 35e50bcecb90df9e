using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>
/// Masks between 256-bit vectors of 4- and 8-byte elements (all bits set where true) and the
/// byte-per-element masks blocks of bool hold (1 and 0), so comparisons and <c>Where</c> run a
/// vector at a time. Other element sizes, and machines without AVX2, take the scalar loops.
/// </summary>
internal static class MaskBytes
{
    /// <summary>Four mask bits as four bytes of 0 or 1, little-endian in a uint.</summary>
    private static readonly uint[] Nibbles = [.. Enumerable.Range(0, 16).Select(b => (uint)((b & 1) | (b >> 1 & 1) << 8 | (b >> 2 & 1) << 16 | (b >> 3 & 1) << 24))];

    /// <summary>Whether vectors of <typeparamref name="T"/> take these paths here.</summary>
    public static bool Supported<T>() where T : unmanaged => Avx2.IsSupported && (Unsafe.SizeOf<T>() == 4 || Unsafe.SizeOf<T>() == 8);

    /// <summary>Writes <paramref name="mask"/>'s lanes as bytes 1 and 0 from <paramref name="into"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector256<T> mask, ref byte into) where T : unmanaged
    {
        uint bits = Vector256.ExtractMostSignificantBits(mask);
        ref uint nibbles = ref MemoryMarshal.GetArrayDataReference(Nibbles);
        Unsafe.WriteUnaligned(ref into, Unsafe.Add(ref nibbles, (int)(bits & 15)));
        if (Vector256<T>.Count == 8)
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref into, 4), Unsafe.Add(ref nibbles, (int)(bits >> 4)));
    }

    /// <summary>The mask of the <c>Vector256&lt;T&gt;.Count</c> bytes from <paramref name="from"/> on: a lane is set where its byte is not 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load<T>(ref byte from) where T : unmanaged
    {
        if (Vector256<T>.Count == 4)
        {
            var bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref from)).AsByte();
            return ~Vector256.Equals(Avx2.ConvertToVector256Int64(bytes), Vector256<long>.Zero).As<long, T>();
        }
        var eight = Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref from)).AsByte();
        return ~Vector256.Equals(Avx2.ConvertToVector256Int32(eight), Vector256<int>.Zero).As<int, T>();
    }
}
