using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

// Products, as numpy's prod.
public static partial class DistArray
{
    /// <summary>The product of all elements (1 for none), as a tree reduction in a fixed order; floating products in float64 in eight lanes, integer products wrapping in 64 bits as numpy's. (Integers small enough to promote have overloads of their own; through this generic form their total is converted back to <typeparamref name="T"/>, wrapping.)</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> Prod<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<T>(array, new(ReduceKind.Prod), splitEvery);

    /// <summary>The products along <paramref name="axis"/> (negative counts from the end), which is removed. (Integers small enough to promote have overloads of their own; through this generic form their total is converted back to <typeparamref name="T"/>, wrapping.)</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> Prod<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Prod), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The products along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. (Integers small enough to promote have overloads of their own; through this generic form their total is converted back to <typeparamref name="T"/>, wrapping.)</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> Prod<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Prod), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The product of all elements (1 for none), as a tree reduction in a fixed order; floating products in float64 in eight lanes, integer products wrapping in 64 bits as numpy's. int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Prod(this DistArray<int> array, long splitEvery = 32) =>
        Reduction.All<long>(array, new(ReduceKind.Prod), splitEvery);

    /// <summary>The products along <paramref name="axis"/> (negative counts from the end), which is removed. int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Prod(this DistArray<int> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Prod), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The products along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> Prod(this DistArray<int> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Prod), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The product of all elements (1 for none), as a tree reduction in a fixed order; floating products in float64 in eight lanes, integer products wrapping in 64 bits as numpy's. short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Prod(this DistArray<short> array, long splitEvery = 32) =>
        Reduction.All<long>(array, new(ReduceKind.Prod), splitEvery);

    /// <summary>The products along <paramref name="axis"/> (negative counts from the end), which is removed. short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Prod(this DistArray<short> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Prod), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The products along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> Prod(this DistArray<short> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Prod), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The product of all elements (1 for none), as a tree reduction in a fixed order; floating products in float64 in eight lanes, integer products wrapping in 64 bits as numpy's. byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<ulong> Prod(this DistArray<byte> array, long splitEvery = 32) =>
        Reduction.All<ulong>(array, new(ReduceKind.Prod), splitEvery);

    /// <summary>The products along <paramref name="axis"/> (negative counts from the end), which is removed. byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<ulong> Prod(this DistArray<byte> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Prod), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The products along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<ulong> Prod(this DistArray<byte> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Prod), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The product of all elements (1 for none), as a tree reduction in a fixed order; floating products in float64 in eight lanes, integer products wrapping in 64 bits as numpy's. bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Prod(this DistArray<bool> array, long splitEvery = 32) =>
        Reduction.All<long>(array, new(ReduceKind.Prod), splitEvery);

    /// <summary>The products along <paramref name="axis"/> (negative counts from the end), which is removed. bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Prod(this DistArray<bool> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Prod), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The products along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> Prod(this DistArray<bool> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Prod), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The product of all elements (1 for none), as a tree reduction in a fixed order; floating products in float64 in eight lanes, integer products wrapping in 64 bits as numpy's. uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<ulong> Prod(this DistArray<uint> array, long splitEvery = 32) =>
        Reduction.All<ulong>(array, new(ReduceKind.Prod), splitEvery);

    /// <summary>The products along <paramref name="axis"/> (negative counts from the end), which is removed. uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<ulong> Prod(this DistArray<uint> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Prod), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The products along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<ulong> Prod(this DistArray<uint> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Prod), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);
}
