using System.Numerics;

namespace LazyDist.Collections;

/// <remarks>
/// Cumulative sums and products along an axis (numpy's <c>cumsum</c>, <c>cumprod</c>; the whole
/// array flattened when no axis is given), built as dask builds them: a scan per block plus
/// carried block totals. Small integers and bools promote to 64 bits, as numpy's do. Floating
/// scans add in order within a block, as numpy's, and add the carry after, so results agree with
/// numpy's to rounding and are the same bits on every scheduler.
/// </remarks>
public static partial class DistArray
{
    /// <summary>The cumulative sums along <paramref name="axis"/> (of the flattened array when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<T> CumSum<T>(this DistArray<T> array, int? axis = null) where T : unmanaged, INumber<T> => Scan<T, T>(array, axis, false);

    /// <summary>The cumulative sums along <paramref name="axis"/> (of the flattened array when null); int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<long> CumSum(this DistArray<int> array, int? axis = null) => Scan<int, long>(array, axis, false);

    /// <summary>The cumulative sums along <paramref name="axis"/> (of the flattened array when null); short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<long> CumSum(this DistArray<short> array, int? axis = null) => Scan<short, long>(array, axis, false);

    /// <summary>The cumulative sums along <paramref name="axis"/> (of the flattened array when null); byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<ulong> CumSum(this DistArray<byte> array, int? axis = null) => Scan<byte, ulong>(array, axis, false);

    /// <summary>The cumulative sums along <paramref name="axis"/> (of the flattened array when null); bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<long> CumSum(this DistArray<bool> array, int? axis = null) => Scan<bool, long>(array, axis, false);

    /// <summary>The cumulative sums along <paramref name="axis"/> (of the flattened array when null); uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<ulong> CumSum(this DistArray<uint> array, int? axis = null) => Scan<uint, ulong>(array, axis, false);

    /// <summary>The cumulative products along <paramref name="axis"/> (of the flattened array when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<T> CumProd<T>(this DistArray<T> array, int? axis = null) where T : unmanaged, INumber<T> => Scan<T, T>(array, axis, true);

    /// <summary>The cumulative products along <paramref name="axis"/> (of the flattened array when null); int promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<long> CumProd(this DistArray<int> array, int? axis = null) => Scan<int, long>(array, axis, true);

    /// <summary>The cumulative products along <paramref name="axis"/> (of the flattened array when null); short promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<long> CumProd(this DistArray<short> array, int? axis = null) => Scan<short, long>(array, axis, true);

    /// <summary>The cumulative products along <paramref name="axis"/> (of the flattened array when null); byte promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<ulong> CumProd(this DistArray<byte> array, int? axis = null) => Scan<byte, ulong>(array, axis, true);

    /// <summary>The cumulative products along <paramref name="axis"/> (of the flattened array when null); bool promotes to long, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<long> CumProd(this DistArray<bool> array, int? axis = null) => Scan<bool, long>(array, axis, true);

    /// <summary>The cumulative products along <paramref name="axis"/> (of the flattened array when null); uint promotes to ulong, as numpy's does.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<ulong> CumProd(this DistArray<uint> array, int? axis = null) => Scan<uint, ulong>(array, axis, true);

    private static DistArray<TOut> Scan<T, TOut>(DistArray<T> array, int? axis, bool product)
        where T : unmanaged
        where TOut : unmanaged
    {
        var grid = GridOf(array);
        if (axis is null)
            return ScanLayer.Create<T, TOut>(grid.Rank == 1 ? array : array.Ravel(), 0, product);
        return ScanLayer.Create<T, TOut>(array, Shapes.NormalizeAxis(axis.Value, grid.Rank), product);
    }
}
