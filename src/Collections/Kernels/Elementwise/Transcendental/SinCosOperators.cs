using System.Numerics;
using System.Runtime.CompilerServices;

namespace LazyDist.Collections.Kernels.Elementwise.Transcendental;

/// <summary>
/// The sine and cosine kernels: both reduce to <c>r</c> in [−π/2, π/2] with π (or π/2) in
/// three parts by fused multiply-adds and evaluate one odd Taylor polynomial of <c>sin r</c>
/// (to <c>r²¹</c>), its sign set by the parity of the period. An element with <c>|x| &gt; 10⁵</c>
/// (or infinite) takes the C runtime's <c>sin</c>/<c>cos</c>, whose reduction is exact for any
/// argument — a choice made by the element's own value, never by its neighbours'.
/// </summary>
internal static class SinCos
{
    public const double Pi1 = 3.141592653589793;
    public const double Pi2 = 1.2246467991473532e-16;
    public const double Pi3 = -2.9947698097183397e-33;
    public const double HalfPi1 = 1.5707963267948966;
    public const double HalfPi2 = 6.123233995736766e-17;
    public const double HalfPi3 = -1.4973849048591698e-33;
    public const double InvPi = 0.3183098861837907;

    /// <summary>Beyond this the three-part reduction loses accuracy; libm reduces exactly.</summary>
    public const double Limit = 1e5;

    /// <summary>sin r for |r| ≤ π/2 (a little beyond is fine).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> SinPolynomial(Vector<double> r)
    {
        // Horner in r² on (−1)^k / (2k + 1)!, k = 10 down to 1.
        var z = r * r;
        var p = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 51090942171709440000.0), z, new Vector<double>(-1.0 / 121645100408832000.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(1.0 / 355687428096000.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(-1.0 / 1307674368000.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(1.0 / 6227020800.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(-1.0 / 39916800.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(1.0 / 362880.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(-1.0 / 5040.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(1.0 / 120.0));
        p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(-1.0 / 6.0));
        return Vector.FusedMultiplyAdd(r * z, p, r);
    }

    /// <summary>Flips the sign of the lanes where <paramref name="odd"/> has its lowest bit set.</summary>
    public static Vector<double> FlipWhereOdd(Vector<double> value, Vector<long> odd) =>
        Vector.AsVectorDouble(Vector.AsVectorInt64(value) ^ Vector.ShiftLeft(odd & Vector<long>.One, 63));

    /// <summary>The lanes of <paramref name="result"/> where <paramref name="x"/> is large, replaced by <paramref name="exact"/> of them.</summary>
    /// <remarks>The common case (no large lane) stays inline; the patch is out of line (it needs a stack buffer, which would stop inlining).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> PatchLarge(Vector<double> x, Vector<double> result, Func<double, double> exact)
    {
        var large = Vector.GreaterThan(Vector.Abs(x), new Vector<double>(Limit));
        return large == Vector<long>.Zero ? result : Patch(x, result, large, exact);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector<double> Patch(Vector<double> x, Vector<double> result, Vector<long> large, Func<double, double> exact)
    {
        Span<double> lanes = stackalloc double[Vector<double>.Count];
        result.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            if (large[i] != 0)
                lanes[i] = exact(x[i]);
        }
        return Vector.Create<double>(lanes);
    }
}

/// <summary>sin x: <c>k = round(x/π)</c>, <c>r = x − kπ</c>, <c>sin x = (−1)^k sin r</c>; ±0 keep their sign.</summary>
internal readonly struct SinOperator : IUnaryOperator<double>
{
    public static bool Exact => false;

    public static double Invoke(double x) => Invoke(new Vector<double>(x))[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Invoke(Vector<double> x)
    {
        var k = Vector.Round(x * SinCos.InvPi);
        var r = Vector.FusedMultiplyAdd(-k, new Vector<double>(SinCos.Pi1), x);
        r = Vector.FusedMultiplyAdd(-k, new Vector<double>(SinCos.Pi2), r);
        r = Vector.FusedMultiplyAdd(-k, new Vector<double>(SinCos.Pi3), r);
        var result = SinCos.FlipWhereOdd(SinCos.SinPolynomial(r), SmallIntegers.ToInt64(k));
        result = Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero) | ~Vector.Equals(x, x), x, result);
        return SinCos.PatchLarge(x, result, Math.Sin);
    }
}

/// <summary>cos x: <c>m = round(x/π − ½)</c>, <c>r = x − (2m + 1)·π/2</c>, <c>cos x = (−1)^(m+1) sin r</c>.</summary>
internal readonly struct CosOperator : IUnaryOperator<double>
{
    public static bool Exact => false;

    public static double Invoke(double x) => Invoke(new Vector<double>(x))[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Invoke(Vector<double> x)
    {
        var m = Vector.Round(Vector.FusedMultiplyAdd(x, new Vector<double>(SinCos.InvPi), new Vector<double>(-0.5)));
        var q = Vector.FusedMultiplyAdd(m, new Vector<double>(2.0), Vector<double>.One);
        var r = Vector.FusedMultiplyAdd(-q, new Vector<double>(SinCos.HalfPi1), x);
        r = Vector.FusedMultiplyAdd(-q, new Vector<double>(SinCos.HalfPi2), r);
        r = Vector.FusedMultiplyAdd(-q, new Vector<double>(SinCos.HalfPi3), r);
        var result = SinCos.FlipWhereOdd(SinCos.SinPolynomial(r), SmallIntegers.ToInt64(m) + Vector<long>.One);
        result = Vector.ConditionalSelect(Vector.Equals(x, x), result, x);
        return SinCos.PatchLarge(x, result, Math.Cos);
    }
}
