using System.Numerics;
using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

// Means, variances, standard deviations and counts.
public static partial class DistArray
{
    /// <summary>The mean of all elements (NaN for an empty array), from merged (count, mean, M2) states.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> Mean<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<double>(array, new(ReduceKind.Mean), splitEvery);

    /// <summary>The means along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> Mean<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.Mean), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The means along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<double> Mean<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.Mean), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The mean of all elements (NaN for an empty array), from merged (count, mean, M2) states. float32 in, float32 out, as numpy (computed in float64).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<float> Mean(this DistArray<float> array, long splitEvery = 32) =>
        Reduction.All<float>(array, new(ReduceKind.Mean), splitEvery);

    /// <summary>The means along <paramref name="axis"/> (negative counts from the end), which is removed. float32 in, float32 out, as numpy (computed in float64).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<float> Mean(this DistArray<float> array, int axis, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.Mean), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The means along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. float32 in, float32 out, as numpy (computed in float64).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<float> Mean(this DistArray<float> array, Axes axis, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.Mean), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The variance of all elements, <c>M2 / max(n − ddof, 0)</c> as numpy (<c>ddof</c>: delta degrees of freedom), by the parallel algorithm of Chan et al. (never <c>E[x²] − E[x]²</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> Var<T>(this DistArray<T> array, double ddof = 0, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<double>(array, new(ReduceKind.Var, ddof), splitEvery);

    /// <summary>The variances along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> Var<T>(this DistArray<T> array, int axis, double ddof = 0, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.Var, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The variances along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<double> Var<T>(this DistArray<T> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.Var, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The variance of all elements, <c>M2 / max(n − ddof, 0)</c> as numpy (<c>ddof</c>: delta degrees of freedom), by the parallel algorithm of Chan et al. (never <c>E[x²] − E[x]²</c>). float32 in, float32 out, as numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<float> Var(this DistArray<float> array, double ddof = 0, long splitEvery = 32) =>
        Reduction.All<float>(array, new(ReduceKind.Var, ddof), splitEvery);

    /// <summary>The variances along <paramref name="axis"/> (negative counts from the end), which is removed. float32 in, float32 out, as numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<float> Var(this DistArray<float> array, int axis, double ddof = 0, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.Var, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The variances along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. float32 in, float32 out, as numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<float> Var(this DistArray<float> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.Var, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The standard deviation of all elements (the square root of the variance, divisor <c>n − ddof</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<double> Std<T>(this DistArray<T> array, double ddof = 0, long splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.All<double>(array, new(ReduceKind.Std, ddof), splitEvery);

    /// <summary>The standard deviations along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<double> Std<T>(this DistArray<T> array, int axis, double ddof = 0, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.Std, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The standard deviations along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<double> Std<T>(this DistArray<T> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) where T : unmanaged, INumber<T> =>
        Reduction.Axes<double>(array, new(ReduceKind.Std, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The standard deviation of all elements (the square root of the variance, divisor <c>n − ddof</c>). float32 in, float32 out, as numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<float> Std(this DistArray<float> array, double ddof = 0, long splitEvery = 32) =>
        Reduction.All<float>(array, new(ReduceKind.Std, ddof), splitEvery);

    /// <summary>The standard deviations along <paramref name="axis"/> (negative counts from the end), which is removed. float32 in, float32 out, as numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<float> Std(this DistArray<float> array, int axis, double ddof = 0, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.Std, ddof), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The standard deviations along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>. float32 in, float32 out, as numpy.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<float> Std(this DistArray<float> array, Axes axis, double ddof = 0, bool keepDims = false, int splitEvery = 32) =>
        Reduction.Axes<float>(array, new(ReduceKind.Std, ddof), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);

    /// <summary>The number of elements, counted as a reduction (as LINQ's <c>Count</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<long> Count<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged =>
        Reduction.All<long>(array, new(ReduceKind.Count), splitEvery);

    /// <summary>The numbers of elements along <paramref name="axis"/> (negative counts from the end), which is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<long> Count<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged =>
        Reduction.Axes<long>(array, new(ReduceKind.Count), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery);

    /// <summary>The numbers of elements along one or several axes (<c>[0, 2]</c>), removed, or kept with length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<long> Count<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged =>
        Reduction.Axes<long>(array, new(ReduceKind.Count), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery);
}
