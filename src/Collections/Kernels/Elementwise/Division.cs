using System.Numerics;

namespace LazyDist.Collections.Kernels.Elementwise;

/// <summary>
/// numpy's <c>//</c> on integers: the floor of the quotient; the most negative value divided by −1
/// wraps to itself. Division by zero throws (numpy returns 0 with a warning) naming the operation.
/// </summary>
internal readonly struct FloorDivideIntegerOperator<T> : IBinaryOperator<T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Invoke(T x, T y)
    {
        if (y == T.Zero)
            throw new DivideByZeroException($"integer division by zero in floor_divide ({x} // 0)");
        if (T.IsNegative(y) && y == T.Zero - T.One)
            return T.Zero - x;
        var q = x / y;
        return x != q * y && (T.IsNegative(x) != T.IsNegative(y)) ? q - T.One : q;
    }

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

/// <summary>
/// numpy's <c>%</c> on integers: the remainder with the sign of the divisor
/// (<c>x − (x // y)·y</c>). A zero divisor throws, naming the operation.
/// </summary>
internal readonly struct ModIntegerOperator<T> : IBinaryOperator<T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Invoke(T x, T y)
    {
        if (y == T.Zero)
            throw new DivideByZeroException($"integer division by zero in remainder ({x} % 0)");
        if (T.IsNegative(y) && y == T.Zero - T.One)
            return T.Zero;
        var r = x % y;
        return r != T.Zero && T.IsNegative(r) != T.IsNegative(y) ? r + y : r;
    }

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

/// <summary>The floating-point <c>divmod</c> numpy uses (Python's): a remainder with the divisor's sign and the floor of the quotient, corrected so that <c>x ≈ q·y + r</c>.</summary>
internal static class FloatDivMod
{
    public static T FloorDivide<T>(T x, T y) where T : struct, IFloatingPointIeee754<T>
    {
        if (y == T.Zero)
            return x / y;
        return DivMod(x, y, out _);
    }

    public static T Remainder<T>(T x, T y) where T : struct, IFloatingPointIeee754<T>
    {
        if (y == T.Zero)
            return x % y;
        DivMod(x, y, out T mod);
        return mod;
    }

    private static T DivMod<T>(T x, T y, out T mod) where T : struct, IFloatingPointIeee754<T>
    {
        mod = x % y;
        var div = (x - mod) / y;
        if (mod != T.Zero)
        {
            if (y < T.Zero != mod < T.Zero)
            {
                mod += y;
                div -= T.One;
            }
        }
        else
        {
            mod = T.CopySign(T.Zero, y);
        }
        if (div == T.Zero)
            return T.CopySign(T.Zero, x / y);
        var floor = T.Floor(div);
        return div - floor > T.CreateTruncating(0.5) ? floor + T.One : floor;
    }
}

internal readonly struct FloorDivideFloatOperator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => FloatDivMod.FloorDivide(x, y);

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct ModFloatOperator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => FloatDivMod.Remainder(x, y);

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

/// <summary>Integer powers by squaring, wrapping as numpy's; a negative exponent throws numpy's message.</summary>
internal readonly struct PowerIntegerOperator<T> : IBinaryOperator<T> where T : unmanaged, IBinaryInteger<T>
{
    public static T Invoke(T x, T y)
    {
        if (T.IsNegative(y))
            throw new ArgumentException($"Integers to negative integer powers are not allowed (power({x}, {y}))");
        T result = T.One;
        while (y != T.Zero)
        {
            if (!T.IsEvenInteger(y))
                result *= x;
            y >>= 1;
            x *= x;
        }
        return result;
    }

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}
