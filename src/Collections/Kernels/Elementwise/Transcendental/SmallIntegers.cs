using System.Numerics;
using System.Runtime.CompilerServices;

namespace LazyDist.Collections.Kernels.Elementwise.Transcendental;

/// <summary>
/// Conversions between doubles that hold integers and 64-bit lanes, for magnitudes below 2⁵¹, by
/// adding 1.5·2⁵² (the integer then sits in the low mantissa bits). For such values they give
/// exactly what <see cref="Vector.ConvertToInt64(Vector{double})"/> and
/// <see cref="Vector.ConvertToDouble(Vector{long})"/> give, but without AVX-512 those run element
/// by element, and these are two vector instructions.
/// </summary>
internal static class SmallIntegers
{
    private const double Shift = 6755399441055744.0;

    /// <summary>The integer in each lane of <paramref name="integral"/> (|value| &lt; 2⁵¹, integral); other lanes get meaningless bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<long> ToInt64(Vector<double> integral) =>
        Vector.AsVectorInt64(integral + new Vector<double>(Shift)) - Vector.AsVectorInt64(new Vector<double>(Shift));

    /// <summary>
    /// The integer in each lane of <paramref name="integral"/> (|value| &lt; 2⁵¹) modulo 2⁵¹: its low bits
    /// exactly, one instruction fewer than <see cref="ToInt64"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<long> LowBits(Vector<double> integral) => Vector.AsVectorInt64(integral + new Vector<double>(Shift));

    /// <summary>Each lane of <paramref name="small"/> (|value| &lt; 2⁵¹) as a double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> ToDouble(Vector<long> small) =>
        Vector.AsVectorDouble(small + Vector.AsVectorInt64(new Vector<double>(Shift))) - new Vector<double>(Shift);
}
