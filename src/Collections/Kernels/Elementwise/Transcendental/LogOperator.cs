using System.Numerics;
using System.Runtime.CompilerServices;

namespace LazyDist.Collections.Kernels.Elementwise.Transcendental;

/// <summary>
/// The natural logarithm, one algorithm for every lane and every element: <c>x = 2^e·m</c> with
/// <c>m</c> in [√½, √2) (subnormals scaled by 2^52 first), <c>f = m − 1</c>,
/// <c>s = f / (2 + f)</c>, <c>log m = f − (f²/2 − s·(f²/2 + R))</c> with R the series of
/// <c>2·atanh(s)</c> to <c>s²⁰</c>, and <c>e·ln2</c> added in two parts; special values by lane
/// selects (negative → NaN, 0 → −inf, inf → inf), never by a branch that would depend on
/// neighbouring lanes. Within 1 ulp.
/// </summary>
internal readonly struct LogOperator : IUnaryOperator<double>
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double TwoTo52 = 4503599627370496.0;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>2 / (2k + 1) for k = 10 down to 1.</summary>
    private static readonly double[] Coefficients =
    [
        2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13, 2.0 / 11, 2.0 / 9, 2.0 / 7, 2.0 / 5, 2.0 / 3,
    ];

    public static bool Exact => false;

    public static double Invoke(double x) => Invoke(new Vector<double>(x))[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Invoke(Vector<double> x)
    {
        var subnormal = Vector.LessThan(x, new Vector<double>(SmallestNormal)) & Vector.GreaterThan(x, Vector<double>.Zero);
        var xs = Vector.ConditionalSelect(subnormal, x * TwoTo52, x);
        var bits = Vector.AsVectorInt64(xs);
        var e = (Vector.ShiftRightLogical(bits, 52) & new Vector<long>(0x7FF)) - new Vector<long>(1023)
            - (Vector.AsVectorInt64(subnormal) & new Vector<long>(52));
        var m = Vector.AsVectorDouble((bits & new Vector<long>(0x000F_FFFF_FFFF_FFFFL)) | new Vector<long>(0x3FF0_0000_0000_0000L));
        var big = Vector.GreaterThan(m, new Vector<double>(Sqrt2));
        m = Vector.ConditionalSelect(big, m * 0.5, m);
        e -= Vector.AsVectorInt64(big);
        var f = m - Vector<double>.One;
        var s = f / (new Vector<double>(2.0) + f);
        var z = s * s;
        var p = new Vector<double>(Coefficients[0]);
        for (int i = 1; i < Coefficients.Length; i++)
            p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(Coefficients[i]));
        var r = z * p;
        var hfsq = 0.5 * f * f;
        var ed = SmallIntegers.ToDouble(e);
        var result = ed * Ln2Hi - ((hfsq - Vector.FusedMultiplyAdd(s, hfsq + r, ed * Ln2Lo)) - f);
        result = Vector.ConditionalSelect(Vector.Equals(x, new Vector<double>(double.PositiveInfinity)), x, result);
        result = Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero), new Vector<double>(double.NegativeInfinity), result);
        result = Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero), new Vector<double>(double.NaN), result);
        return Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
    }
}
