using System.Numerics;
using System.Numerics.Tensors;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// One reduction's partial state and its steps. A block reduces into a state of <c>m</c> output
/// slots (planar arrays of primitives, so states travel as raw bytes); states of several blocks
/// combine in a fixed order; the last state finishes into the result.
/// </summary>
internal abstract class Reducer<T>
    where T : unmanaged, INumber<T>
{
    private double[]? _scratch;
    private double[]? _scratch2;

    /// <summary>A state of <paramref name="outputs"/> slots holding the identity.</summary>
    public abstract Array NewState(int outputs);

    /// <summary>Reduces a contiguous run along the axis (elements <paramref name="firstIndex"/>, ...) into slot <paramref name="slot"/>.</summary>
    public abstract void Run(Array state, int slot, ReadOnlySpan<T> x, long firstIndex);

    /// <summary>Folds one element per slot (slots <paramref name="slot"/>, ...), all at axis position <paramref name="index"/>.</summary>
    public abstract void Row(Array state, int slot, ReadOnlySpan<T> x, long index);

    /// <summary>Folds <paramref name="other"/> into <paramref name="into"/>; <paramref name="other"/> comes later in the order.</summary>
    public abstract void Combine(Array into, Array other);

    /// <summary>The result: an array of one value per slot, or the single value when <paramref name="scalar"/>.</summary>
    public abstract object Finish(Array state, bool scalar);

    /// <summary>Maps the axis positions recorded in the state (arg reductions only).</summary>
    public virtual void MapIndices(Array state, Func<long, long> map)
    {
    }

    protected Span<double> AsDoubles(ReadOnlySpan<T> x)
    {
        _scratch ??= new double[TileProgram<T>.TileSize];
        var into = _scratch.AsSpan(0, x.Length);
        if (typeof(T) == typeof(double))
            System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(x).CopyTo(into);
        else
            TensorPrimitives.ConvertChecked<T, double>(x, into);
        return into;
    }

    protected Span<double> Scratch(int length)
    {
        _scratch2 ??= new double[TileProgram<T>.TileSize];
        return _scratch2.AsSpan(0, length);
    }

    protected static ReadOnlySpan<double> Doubles(ReadOnlySpan<T> x) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(x);

    protected static object Finish<TValue>(TValue[] values, bool scalar) where TValue : unmanaged =>
        scalar ? values[0] : values;
}
