using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

// Reductions that ignore NaN (numpy's nan- functions), of floating-point arrays.
public static partial class DistArray
{
    /// <summary>The sum of the elements that are not NaN (0 when all are), as numpy's <c>nansum</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> NanSum<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<T>(array, new(ReduceKind.NanSum), splitEvery);

    /// <summary>The sums ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> NanSum<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanSum), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The sums ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> NanSum<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanSum), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The product of the elements that are not NaN (1 when all are), as numpy's <c>nanprod</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> NanProd<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<T>(array, new(ReduceKind.NanProd), splitEvery);

    /// <summary>The products ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> NanProd<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanProd), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The products ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> NanProd<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanProd), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The smallest element that is not NaN (NaN when all are), as numpy's <c>nanmin</c>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> NanMin<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<T>(array, new(ReduceKind.NanMin), splitEvery);

    /// <summary>The smallest elements ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> NanMin<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanMin), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The smallest elements ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> NanMin<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanMin), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The largest element that is not NaN (NaN when all are), as numpy's <c>nanmax</c>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<T> NanMax<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<T>(array, new(ReduceKind.NanMax), splitEvery);

    /// <summary>The largest elements ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<T> NanMax<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanMax), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The largest elements ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array (or a reduced axis) is empty: numpy's "zero-size array to reduction operation ... which has no identity".</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> NanMax<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<T>(array, new(ReduceKind.NanMax), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The flat index of the first smallest element that is not NaN, as numpy's <c>nanargmin</c>.</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="LazyDist.Graph.TaskFailedException">At compute time: every element is NaN (numpy's "All-NaN slice encountered").</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> NanArgMin<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<long>(array, new(ReduceKind.NanArgMin), splitEvery);

    /// <summary>The positions of the first smallest elements ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="LazyDist.Graph.TaskFailedException">At compute time: every element is NaN (numpy's "All-NaN slice encountered").</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> NanArgMin<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.NanArgMin), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The positions of the first smallest elements ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="LazyDist.Graph.TaskFailedException">At compute time: every element is NaN (numpy's "All-NaN slice encountered").</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> NanArgMin<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.NanArgMin), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The flat index of the first largest element that is not NaN, as numpy's <c>nanargmax</c>.</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="LazyDist.Graph.TaskFailedException">At compute time: every element is NaN (numpy's "All-NaN slice encountered").</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> NanArgMax<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<long>(array, new(ReduceKind.NanArgMax), splitEvery);

    /// <summary>The positions of the first largest elements ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="LazyDist.Graph.TaskFailedException">At compute time: every element is NaN (numpy's "All-NaN slice encountered").</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> NanArgMax<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.NanArgMax), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The positions of the first largest elements ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">The array is empty.</exception>
    /// <exception cref="LazyDist.Graph.TaskFailedException">At compute time: every element is NaN (numpy's "All-NaN slice encountered").</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> NanArgMax<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<long>(array, new(ReduceKind.NanArgMax), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The mean of the elements that are not NaN (NaN when all are), as numpy's <c>nanmean</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> NanMean<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<double>(array, new(ReduceKind.NanMean), splitEvery);

    /// <summary>The means ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> NanMean<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.NanMean), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The means ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<double> NanMean<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.NanMean), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The mean of the elements that are not NaN (NaN when all are), as numpy's <c>nanmean</c>. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<float> NanMean(this DistArray<float> array, long splitEvery = 32) =>
        Reduction.All<float>(array, new(ReduceKind.NanMean), splitEvery);

    /// <summary>The means ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<float> NanMean(this DistArray<float> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.NanMean), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The means ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<float> NanMean(this DistArray<float> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.NanMean), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The variance of the elements that are not NaN (<c>ddof</c> as in Var), as numpy's <c>nanvar</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> NanVar<T>(this DistArray<T> array, double ddof = 0, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<double>(array, new(ReduceKind.NanVar, ddof), splitEvery);

    /// <summary>The variances ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> NanVar<T>(this DistArray<T> array, int axis, double ddof = 0, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.NanVar, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The variances ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<double> NanVar<T>(this DistArray<T> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.NanVar, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The variance of the elements that are not NaN (<c>ddof</c> as in Var), as numpy's <c>nanvar</c>. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<float> NanVar(this DistArray<float> array, double ddof = 0, long splitEvery = 32) =>
        Reduction.All<float>(array, new(ReduceKind.NanVar, ddof), splitEvery);

    /// <summary>The variances ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<float> NanVar(this DistArray<float> array, int axis, double ddof = 0, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.NanVar, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The variances ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<float> NanVar(this DistArray<float> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.NanVar, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The standard deviation of the elements that are not NaN, as numpy's <c>nanstd</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> NanStd<T>(this DistArray<T> array, double ddof = 0, long splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.All<double>(array, new(ReduceKind.NanStd, ddof), splitEvery);

    /// <summary>The standard deviations ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> NanStd<T>(this DistArray<T> array, int axis, double ddof = 0, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.NanStd, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The standard deviations ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<double> NanStd<T>(this DistArray<T> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) where T : unmanaged, IFloatingPointIeee754<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.NanStd, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The standard deviation of the elements that are not NaN, as numpy's <c>nanstd</c>. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<float> NanStd(this DistArray<float> array, double ddof = 0, long splitEvery = 32) =>
        Reduction.All<float>(array, new(ReduceKind.NanStd, ddof), splitEvery);

    /// <summary>The standard deviations ignoring NaN along <paramref name="axis"/> (negative counts from the end), which is removed. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<float> NanStd(this DistArray<float> array, int axis, double ddof = 0, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.NanStd, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The standard deviations ignoring NaN along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. float32 in, float32 out.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<float> NanStd(this DistArray<float> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.NanStd, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);
}
