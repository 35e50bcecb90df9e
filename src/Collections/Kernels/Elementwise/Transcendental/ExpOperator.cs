using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LazyDist.Collections.Kernels.Elementwise.Transcendental;

/// <summary>
/// e^x, one algorithm for every lane and every element: <c>x = k·ln2/8 + r</c> (k rounded to
/// nearest by the 1.5·2⁵² shift, r by two fused multiply-adds, <c>|r| ≤ ln2/16</c>),
/// <c>e^x = 2^(k/8)·e^r</c> with <c>2^(j/8)</c> (<c>j = k mod 8</c>) picked from two registers by a
/// permute (no gather) and <c>⌊k/8⌋</c> added to its exponent bits, and <c>e^r − 1 = r + r²·Q(r)</c>
/// with Q of degree 5 by Estrin's scheme (short dependency chains). An element with
/// <c>|x| &gt; 708</c> (overflow, subnormal results) or NaN takes the C runtime's <c>exp</c> — chosen
/// by the element's own value, never its neighbours'. Only IEEE operations and exact table
/// lookups, so the same bits at any vector width and in any process; within 1 ulp.
/// </summary>
internal readonly struct ExpOperator : IUnaryOperator<double>
{
    private const double Shift = 6755399441055744.0;
    private const double InvLn2N = 11.541560327111707;
    private const double Ln2NHi = 0.08664339756999316;
    private const double Ln2NLo = 2.8988085173078744e-18;

    /// <summary>
    /// Q(r) = (e^r − 1 − r) / r² on |r| ≤ ln2/16, constant term first: interpolation at the
    /// Chebyshev nodes (mpmath at 200 bits, tests/…/Fixtures/make_kernel_constants.py), within
    /// 10⁻¹⁷ of e^r after the factor r².
    /// </summary>
    private const double Q0 = 0.5000000000000051;
    private const double Q1 = 0.16666666666666724;
    private const double Q2 = 0.0416666666175068;
    private const double Q3 = 0.008333333327871156;
    private const double Q4 = 0.0013889587247893672;
    private const double Q5 = 0.0001984204579240919;

    /// <summary>
    /// The bits of 2^(j/8) (correctly rounded) less <c>j·2⁴⁹</c>, so that adding <c>k·2⁴⁹</c> for
    /// <c>k = 8e + j</c> puts e into the exponent field.
    /// </summary>
    private const long T0 = 0x3FF0000000000000, T1 = 0x3FEF72B83C7D517B, T2 = 0x3FEF06FE0A31B715, T3 = 0x3FEEBFDAD5362A27;
    private const long T4 = 0x3FEEA09E667F3BCD, T5 = 0x3FEEACE5422AA0DB, T6 = 0x3FEEE89F995AD3AD, T7 = 0x3FEF5818DCFBA487;

    /// <summary>Within this e^x and its scale are normal doubles.</summary>
    private const double Limit = 708.0;

    public static bool Exact => false;

    public static double Invoke(double x) => Invoke(new Vector<double>(x))[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Invoke(Vector<double> x)
    {
        var kd = Vector.FusedMultiplyAdd(x, new Vector<double>(InvLn2N), new Vector<double>(Shift));
        var ki = Vector.AsVectorInt64(kd);
        kd -= new Vector<double>(Shift);
        var r = Vector.FusedMultiplyAdd(-kd, new Vector<double>(Ln2NHi), x);
        r = Vector.FusedMultiplyAdd(-kd, new Vector<double>(Ln2NLo), r);
        var r2 = r * r;
        var q01 = Vector.FusedMultiplyAdd(new Vector<double>(Q1), r, new Vector<double>(Q0));
        var q23 = Vector.FusedMultiplyAdd(new Vector<double>(Q3), r, new Vector<double>(Q2));
        var q45 = Vector.FusedMultiplyAdd(new Vector<double>(Q5), r, new Vector<double>(Q4));
        var q = Vector.FusedMultiplyAdd(r2 * r2, q45, Vector.FusedMultiplyAdd(r2, q23, q01));
        var p = Vector.FusedMultiplyAdd(r2, q, r);
        // The low bits of ki are k (two's complement); shifted by 49 the shift's own bits leave.
        var scale = Vector.AsVectorDouble(Scales(ki) + Vector.ShiftLeft(ki, 49));
        var result = Vector.FusedMultiplyAdd(scale, p, scale);
        return Vector.LessThanOrEqualAll(Vector.Abs(x), new Vector<double>(Limit)) ? result : Patch(x, result);
    }

    /// <summary>The table entry of <c>k mod 8</c> for every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<long> Scales(Vector<long> ki)
    {
        if (Avx2.IsSupported && Vector<long>.Count == 4)
        {
            // vpermd picks 32-bit halves by the low 3 bits of each index: lane j of a 4-entry register
            // is halves 2j and 2j + 1, so each lane's low half 2k, copied into its high half, plus (0, 1).
            var k = ki.AsVector256();
            var twice = Avx2.Shuffle((k << 1).AsInt32(), 0b10_10_00_00);
            var control = twice + Vector256.Create(0, 1, 0, 1, 0, 1, 0, 1);
            var low = Avx2.PermuteVar8x32(Vector256.Create(T0, T1, T2, T3).AsInt32(), control).AsDouble();
            var high = Avx2.PermuteVar8x32(Vector256.Create(T4, T5, T6, T7).AsInt32(), control).AsDouble();
            return Avx.BlendVariable(low, high, (k << 61).AsDouble()).AsInt64().AsVector();
        }
        return ScalesAnyWidth(ki);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<long> ScalesAnyWidth(Vector<long> ki)
    {
        ReadOnlySpan<long> table = [T0, T1, T2, T3, T4, T5, T6, T7];
        Span<long> lanes = stackalloc long[Vector<long>.Count];
        for (int i = 0; i < lanes.Length; i++)
            lanes[i] = table[(int)ki[i] & 7];
        return Vector.Create<long>(lanes);
    }

    /// <summary>The lanes beyond <see cref="Limit"/> (and NaN) from the C runtime's exp, exact for every argument.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<double> Patch(Vector<double> x, Vector<double> result)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        result.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            if (!(Math.Abs(x[i]) <= Limit))
                lanes[i] = Math.Exp(x[i]);
        }
        return Vector.Create<double>(lanes);
    }
}
