using System.Numerics;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <remarks>Arrays shaped like others, grids of coordinates, and arrays from .NET arrays of any rank.</remarks>
public static partial class DistArray
{
    /// <summary>Zeros in the shape and chunks of <paramref name="array"/> (numpy's <c>zeros_like</c>).</summary>
    public static DistArray<T> ZerosLike<T>(DistArray<T> array) where T : unmanaged => FullLike(array, default(T));

    /// <summary>Ones in the shape and chunks of <paramref name="array"/> (numpy's <c>ones_like</c>).</summary>
    public static DistArray<T> OnesLike<T>(DistArray<T> array) where T : unmanaged, INumber<T> => FullLike(array, T.One);

    /// <summary><paramref name="value"/> in the shape and chunks of <paramref name="array"/> (numpy's <c>full_like</c>).</summary>
    public static DistArray<T> FullLike<T>(DistArray<T> array, T value) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        return Full([.. grid.Shape], grid.Chunks, value);
    }

    /// <summary>
    /// Coordinate arrays from 1-D coordinate vectors, as numpy's <c>meshgrid</c>: with the default
    /// <c>"xy"</c> indexing the first two axes are (y, x); with <c>"ij"</c> axis i runs along vector i.
    /// Each result is its vector broadcast (a view of its blocks, one block along the other axes).
    /// </summary>
    /// <exception cref="ArgumentException">A vector is not 1-D, or the indexing is neither "xy" nor "ij".</exception>
    public static DistArray<T>[] Meshgrid<T>(IReadOnlyList<DistArray<T>> vectors, string indexing = "xy") where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (indexing is not ("xy" or "ij"))
            throw new ArgumentException($"Valid values for `indexing` are 'xy' and 'ij', got '{indexing}'", nameof(indexing));
        if (vectors.FirstOrDefault(v => v.Rank != 1) is { } bad)
            throw new ArgumentException($"meshgrid takes 1-D arrays, got shape {Shapes.Text(bad.Grid.Shape)}", nameof(vectors));
        int n = vectors.Count;
        var order = Enumerable.Range(0, n).ToArray();
        if (indexing == "xy" && n >= 2)
            (order[0], order[1]) = (1, 0);
        // Vector i runs along output axis position[i].
        var position = new int[n];
        for (int axis = 0; axis < n; axis++)
            position[order[axis]] = axis;
        long[] shape = [.. order.Select(i => vectors[i].Grid.Shape[0])];
        int[][] chunks = [.. order.Select(i => vectors[i].Grid.Chunks[0])];
        return [.. vectors.Select((v, i) =>
        {
            long[] lines = [.. Enumerable.Range(0, n).Select(axis => axis == position[i] ? shape[axis] : 1L)];
            int[][] lineChunks = [.. Enumerable.Range(0, n).Select(axis => axis == position[i] ? chunks[axis] : [1])];
            return Broadcasting.To(Broadcasting.View(v, lines, lineChunks), shape, chunks);
        })];
    }

    /// <summary>A lazy array over a copy of the 3-D <paramref name="data"/>, in blocks of <paramref name="chunks"/>.</summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    public static DistArray<T> FromArray<T>(T[,,] data, ChunkSpec chunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromArray([.. data.Cast<T>()], [data.GetLength(0), data.GetLength(1), data.GetLength(2)], chunks);
    }

    /// <summary>A lazy array over a copy of <paramref name="data"/> (any rank).</summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    public static DistArray<T> FromArray<T>(DenseArray<T> data, ChunkSpec chunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromArray(data.Data, [.. data.Shape.Select(s => (long)s)], chunks);
    }

    /// <summary>A lazy array over a copy of the row-major elements <paramref name="data"/> under <paramref name="shape"/> (any rank, 0 included).</summary>
    /// <exception cref="ArgumentException">The data do not make the shape, or the chunks do not fit it.</exception>
    public static DistArray<T> FromArray<T>(T[] data, long[] shape, ChunkSpec chunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        Shapes.Validate(shape);
        if (Shapes.Product(shape) != data.Length)
            throw new ArgumentException($"{data.Length} elements do not make shape {Shapes.Text(shape)}", nameof(data));
        var copy = (T[])data.Clone();
        var normalized = chunks.Normalize(shape);
        var grid = new BlockGrid(shape, normalized);
        int[] full = [.. shape.Select(s => (int)s)];
        string name = $"array-{Tokenizer.Token("from-array-nd", copy, shape, ArrayNodes.Flatten(normalized))}";
        return new DistArray<T>(name, [.. shape], normalized, b =>
        {
            var blockShape = grid.BlockShape(b);
            var block = new T[Shapes.Product(blockShape)];
            Kernels.BoxKernels.Copy(copy, full, [.. grid.BlockStart(b).Select(s => (int)s)], block, blockShape, new int[shape.Length], blockShape);
            return TaskNode.FromValue(block);
        }, []);
    }
}
