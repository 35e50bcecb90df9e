using System.Numerics;

namespace LazyDist.Collections;

/// <remarks>Selections by order along an axis: dask.array's <c>topk</c> and <c>argtopk</c>, numpy's <c>median</c> and <c>percentile</c>.</remarks>
public static partial class DistArray
{
    /// <summary>
    /// The <paramref name="k"/> largest elements along <paramref name="axis"/>, largest first (for a
    /// negative k the |k| smallest, smallest first), as dask.array's <c>topk</c>: NaN counts as
    /// largest; equal elements keep their order. The axis becomes |k| long, in one block.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">k is zero or longer than the axis; the axis is out of range; <paramref name="splitEvery"/> is below 2.</exception>
    public static DistArray<T> TopK<T>(this DistArray<T> array, int k, int axis = -1, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        OrderLayers.TopK<T, T>(array, k, Shapes.NormalizeAxis(axis, GridOf(array).Rank), arg: false, splitEvery);

    /// <summary>The positions along <paramref name="axis"/> of the elements <see cref="TopK{T}"/> selects, in its order (dask.array's <c>argtopk</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is zero or longer than the axis; the axis is out of range; <paramref name="splitEvery"/> is below 2.</exception>
    public static DistArray<long> ArgTopK<T>(this DistArray<T> array, int k, int axis = -1, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        OrderLayers.TopK<T, long>(array, k, Shapes.NormalizeAxis(axis, GridOf(array).Rank), arg: true, splitEvery);

    /// <summary>
    /// The medians along <paramref name="axis"/>, as numpy's <c>median</c> (the mean of the two middle
    /// values for an even length; NaN where any element is NaN). The axis is first gathered into one
    /// block (as dask.array's <c>median</c>), so it must fit in one task's memory.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<double> Median<T>(this DistArray<T> array, int axis) where T : unmanaged, INumber<T> =>
        OrderLayers.Percentile<T, double>(array, [50], Shapes.NormalizeAxis(axis, GridOf(array).Rank), median: true, keepQAxis: false);

    /// <summary>The medians along <paramref name="axis"/> of a float32 array, as float32 (numpy's result type).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<float> Median(this DistArray<float> array, int axis) =>
        OrderLayers.Percentile<float, float>(array, [50], Shapes.NormalizeAxis(axis, GridOf(array).Rank), median: true, keepQAxis: false);

    /// <summary>
    /// The <paramref name="q"/>-th percentiles (0–100) along <paramref name="axis"/> by numpy's
    /// default "linear" method, as float64; the axis is gathered into one block first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">q is outside [0, 100], or the axis is out of range.</exception>
    public static DistArray<double> Percentile<T>(this DistArray<T> array, double q, int axis) where T : unmanaged, INumber<T> =>
        OrderLayers.Percentile<T, double>(array, [q], Shapes.NormalizeAxis(axis, GridOf(array).Rank), median: false, keepQAxis: false);

    /// <summary>Several percentiles along <paramref name="axis"/>: the result has a first axis of one per value of <paramref name="q"/>, as numpy's.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value of q is outside [0, 100], or the axis is out of range.</exception>
    public static DistArray<double> Percentile<T>(this DistArray<T> array, double[] q, int axis) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(q);
        return OrderLayers.Percentile<T, double>(array, [.. q], Shapes.NormalizeAxis(axis, GridOf(array).Rank), median: false, keepQAxis: true);
    }
}
