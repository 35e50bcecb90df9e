using System.Collections;
using System.Runtime.CompilerServices;

namespace LazyDist.Collections;

// Errors name the user's "chunks" argument of the factory that normalizes this spec.
#pragma warning disable CA2208

/// <summary>
/// How an array is cut into blocks, as a user writes it (dask's <c>chunks=</c>): one size for
/// every axis (<c>1000</c>), a size per axis (<c>[1000, 500]</c>, <c>-1</c> for the whole axis),
/// or explicit block sizes per axis (<c>new[] { new[] { 3, 3, 1 }, new[] { 7 } }</c>). The last
/// block along an axis may be shorter (ragged). Normalized against a shape by the array factories.
/// </summary>
[CollectionBuilder(typeof(ChunkSpec), nameof(Create))]
public readonly struct ChunkSpec : IEnumerable<int>
{
    private readonly int[]? _perAxis;
    private readonly int[][]? _explicit;

    private ChunkSpec(int uniform, int[]? perAxis, int[][]? explicitSizes)
    {
        Uniform = uniform;
        _perAxis = perAxis;
        _explicit = explicitSizes;
    }

    /// <summary>The size used for every axis, when the spec is one number.</summary>
    public int Uniform { get; }

    /// <summary>One block size for every axis.</summary>
    public static implicit operator ChunkSpec(int size) => new(size, null, null);

    /// <summary>A block size per axis (-1: the whole axis).</summary>
    public static implicit operator ChunkSpec(int[] sizes) => new(0, sizes ?? throw new ArgumentNullException(nameof(sizes)), null);

    /// <summary>Explicit block sizes per axis.</summary>
    public static implicit operator ChunkSpec(int[][] sizes) => new(0, null, sizes ?? throw new ArgumentNullException(nameof(sizes)));

    /// <summary>A block size per axis, from a collection expression such as <c>[100, 50]</c>.</summary>
    public static ChunkSpec Create(ReadOnlySpan<int> sizes) => new(0, sizes.ToArray(), null);

    /// <summary>One block size for every axis (the named alternative to the conversion).</summary>
    public static ChunkSpec FromSize(int size) => size;

    /// <summary>Explicit block sizes per axis (the named alternative to the conversion).</summary>
    public static ChunkSpec FromBlocks(int[][] sizes) => sizes;

    /// <summary>The per-axis sizes, when the spec is one size per axis; empty otherwise.</summary>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)(_perAxis ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The explicit block sizes for <paramref name="shape"/>, validated.</summary>
    /// <exception cref="ArgumentException">The spec does not fit the shape; the message names both.</exception>
    internal int[][] Normalize(IReadOnlyList<long> shape)
    {
        int rank = shape.Count;
        if (_explicit is { } given)
        {
            if (given.Length != rank || given.Any(a => a is null))
                throw new ArgumentException($"chunks {Text(given)} do not match shape {Shapes.Text(shape)}", "chunks");
            for (int axis = 0; axis < rank; axis++)
            {
                if (given[axis].Any(s => s < 0) || given[axis].Sum(s => (long)s) != shape[axis] || (shape[axis] > 0 && given[axis].Any(s => s == 0)))
                    throw new ArgumentException($"chunks {Text(given)} do not match shape {Shapes.Text(shape)}: axis {axis} has blocks ({string.Join(", ", given[axis])}) for length {shape[axis]}", "chunks");
            }
            return [.. given.Select(a => (int[])a.Clone())];
        }
        int[] sizes;
        if (_perAxis is { } perAxis)
        {
            if (perAxis.Length != rank)
                throw new ArgumentException($"chunks {Shapes.Text(perAxis.Select(s => (long)s).ToArray())} do not match shape {Shapes.Text(shape)}", "chunks");
            sizes = perAxis;
        }
        else
        {
            sizes = Enumerable.Repeat(Uniform, rank).ToArray();
        }
        var result = new int[rank][];
        for (int axis = 0; axis < rank; axis++)
        {
            long length = shape[axis];
            long size = sizes[axis] == -1 ? Math.Max(length, 1) : sizes[axis];
            if (size <= 0)
                throw new ArgumentOutOfRangeException("chunks", sizes[axis], $"chunk size must be positive (or -1 for the whole axis), got {sizes[axis]} for axis {axis} of shape {Shapes.Text(shape)}");
            size = Math.Min(size, Math.Max(length, 1));
            if (size > int.MaxValue)
                throw new ArgumentOutOfRangeException("chunks", $"axis {axis} of shape {Shapes.Text(shape)} needs a block longer than {int.MaxValue}");
            result[axis] = Split(length, (int)size);
        }
        return result;
    }

    /// <summary>Cuts <paramref name="length"/> into blocks of <paramref name="size"/> (the last ragged; one empty block for length 0).</summary>
    internal static int[] Split(long length, int size)
    {
        if (length == 0)
            return [0];
        long count = (length + size - 1) / size;
        if (count > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"{length} elements in chunks of {size} make more than {int.MaxValue} chunks");
        var blocks = new int[count];
        for (long i = 0; i < count; i++)
            blocks[i] = (int)Math.Min(size, length - i * size);
        return blocks;
    }

    private static string Text(int[][] sizes) =>
        "(" + string.Join(", ", sizes.Select(a => a is null ? "null" : "(" + string.Join(", ", a) + (a.Length == 1 ? ",)" : ")"))) + (sizes.Length == 1 ? ",)" : ")");

    /// <inheritdoc/>
    public override string ToString() =>
        _explicit is { } e ? Text(e) : _perAxis is { } p ? Shapes.Text(p.Select(s => (long)s).ToArray()) : Uniform.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
