using System.Globalization;
using System.Numerics;

namespace LazyDist.Collections;

/// <remarks>
/// Every reduction has a whole-array form (returning a <see cref="Delayed{T}"/>) and an
/// along-an-axis form (returning an array without that axis). The whole-array forms take
/// <c>splitEvery</c> as a <see cref="long"/> so that <c>x.Sum(0)</c> means axis 0, as in numpy.
/// </remarks>
public static partial class DistArray
{
    /// <summary>
    /// The sum of all elements, as a tree reduction of <paramref name="splitEvery"/> partial sums
    /// per task, in a fixed order (bit-identical on every scheduler). Floating-point sums are
    /// compensated (Neumaier, in eight vector lanes and across tiles and blocks); integer sums are
    /// exact in 64 bits, then converted to <typeparamref name="T"/> (an <c>int</c> total that overflows wraps:
    /// sum <c>AsType&lt;int, long&gt;()</c> instead, as numpy promotes to int64).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> Sum<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, "sum", splitEvery, "sum", T.Zero, hasIdentity: true);

    /// <summary>The sums along <paramref name="axis"/> (negative counts from the end); the axis is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> Sum<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, "sum", splitEvery, "sum", T.Zero, hasIdentity: true);

    /// <summary>The mean of all elements (NaN for an empty array), from merged (count, mean, M2) states.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> Mean<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, "mean", splitEvery, "mean", double.NaN, hasIdentity: true);

    /// <summary>The means along <paramref name="axis"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> Mean<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, "mean", splitEvery, "mean", double.NaN, hasIdentity: true);

    /// <summary>
    /// The variance of all elements, <c>M2 / (n − ddof)</c>, by the parallel algorithm of Chan et al.
    /// (never the naive <c>E[x²] − E[x]²</c>); NaN when <c>n ≤ ddof</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> Var<T>(this DistArray<T> array, double ddof = 0, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, Spec("var", ddof), splitEvery, "var", double.NaN, hasIdentity: true);

    /// <summary>The variances along <paramref name="axis"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> Var<T>(this DistArray<T> array, int axis, double ddof = 0, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, Spec("var", ddof), splitEvery, "var", double.NaN, hasIdentity: true);

    /// <summary>The standard deviation of all elements (the square root of <see cref="Var{T}(DistArray{T}, double, long)"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> Std<T>(this DistArray<T> array, double ddof = 0, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, Spec("std", ddof), splitEvery, "std", double.NaN, hasIdentity: true);

    /// <summary>The standard deviations along <paramref name="axis"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> Std<T>(this DistArray<T> array, int axis, double ddof = 0, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, Spec("std", ddof), splitEvery, "std", double.NaN, hasIdentity: true);

    /// <summary>The number of elements, counted as a reduction (as LINQ's <c>Count</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Count<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, "count", splitEvery, "count", 0L, hasIdentity: true);

    /// <summary>The number of elements along <paramref name="axis"/>, per position of the other axes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Count<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, "count", splitEvery, "count", 0L, hasIdentity: true);

    /// <summary>The smallest element (NaN if any element is NaN, as numpy).</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> Min<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, "min", splitEvery, "min", T.Zero, hasIdentity: false);

    /// <summary>The smallest elements along <paramref name="axis"/>.</summary>
    /// <exception cref="ArgumentException">The axis is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> Min<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, "min", splitEvery, "min", T.Zero, hasIdentity: false);

    /// <summary>The largest element (NaN if any element is NaN, as numpy).</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> Max<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, "max", splitEvery, "max", T.Zero, hasIdentity: false);

    /// <summary>The largest elements along <paramref name="axis"/>.</summary>
    /// <exception cref="ArgumentException">The axis is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> Max<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, "max", splitEvery, "max", T.Zero, hasIdentity: false);

    /// <summary>The flat (row-major) index of the first smallest element (of the first NaN, if any).</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> ArgMin<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, "argmin", splitEvery, "argmin", 0L, hasIdentity: false);

    /// <summary>The positions along <paramref name="axis"/> of the first smallest elements.</summary>
    /// <exception cref="ArgumentException">The axis is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> ArgMin<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, "argmin", splitEvery, "argmin", 0L, hasIdentity: false);

    /// <summary>The flat (row-major) index of the first largest element (of the first NaN, if any).</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> ArgMax<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All(array, "argmax", splitEvery, "argmax", 0L, hasIdentity: false);

    /// <summary>The positions along <paramref name="axis"/> of the first largest elements.</summary>
    /// <exception cref="ArgumentException">The axis is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> ArgMax<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axis(array, axis, "argmax", splitEvery, "argmax", 0L, hasIdentity: false);

    private static string Spec(string name, double ddof) => string.Create(CultureInfo.InvariantCulture, $"{name}:{ddof:R}");
}
