using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

// Sums, as numpy's sum: one whole-array form and two along-axes forms per element type.
public static partial class DistArray
{
    /// <summary>The sum of all elements, as a tree reduction of <paramref name="splitEvery"/> partial sums per task, in a fixed order (bit-identical on every scheduler); floating sums are compensated (Neumaier), integer sums exact in 64 bits. (Integers small enough to promote have overloads of their own; through this generic form their total is converted back to <typeparamref name="T"/>, wrapping.)</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> Sum<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<T>(array, new(ReduceKind.Sum), splitEvery);

    /// <summary>The sums along <paramref name="axis"/> (negative counts from the end), which is removed. (Integers small enough to promote have overloads of their own; through this generic form their total is converted back to <typeparamref name="T"/>, wrapping.)</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> Sum<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Sum), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The sums along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. (Integers small enough to promote have overloads of their own; through this generic form their total is converted back to <typeparamref name="T"/>, wrapping.)</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> Sum<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.Sum), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The sum of all elements, as a tree reduction of <paramref name="splitEvery"/> partial sums per task, in a fixed order (bit-identical on every scheduler); floating sums are compensated (Neumaier), integer sums exact in 64 bits. int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Sum(this DistArray<int> array, long splitEvery = 32) =>
        Reduction.All<long>(array, new(ReduceKind.Sum), splitEvery);

    /// <summary>The sums along <paramref name="axis"/> (negative counts from the end), which is removed. int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Sum(this DistArray<int> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Sum), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The sums along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> Sum(this DistArray<int> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Sum), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The sum of all elements, as a tree reduction of <paramref name="splitEvery"/> partial sums per task, in a fixed order (bit-identical on every scheduler); floating sums are compensated (Neumaier), integer sums exact in 64 bits. short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Sum(this DistArray<short> array, long splitEvery = 32) =>
        Reduction.All<long>(array, new(ReduceKind.Sum), splitEvery);

    /// <summary>The sums along <paramref name="axis"/> (negative counts from the end), which is removed. short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Sum(this DistArray<short> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Sum), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The sums along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> Sum(this DistArray<short> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Sum), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The sum of all elements, as a tree reduction of <paramref name="splitEvery"/> partial sums per task, in a fixed order (bit-identical on every scheduler); floating sums are compensated (Neumaier), integer sums exact in 64 bits. byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<ulong> Sum(this DistArray<byte> array, long splitEvery = 32) =>
        Reduction.All<ulong>(array, new(ReduceKind.Sum), splitEvery);

    /// <summary>The sums along <paramref name="axis"/> (negative counts from the end), which is removed. byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<ulong> Sum(this DistArray<byte> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Sum), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The sums along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<ulong> Sum(this DistArray<byte> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Sum), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The sum of all elements, as a tree reduction of <paramref name="splitEvery"/> partial sums per task, in a fixed order (bit-identical on every scheduler); floating sums are compensated (Neumaier), integer sums exact in 64 bits. bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Sum(this DistArray<bool> array, long splitEvery = 32) =>
        Reduction.All<long>(array, new(ReduceKind.Sum), splitEvery);

    /// <summary>The sums along <paramref name="axis"/> (negative counts from the end), which is removed. bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Sum(this DistArray<bool> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Sum), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The sums along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> Sum(this DistArray<bool> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<long>(array, new(ReduceKind.Sum), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The sum of all elements, as a tree reduction of <paramref name="splitEvery"/> partial sums per task, in a fixed order (bit-identical on every scheduler); floating sums are compensated (Neumaier), integer sums exact in 64 bits. uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<ulong> Sum(this DistArray<uint> array, long splitEvery = 32) =>
        Reduction.All<ulong>(array, new(ReduceKind.Sum), splitEvery);

    /// <summary>The sums along <paramref name="axis"/> (negative counts from the end), which is removed. uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<ulong> Sum(this DistArray<uint> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Sum), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The sums along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<ulong> Sum(this DistArray<uint> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<ulong>(array, new(ReduceKind.Sum), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);
}
