using System.Numerics;

namespace LazyDist.Collections.Kernels.Elementwise;

// Functions computed one element at a time by the C runtime's libm (what numpy calls for most of
// them): an element's bits depend on its value only, never on its neighbours, its block or the
// code the JIT chose, so they are the same on every scheduler and in every process of a machine.

internal readonly struct TanOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Tan(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct ArcSinOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Asin(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct ArcCosOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Acos(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct ArcTanOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Atan(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct SinhOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Sinh(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct CoshOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Cosh(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct TanhOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Tanh(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct Log10Operator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Log10(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct Log2Operator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Log2(x);

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

/// <summary><c>log(1 + x)</c>, accurate near 0 (Kahan's correction of the rounded <c>1 + x</c>).</summary>
internal readonly struct Log1pOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x)
    {
        T u = T.One + x;
        if (u == T.One)
            return x;
        if (T.IsInfinity(u) || u <= T.Zero)
            return T.Log(u);
        return T.Log(u) * (x / (u - T.One));
    }

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

/// <summary><c>exp(x) − 1</c>, accurate near 0 (Kahan's correction through <c>log(exp(x))</c>).</summary>
internal readonly struct Expm1Operator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x)
    {
        T u = T.Exp(x);
        if (u == T.One)
            return x;
        T um1 = u - T.One;
        if (um1 == -T.One || T.IsInfinity(u) || T.IsNaN(u))
            return um1;
        return um1 * (x / T.Log(u));
    }

    public static Vector<T> Invoke(Vector<T> x) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct PowerFloatOperator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => T.Pow(x, y);

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}

internal readonly struct ArcTan2Operator<T> : IBinaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x, T y) => T.Atan2(x, y);

    public static Vector<T> Invoke(Vector<T> x, Vector<T> y) => throw new NotSupportedException();

    public static bool Vectorizable => false;
}
