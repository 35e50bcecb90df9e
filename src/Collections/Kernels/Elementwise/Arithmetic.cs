using System.Numerics;

namespace LazyDist.Collections.Kernels.Elementwise;

// Integer arithmetic wraps on overflow, as numpy's does; floating arithmetic is IEEE's, one
// rounding per operation in the scalar and the vector forms alike.

internal readonly struct AddOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x, T y) => x + y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => x + y;
}

internal readonly struct SubtractOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x, T y) => x - y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => x - y;
}

internal readonly struct MultiplyOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x, T y) => x * y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => x * y;
}

/// <summary>True division of floating-point numbers.</summary>
internal readonly struct DivideOperator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => x / y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => x / y;
}

internal readonly struct NegateOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x) => T.Zero - x;

    public static Vector<T> Invoke(Vector<T> x) => Vector<T>.Zero - x;
}

/// <summary>
/// The absolute value; the most negative integer is its own absolute value (numpy wraps), and a
/// floating-point number loses its sign bit (so <c>|−0| = +0</c>).
/// </summary>
internal readonly struct AbsOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x)
    {
        if (typeof(T) == typeof(double))
            return (T)(object)double.Abs((double)(object)x);
        if (typeof(T) == typeof(float))
            return (T)(object)float.Abs((float)(object)x);
        return T.IsNegative(x) ? T.Zero - x : x;
    }

    public static Vector<T> Invoke(Vector<T> x)
    {
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
            return Vector.Abs(x);
        return Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), Vector<T>.Zero - x, x);
    }
}

internal readonly struct SquareOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x) => x * x;

    public static Vector<T> Invoke(Vector<T> x) => x * x;
}

internal readonly struct SqrtOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Sqrt(x);

    public static Vector<T> Invoke(Vector<T> x) => Vector.SquareRoot(x);
}

/// <summary>numpy's <c>maximum</c>: NaN wins; otherwise <c>x</c> when <c>x &gt; y</c>, else <c>y</c> (so of two equal zeros, the second).</summary>
internal readonly struct MaximumOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x, T y) => x > y || T.IsNaN(x) ? x : y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, y) | ~Vector.Equals(x, x), x, y);
}

/// <summary>numpy's <c>minimum</c>: NaN wins; otherwise <c>x</c> when <c>x &lt; y</c>, else <c>y</c>.</summary>
internal readonly struct MinimumOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x, T y) => x < y || T.IsNaN(x) ? x : y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) =>
        Vector.ConditionalSelect(Vector.LessThan(x, y) | ~Vector.Equals(x, x), x, y);
}

/// <summary>numpy's <c>fmax</c>: NaN loses (the other operand wins; NaN only when both are).</summary>
internal readonly struct FMaxOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x, T y) => x > y || T.IsNaN(y) ? x : y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, y) | ~Vector.Equals(y, y), x, y);
}

/// <summary>numpy's <c>fmin</c>: NaN loses.</summary>
internal readonly struct FMinOperator<T> : IBinaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x, T y) => x < y || T.IsNaN(y) ? x : y;

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) =>
        Vector.ConditionalSelect(Vector.LessThan(x, y) | ~Vector.Equals(y, y), x, y);
}
