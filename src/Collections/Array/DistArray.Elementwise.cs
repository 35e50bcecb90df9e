using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>The absolute value of each element.</summary>
    public static DistArray<T> Abs<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => Unary(array, ProgramCode.Abs, "abs");

    /// <summary>The negation of each element.</summary>
    public static DistArray<T> Negate<T>(this DistArray<T> array) where T : unmanaged, INumber<T> => Unary(array, ProgramCode.Neg, "neg");

    /// <summary>The square root of each element.</summary>
    public static DistArray<T> Sqrt<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, ProgramCode.Sqrt, "sqrt");

    /// <summary>e raised to each element.</summary>
    public static DistArray<T> Exp<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, ProgramCode.Exp, "exp");

    /// <summary>The natural logarithm of each element.</summary>
    public static DistArray<T> Log<T>(this DistArray<T> array) where T : unmanaged, IFloatingPointIeee754<T> => Unary(array, ProgramCode.Log, "log");

    /// <summary>Each element raised to <paramref name="exponent"/>.</summary>
    public static DistArray<T> Pow<T>(this DistArray<T> array, T exponent) where T : unmanaged, IFloatingPointIeee754<T> =>
        Scalar(array, ProgramCode.Pow, exponent, left: false, "pow");

    /// <summary>Each element raised to the matching element of <paramref name="exponent"/> (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names both.</exception>
    public static DistArray<T> Pow<T>(this DistArray<T> array, DistArray<T> exponent) where T : unmanaged, IFloatingPointIeee754<T> =>
        Binary(array, exponent, ProgramCode.Pow, "pow");

    /// <summary>The elementwise minimum (NaN wins) of two arrays (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Minimum<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged, INumber<T> => Binary(array, other, ProgramCode.Min, "minimum");

    /// <summary>The elementwise maximum (NaN wins) of two arrays (broadcast).</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together.</exception>
    public static DistArray<T> Maximum<T>(this DistArray<T> array, DistArray<T> other) where T : unmanaged, INumber<T> => Binary(array, other, ProgramCode.Max, "maximum");

    /// <summary>
    /// <paramref name="selector"/> applied to each element. The delegate runs on local schedulers
    /// (it is not a built-in operation); the array's own operations stay built-in.
    /// </summary>
    public static DistArray<TResult> Select<T, TResult>(this DistArray<T> array, Func<T, TResult> selector)
        where T : unmanaged, INumber<T>
        where TResult : unmanaged, INumber<TResult>
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
        where T : unmanaged, INumber<T>
        where TOther : unmanaged, INumber<TOther>
        where TResult : unmanaged, INumber<TResult>
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

    /// <summary>The array converted to <typeparamref name="TResult"/> (floating to integer truncates, as numpy's <c>astype</c>).</summary>
    public static DistArray<TResult> AsType<T, TResult>(this DistArray<T> array)
        where T : unmanaged, INumber<T>
        where TResult : unmanaged, INumber<TResult>
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array is DistArray<TResult> same)
            return same;
        string dtype = DTypes.Name(DTypes.Of<TResult>());
        string name = $"astype-{Tokenizer.Token("astype", array.Name, dtype)}";
        return new DistArray<TResult>(name, [.. array.Grid.Shape], array.Grid.Chunks,
            b => ArrayNodes.Op("array.astype", dtype, new TaskRef(array.ChunkKey(b))), [array]);
    }

    internal static DistArray<T> Unary<T>(DistArray<T> array, int code, string kind) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(array);
        return ArrayNodes.Elementwise(kind, [array], [ProgramCode.In, 0, 0, code, 0, 0], []);
    }

    internal static DistArray<T> Scalar<T>(DistArray<T> array, int code, T value, bool left, string kind) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(array);
        int op = code + (left ? ProgramCode.ScalarLeft : ProgramCode.ScalarRight);
        return ArrayNodes.Elementwise(kind, [array], [ProgramCode.In, 0, 0, op, 0, 0], [value]);
    }

    internal static DistArray<T> Binary<T>(DistArray<T> left, DistArray<T> right, int code, string kind) where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var (a, b) = Broadcasting.Align(left, right);
        return ArrayNodes.Elementwise(kind, [a, b], [ProgramCode.In, 0, 0, ProgramCode.In, 1, 0, code, 0, 0], []);
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
