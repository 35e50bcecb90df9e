using System.Numerics;
using System.Runtime.CompilerServices;

namespace LazyDist.Collections.Kernels.Elementwise.Transcendental;

/// <summary>
/// e^x, one algorithm for every lane and every element: <c>x = k·ln2 + r</c> (k rounded to even,
/// r by two fused multiply-adds), the Taylor polynomial of degree 13 on <c>|r| ≤ ln2/2</c> by
/// Horner's rule, and the scale <c>2^k</c> applied in two halves so that overflow, underflow and
/// subnormal results round once. Only IEEE operations (fused multiply-add included), so the same
/// bits at any vector width and in any process; within 1 ulp of the exact value.
/// </summary>
internal readonly struct ExpOperator : IUnaryOperator<double>
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 0.6931471805599453;
    private const double Ln2Lo = 2.3190468138462996e-17;

    public static bool Exact => false;

    public static double Invoke(double x) => Invoke(new Vector<double>(x))[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Invoke(Vector<double> x)
    {
        // Beyond these exp is 0 or inf; clamping keeps k in range (NaN lanes are replaced at the end,
        // and the bounds are not ±0, so the native min/max give the IEEE ones' bits).
        var xc = Vector.MinNative(Vector.MaxNative(x, new Vector<double>(-746.0)), new Vector<double>(710.0));
        var k = Vector.Round(xc * Log2E);
        var r = Vector.FusedMultiplyAdd(-k, new Vector<double>(Ln2Hi), xc);
        r = Vector.FusedMultiplyAdd(-k, new Vector<double>(Ln2Lo), r);
        // Horner on 1/n!, n = 13 down to 0.
        var p = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 6227020800), r, new Vector<double>(1.0 / 479001600));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 39916800));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 3628800));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 362880));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 40320));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 5040));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 720));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 120));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 24));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 6));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(0.5));
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);
        // k1 = ⌊k/2⌋ in doubles: AVX2 has no 64-bit arithmetic shift.
        var ki = SmallIntegers.ToInt64(k);
        var k1 = SmallIntegers.ToInt64(Vector.Floor(k * 0.5));
        var k2 = ki - k1;
        // A NaN comes out as it went in, whatever the clamp and the conversions made of it.
        return Vector.ConditionalSelect(Vector.Equals(x, x), p * PowerOfTwo(k1) * PowerOfTwo(k2), x);
    }

    /// <summary>2^k for <c>|k| ≤ 1022</c>, from its exponent bits.</summary>
    public static Vector<double> PowerOfTwo(Vector<long> k) => Vector.AsVectorDouble(Vector.ShiftLeft(k + new Vector<long>(1023), 52));
}
