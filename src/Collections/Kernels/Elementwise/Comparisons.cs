using System.Numerics;
using System.Runtime.Intrinsics;

namespace LazyDist.Collections.Kernels.Elementwise;

// IEEE comparisons: NaN is unequal to everything (itself included) and −0 equals +0, as in numpy.

internal readonly struct EqualOperator<T> : IComparisonOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x, T y) => x == y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.Equals(x, y);
}

internal readonly struct NotEqualOperator<T> : IComparisonOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x, T y) => x != y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => ~Vector256.Equals(x, y);
}

internal readonly struct LessOperator<T> : IComparisonOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x, T y) => x < y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.LessThan(x, y);
}

internal readonly struct LessEqualOperator<T> : IComparisonOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x, T y) => x <= y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.LessThanOrEqual(x, y);
}

internal readonly struct GreaterOperator<T> : IComparisonOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x, T y) => x > y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.GreaterThan(x, y);
}

internal readonly struct GreaterEqualOperator<T> : IComparisonOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x, T y) => x >= y;

    public static Vector256<T> Invoke(Vector256<T> x, Vector256<T> y) => Vector256.GreaterThanOrEqual(x, y);
}

internal readonly struct IsNaNOperator<T> : IPredicateOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x) => T.IsNaN(x);
}

internal readonly struct IsInfOperator<T> : IPredicateOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x) => T.IsInfinity(x);
}

internal readonly struct IsFiniteOperator<T> : IPredicateOperator<T> where T : unmanaged, INumber<T>
{
    public static bool Invoke(T x) => T.IsFinite(x);
}
