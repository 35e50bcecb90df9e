using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

// Minima, maxima and their positions.
public static partial class DistArray
{
    /// <summary>The smallest element (NaN if any element is NaN, as numpy).</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> Min<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<T>(array, new(ReduceKind.Min), splitEvery);

    /// <summary>The smallest elements along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> Min<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Min), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The smallest elements along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> Min<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Min), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The largest element (NaN if any element is NaN, as numpy).</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> Max<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<T>(array, new(ReduceKind.Max), splitEvery);

    /// <summary>The largest elements along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> Max<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Max), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The largest elements along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> Max<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Max), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The flat (row-major) index of the first smallest element (of the first NaN, if any); −0 and +0 are equal, as numpy.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "attempt to get argmin of an empty sequence".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> ArgMin<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<long>(array, new(ReduceKind.ArgMin), splitEvery);

    /// <summary>The positions of the first smallest elements along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "attempt to get argmin of an empty sequence".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> ArgMin<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.ArgMin), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The positions of the first smallest elements along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "attempt to get argmin of an empty sequence".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> ArgMin<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.ArgMin), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The flat (row-major) index of the first largest element (of the first NaN, if any); −0 and +0 are equal, as numpy.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "attempt to get argmax of an empty sequence".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> ArgMax<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<long>(array, new(ReduceKind.ArgMax), splitEvery);

    /// <summary>The positions of the first largest elements along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "attempt to get argmax of an empty sequence".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> ArgMax<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.ArgMax), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The positions of the first largest elements along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "attempt to get argmax of an empty sequence".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> ArgMax<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.ArgMax), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);
}
