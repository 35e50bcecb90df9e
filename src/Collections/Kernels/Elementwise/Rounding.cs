using System.Numerics;

namespace LazyDist.Collections.Kernels.Elementwise;

// Rounding to an integer value is exact, so the vector and scalar forms agree bit for bit.

internal readonly struct FloorOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Floor(x);

    public static Vector<T> Invoke(Vector<T> x) => typeof(T) == typeof(double) ? Vector.Floor(x.As<T, double>()).As<double, T>() : Vector.Floor(x.As<T, float>()).As<float, T>();
}

internal readonly struct CeilOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Ceiling(x);

    public static Vector<T> Invoke(Vector<T> x) => typeof(T) == typeof(double) ? Vector.Ceiling(x.As<T, double>()).As<double, T>() : Vector.Ceiling(x.As<T, float>()).As<float, T>();
}

/// <summary>Half to even, as numpy's <c>round</c>/<c>rint</c>.</summary>
internal readonly struct RoundOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Round(x, MidpointRounding.ToEven);

    public static Vector<T> Invoke(Vector<T> x) => typeof(T) == typeof(double) ? Vector.Round(x.As<T, double>()).As<double, T>() : Vector.Round(x.As<T, float>()).As<float, T>();
}

internal readonly struct TruncOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Truncate(x);

    public static Vector<T> Invoke(Vector<T> x) => typeof(T) == typeof(double) ? Vector.Truncate(x.As<T, double>()).As<double, T>() : Vector.Truncate(x.As<T, float>()).As<float, T>();
}

internal readonly struct ReciprocalOperator<T> : IUnaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.One / x;

    public static Vector<T> Invoke(Vector<T> x) => Vector<T>.One / x;
}

/// <summary>numpy's <c>sign</c>: −1, 0 or 1 (+0 for either zero), NaN for NaN.</summary>
internal readonly struct SignOperator<T> : IUnaryOperator<T> where T : unmanaged, INumber<T>
{
    public static T Invoke(T x) => x > T.Zero ? T.One : x < T.Zero ? T.Zero - T.One : x == T.Zero ? T.Zero : x;

    public static Vector<T> Invoke(Vector<T> x) =>
        Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<T>.Zero), Vector<T>.One,
            Vector.ConditionalSelect(Vector.LessThan(x, Vector<T>.Zero), Vector<T>.Zero - Vector<T>.One,
                Vector.ConditionalSelect(Vector.Equals(x, Vector<T>.Zero), Vector<T>.Zero, x)));
}
