using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

/// <remarks>Masks: selection by a bool array, logical operations, and the any/all reductions.</remarks>
public static partial class DistArray
{
    /// <summary>
    /// Where <paramref name="mask"/> is true, the element of <paramref name="whenTrue"/>, else that of
    /// <paramref name="whenFalse"/> (numpy's <c>where</c>; all three broadcast), fused with what
    /// made and what reads them.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Where<T>(DistArray<bool> mask, DistArray<T> whenTrue, DistArray<T> whenFalse) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(whenTrue);
        ArgumentNullException.ThrowIfNull(whenFalse);
        return ElementwiseLayer.Where(mask, whenTrue, default, whenFalse, default);
    }

    /// <summary>Where <paramref name="mask"/> is true, the element of <paramref name="whenTrue"/>, else <paramref name="whenFalse"/>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Where<T>(DistArray<bool> mask, DistArray<T> whenTrue, T whenFalse) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(whenTrue);
        return ElementwiseLayer.Where(mask, whenTrue, default, null, whenFalse);
    }

    /// <summary>Where <paramref name="mask"/> is true, <paramref name="whenTrue"/>, else the element of <paramref name="whenFalse"/>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Where<T>(DistArray<bool> mask, T whenTrue, DistArray<T> whenFalse) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(whenFalse);
        return ElementwiseLayer.Where(mask, null, whenTrue, whenFalse, default);
    }

    /// <summary>Where <paramref name="mask"/> is true, <paramref name="whenTrue"/>, else <paramref name="whenFalse"/>.</summary>
    public static DistArray<T> Where<T>(DistArray<bool> mask, T whenTrue, T whenFalse) where T : unmanaged =>
        ElementwiseLayer.Where(mask, null, whenTrue, null, whenFalse);

    /// <summary>Each element clipped to [<paramref name="min"/>, <paramref name="max"/>], as numpy's <c>clip</c> (NaN stays NaN).</summary>
    public static DistArray<T> Clip<T>(this DistArray<T> array, T min, T max) where T : unmanaged, System.Numerics.INumber<T> => ElementwiseLayer.Clip(array, min, max);

    /// <summary>Each element clipped below by <paramref name="min"/> and above by <paramref name="max"/> elementwise (broadcast), as numpy's <c>clip</c>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Clip<T>(this DistArray<T> array, DistArray<T> min, DistArray<T> max) where T : unmanaged, System.Numerics.INumber<T> =>
        array.Maximum(min).Minimum(max);

    /// <summary>Elementwise logical and (numpy's <c>logical_and</c>; the same as <c>&amp;</c> on bools).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> LogicalAnd(this DistArray<bool> array, DistArray<bool> other) => array & other;

    /// <summary>Elementwise logical or (numpy's <c>logical_or</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> LogicalOr(this DistArray<bool> array, DistArray<bool> other) => array | other;

    /// <summary>Elementwise logical exclusive or (numpy's <c>logical_xor</c>).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<bool> LogicalXor(this DistArray<bool> array, DistArray<bool> other) => array ^ other;

    /// <summary>Elementwise logical not (numpy's <c>logical_not</c>; also <c>!</c> and <c>~</c>).</summary>
    public static DistArray<bool> LogicalNot(this DistArray<bool> array) => Unary(array, BlockOp.Not, "not");

    /// <summary>Whether any element is non-zero (true), as numpy's <c>any</c>; false for an empty array.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<bool> Any<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged =>
        Reduction.All<bool>(array, new(ReduceKind.Any), splitEvery, AsBools(array));

    /// <summary>Whether any element along <paramref name="axis"/> is non-zero; the axis is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<bool> Any<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged =>
        Reduction.Axes<bool>(array, new(ReduceKind.Any), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery, AsBools(array));

    /// <summary>Whether any element along <paramref name="axis"/> (one or several) is non-zero; the axes are removed unless <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<bool> Any<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged =>
        Reduction.Axes<bool>(array, new(ReduceKind.Any), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery, AsBools(array));

    /// <summary>Whether every element is non-zero (true), as numpy's <c>all</c>; true for an empty array.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="splitEvery"/> is less than 2.</exception>
    public static Delayed<bool> All<T>(this DistArray<T> array, long splitEvery = 32) where T : unmanaged =>
        Reduction.All<bool>(array, new(ReduceKind.All), splitEvery, AsBools(array));

    /// <summary>Whether every element along <paramref name="axis"/> is non-zero; the axis is removed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    public static DistArray<bool> All<T>(this DistArray<T> array, int axis, int splitEvery = 32) where T : unmanaged =>
        Reduction.Axes<bool>(array, new(ReduceKind.All), [Shapes.NormalizeAxis(axis, GridOf(array).Rank)], false, splitEvery, AsBools(array));

    /// <summary>Whether every element along <paramref name="axis"/> (one or several) is non-zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or <paramref name="splitEvery"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<bool> All<T>(this DistArray<T> array, Axes axis, bool keepDims = false, int splitEvery = 32) where T : unmanaged =>
        Reduction.Axes<bool>(array, new(ReduceKind.All), axis.Normalize(GridOf(array).Rank), keepDims, splitEvery, AsBools(array));

    /// <summary>The block as bools ("not zero"), or as it is when it holds bools.</summary>
    private static BlockProgram AsBools<T>(DistArray<T> array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        var type = DTypes.Of<T>();
        var load = BlockProgram.Load(type);
        return type == DType.Bool ? load : load.Then(new Instruction(BlockOp.Cast, type, 0, (int)DType.Bool));
    }

    extension(DistArray<bool> mask)
    {
        /// <summary>Elementwise logical not of a mask.</summary>
        public static DistArray<bool> operator !(DistArray<bool> value) => value.LogicalNot();
    }
}
