using System.Numerics;

namespace LazyDist.Collections.Kernels.Reductions;

/// <summary>
/// Which way an extremum looks, as a struct operator (as <c>TensorPrimitives</c>' <c>MaxOperator</c>
/// and <c>MinOperator</c>): one extremum reducer and one arg-extremum reducer serve both ways.
/// </summary>
internal interface IDirection<T>
    where T : unmanaged, INumber<T>
{
    /// <summary>Where a search starts: the type's lowest value when looking for the largest, its highest for the smallest.</summary>
    static abstract T Start { get; }

    /// <summary>Whether <paramref name="x"/> lies strictly further this way than <paramref name="y"/>.</summary>
    static abstract bool Beyond(T x, T y);

    /// <summary>Of two equal values (only ±0 differ), whether <paramref name="x"/> is the one this way (+0 for the largest, −0 for the smallest).</summary>
    static abstract bool WinsTie(T x);

    /// <summary>The lane-wise extreme of two vectors.</summary>
    static abstract Vector<T> Extreme(Vector<T> x, Vector<T> y);
}

/// <summary>Towards the largest.</summary>
internal readonly struct Largest<T> : IDirection<T>
    where T : unmanaged, INumber<T>
{
    public static T Start => Limits<T>.Lowest;

    public static bool Beyond(T x, T y) => x > y;

    public static bool WinsTie(T x) => !T.IsNegative(x);

    public static Vector<T> Extreme(Vector<T> x, Vector<T> y) => Vector.Max(x, y);
}

/// <summary>Towards the smallest.</summary>
internal readonly struct Smallest<T> : IDirection<T>
    where T : unmanaged, INumber<T>
{
    public static T Start => Limits<T>.Highest;

    public static bool Beyond(T x, T y) => x < y;

    public static bool WinsTie(T x) => T.IsNegative(x);

    public static Vector<T> Extreme(Vector<T> x, Vector<T> y) => Vector.Min(x, y);
}
