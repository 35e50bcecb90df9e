using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>The absolute value of each element (the most negative integer is its own, as numpy wraps).</summary>
    public static DistArray<T> Abs<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => Unary(array, BlockOp.Abs, "abs");

    /// <summary>The negation of each element.</summary>
    public static DistArray<T> Negate<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => Unary(array, BlockOp.Negate, "neg");

    /// <summary>The elementwise minimum (NaN wins) of two arrays (broadcast), as numpy's <c>minimum</c>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Minimum<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged, INumber<T> => Binary(array, other, BlockOp.Minimum, "minimum");

    /// <summary>The elementwise minimum (NaN wins) of each element and <paramref name="value"/>, as numpy's <c>minimum</c>.</summary>
    public static DistArray<T> Minimum<T>(this DistArray<T> array, T value) where T : unmanaged, INumber<T> => Scalar(array, BlockOp.Minimum, value, left: false, "minimum");

    /// <summary>The elementwise maximum (NaN wins) of each element and <paramref name="value"/>, as numpy's <c>maximum</c>.</summary>
    public static DistArray<T> Maximum<T>(this DistArray<T> array, T value) where T : unmanaged, INumber<T> => Scalar(array, BlockOp.Maximum, value, left: false, "maximum");

    /// <summary>The elementwise maximum (NaN wins) of two arrays (broadcast), as numpy's <c>maximum</c>.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Maximum<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged, INumber<T> => Binary(array, other, BlockOp.Maximum, "maximum");

    /// <summary>
    /// <paramref name="selector"/> applied to each element. The delegate runs on local schedulers
    /// (it is not a built-in operation); the array's own operations stay built-in.
    /// </summary>
    public static DistArray<TResult> Select<T, TResult>(this DistArray<T> array, Func<T, TResult> selector)
        where T : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(selector);
        var kernel = SelectKernel(selector);
        var op = OpRef.FromDelegate(kernel, Invokers.Create(kernel), $"select({OpRef.DisplayName(selector.Method)})");
        string name = $"select-{Tokenizer.Token("select", array.Name, selector)}";
        return new DistArray<TResult>(name, [.. array.Grid.Shape], array.Grid.Chunks, b => new TaskNode(op, new TaskRef(array.ChunkKey(b))), [array]);
    }

    /// <summary><paramref name="selector"/> applied to matching elements of two arrays (broadcast, aligned by rechunking).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static DistArray<TResult> Zip<T, TOther, TResult>(this DistArray<T> array, DistArray<TOther> other, Func<T, TOther, TResult> selector)
        where T : unmanaged
        where TOther : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(selector);
        var (a, b) = Broadcasting.Align(array, other);
        var kernel = ZipKernel(selector);
        var op = OpRef.FromDelegate(kernel, Invokers.Create(kernel), $"zip({OpRef.DisplayName(selector.Method)})");
        string name = $"zip-{Tokenizer.Token("zip", a.Name, b.Name, selector)}";
        return new DistArray<TResult>(name, [.. a.Grid.Shape], a.Grid.Chunks,
            k => new TaskNode(op, new TaskRef(a.ChunkKey(k)), new TaskRef(b.ChunkKey(k))), [a, b]);
    }

    internal static DistArray<TResult> Convert<T, TResult>(DistArray<T> array)
        where T : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array is DistArray<TResult> same)
            return same;
        return ElementwiseLayer.Unary<T, TResult>(array, BlockOp.Cast, "astype", (int)DTypes.Of<TResult>());
    }

    internal static DistArray<T> Unary<T>(DistArray<T> array, BlockOp op, string kind) where T : unmanaged =>
        ElementwiseLayer.Unary<T, T>(array, op, kind);

    internal static DistArray<T> Scalar<T>(DistArray<T> array, BlockOp op, T value, bool left, string kind) where T : unmanaged =>
        ElementwiseLayer.Scalar<T, T>(array, op, value, left, kind);

    internal static DistArray<T> Binary<T>(DistArray<T> left, DistArray<T> right, BlockOp op, string kind) where T : unmanaged =>
        ElementwiseLayer.Binary<T, T>(left, right, op, kind);

    internal static BlockGrid GridOf<T>(DistArray<T> array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        return array.Grid;
    }

    // The kernels are made apart from the graph-building code, so their closures capture only the
    // user's function: that closure is what travels to workers.
    private static Func<T[], TResult[]> SelectKernel<T, TResult>(Func<T, TResult> selector) => block =>
    {
        var result = new TResult[block.Length];
        for (int i = 0; i < block.Length; i++)
            result[i] = selector(block[i]);
        return result;
    };

    private static Func<T[], TOther[], TResult[]> ZipKernel<T, TOther, TResult>(Func<T, TOther, TResult> selector) => (x, y) =>
    {
        var result = new TResult[x.Length];
        for (int i = 0; i < x.Length; i++)
            result[i] = selector(x[i], y[i]);
        return result;
    };
}
