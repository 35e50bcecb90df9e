using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LazyDist.Collections.Kernels.Elementwise.Transcendental;

/// <summary>
/// The sine and cosine kernels: <c>k = round(x·2/π)</c>, <c>r = x − k·π/2</c> in [−π/4, π/4] with
/// π/2 in three parts by fused multiply-adds (Cody–Waite), then by the quadrant <c>n</c> (k for
/// the sine, k + 1 for the cosine) <c>sin r</c> or <c>cos r</c>, negated when <c>n mod 4 ≥ 2</c>.
/// Both are one polynomial of degree 6 in <c>r²</c> whose coefficients are chosen lane by lane
/// (blends, no branches), by Estrin's scheme. An element with <c>|x| &gt; 10⁵</c> (or infinite)
/// takes the C runtime's <c>sin</c>/<c>cos</c>, whose reduction is exact for any argument — a
/// choice made by the element's own value, never by its neighbours'.
/// </summary>
internal static class SinCos
{
    public const double HalfPi1 = 1.5707963267948966;
    public const double HalfPi2 = 6.123233995736766e-17;
    public const double HalfPi3 = -1.4973849048591698e-33;
    public const double TwoOverPi = 0.6366197723675814;

    /// <summary>Beyond this the three-part reduction loses accuracy; libm reduces exactly.</summary>
    public const double Limit = 1e5;

    /// <summary>
    /// S: <c>(sin r / r − 1) / r²</c> and C: <c>(cos r − 1) / r²</c> on <c>r² ≤ (π/4)²</c>, constant term
    /// first: Chebyshev fits of degree 6 (mpmath at 200 bits, Fixtures/make_kernel_constants.py),
    /// within 2·10⁻¹⁹ of the functions.
    /// </summary>
    private const double S0 = -0.16666666666666666;
    private const double S1 = 0.008333333333333331;
    private const double S2 = -0.00019841269841265063;
    private const double S3 = 2.7557319219337312e-06;
    private const double S4 = -2.5052106231802837e-08;
    private const double S5 = 1.6058531516797758e-10;
    private const double S6 = -7.586691094197958e-13;

    private const double C0 = -0.5;
    private const double C1 = 0.04166666666666664;
    private const double C2 = -0.001388888888888077;
    private const double C3 = 2.4801587293690305e-05;
    private const double C4 = -2.755731556524682e-07;
    private const double C5 = 2.0875886564482672e-09;
    private const double C6 = -1.1367988423294987e-11;

    /// <summary>x reduced: <c>r = x − k·π/2</c> and k's low bits (all the quadrant needs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Reduce(Vector<double> x, out Vector<long> k)
    {
        var kd = Vector.Round(x * TwoOverPi);
        var r = Vector.FusedMultiplyAdd(-kd, new Vector<double>(HalfPi1), x);
        r = Vector.FusedMultiplyAdd(-kd, new Vector<double>(HalfPi2), r);
        r = Vector.FusedMultiplyAdd(-kd, new Vector<double>(HalfPi3), r);
        k = SmallIntegers.LowBits(kd);
        return r;
    }

    /// <summary>sin(r + n·π/2) for r in [−π/4, π/4].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Quadrant(Vector<double> r, Vector<long> n)
    {
        // A blend reads only the sign bit: bit 0 of n moved there; ConditionalSelect needs whole lanes.
        var cosine = Avx.IsSupported && Vector<double>.Count == 4
            ? Vector.AsVectorDouble(Vector.ShiftLeft(n, 63))
            : Vector.AsVectorDouble(Vector.Equals(n & Vector<long>.One, Vector<long>.One));
        var z = r * r;
        var z2 = z * z;
        var e01 = Vector.FusedMultiplyAdd(Coefficient(cosine, C1, S1), z, Coefficient(cosine, C0, S0));
        var e23 = Vector.FusedMultiplyAdd(Coefficient(cosine, C3, S3), z, Coefficient(cosine, C2, S2));
        var e45 = Vector.FusedMultiplyAdd(Coefficient(cosine, C5, S5), z, Coefficient(cosine, C4, S4));
        var q = Vector.FusedMultiplyAdd(Coefficient(cosine, C6, S6), z2, e45);
        var p = Vector.FusedMultiplyAdd(z2, Vector.FusedMultiplyAdd(z2, q, e23), e01);
        // sin r = r + (r·z)·p, cos r = 1 + z·p.
        var value = Vector.FusedMultiplyAdd(Select(cosine, z, r * z), p, Select(cosine, Vector<double>.One, r));
        return Vector.AsVectorDouble(Vector.AsVectorInt64(value) ^ Vector.ShiftLeft(n & new Vector<long>(2), 62));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Coefficient(Vector<double> cosine, double c, double s) =>
        Select(cosine, new Vector<double>(c), new Vector<double>(s));

    /// <summary>
    /// The lanes of <paramref name="whenTrue"/> where <paramref name="mask"/> is all ones, else of
    /// <paramref name="whenFalse"/>: one blend instruction on AVX (the JIT makes three of
    /// <c>Vector.ConditionalSelect</c> here); the same bits either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Select(Vector<double> mask, Vector<double> whenTrue, Vector<double> whenFalse) =>
        Avx.IsSupported && Vector<double>.Count == 4
            ? Avx.BlendVariable(whenFalse.AsVector256(), whenTrue.AsVector256(), mask.AsVector256()).AsVector()
            : Vector.ConditionalSelect(mask, whenTrue, whenFalse);

    /// <summary>±0 and NaN lanes of <paramref name="x"/> as they are, the others from <paramref name="result"/>: one unordered-equal compare and one blend on AVX.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> KeepZeroAndNaN(Vector<double> x, Vector<double> result) =>
        Avx.IsSupported && Vector<double>.Count == 4
            ? Avx.BlendVariable(result.AsVector256(), x.AsVector256(), Avx.Compare(x.AsVector256(), Vector256<double>.Zero, FloatComparisonMode.UnorderedEqualNonSignaling)).AsVector()
            : Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero) | ~Vector.Equals(x, x), x, result);

    /// <summary>The lanes of <paramref name="result"/> where <paramref name="x"/> is large, replaced by the C runtime's sin (or cos) of them.</summary>
    /// <remarks>The common case (no large lane) stays inline; the patch is out of line (it needs a stack buffer, which would stop inlining).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> PatchLarge(Vector<double> x, Vector<double> result, bool cosine) =>
        Vector.LessThanOrEqualAll(Vector.Abs(x), new Vector<double>(Limit)) ? result : Patch(x, result, cosine);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<double> Patch(Vector<double> x, Vector<double> result, bool cosine)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        result.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            if (Math.Abs(x[i]) > Limit)
                lanes[i] = cosine ? Math.Cos(x[i]) : Math.Sin(x[i]);
        }
        return Vector.Create<double>(lanes);
    }
}

/// <summary>sin x = sin(r + k·π/2); ±0 and NaN come out as they went in.</summary>
internal readonly struct SinOperator : IUnaryOperator<double>
{
    public static bool Exact => false;

    public static double Invoke(double x) => Invoke(new Vector<double>(x))[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Invoke(Vector<double> x)
    {
        var r = SinCos.Reduce(x, out var k);
        var result = SinCos.Quadrant(r, k);
        result = SinCos.KeepZeroAndNaN(x, result);
        return SinCos.PatchLarge(x, result, cosine: false);
    }
}

/// <summary>cos x = sin(r + (k + 1)·π/2); NaN comes out as it went in.</summary>
internal readonly struct CosOperator : IUnaryOperator<double>
{
    public static bool Exact => false;

    public static double Invoke(double x) => Invoke(new Vector<double>(x))[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Invoke(Vector<double> x)
    {
        var r = SinCos.Reduce(x, out var k);
        var result = SinCos.Quadrant(r, k + Vector<long>.One);
        result = Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
        return SinCos.PatchLarge(x, result, cosine: true);
    }
}
