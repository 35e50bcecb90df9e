using System.Numerics;
using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// The array with its axes permuted: result axis <c>i</c> is axis <c>axes[i]</c> (reversed
    /// when <paramref name="axes"/> is omitted, as numpy). Each block is transposed on its own.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="axes"/> is not a permutation of the axes.</exception>
    public static DistArray<T> Transpose<T>(this DistArray<T> array, params int[] axes) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        int rank = array.Rank;
        int[] perm = axes is { Length: > 0 } ? [.. axes.Select(a => Shapes.NormalizeAxis(a, rank, nameof(axes)))] : [.. Enumerable.Range(0, rank).Reverse()];
        if (perm.Length != rank || perm.Distinct().Count() != rank)
            throw new ArgumentException($"axes ({string.Join(", ", axes ?? [])}) do not permute the axes of an array of rank {rank}", nameof(axes));
        if (perm.Select((p, i) => p == i).All(x => x))
            return array;
        var grid = array.Grid;
        long[] shape = [.. perm.Select(p => grid.Shape[p])];
        int[][] chunks = [.. perm.Select(p => grid.Chunks[p])];
        var output = new BlockGrid(shape, chunks);
        string name = $"transpose-{Tokenizer.Token("transpose", array.Name, perm)}";
        return new DistArray<T>(name, shape, chunks, b =>
        {
            var index = output.BlockIndex(b);
            var source = new int[rank];
            for (int i = 0; i < rank; i++)
                source[perm[i]] = index[i];
            int sb = grid.Flat(source);
            return ArrayNodes.Op("array.transpose", new TaskRef(array.ChunkKey(sb)), new Literal(grid.BlockShape(sb)), new Literal(perm));
        }, [array]);
    }

    /// <summary>
    /// The same elements, in row-major order, under a new <paramref name="shape"/> (one length may
    /// be −1). The array is first rechunked so that blocks hold whole rows, then recut into whole
    /// rows of the new shape; blocks keep about the same number of elements.
    /// </summary>
    /// <exception cref="ArgumentException">The new shape does not hold the same number of elements; the message names both shapes.</exception>
    public static DistArray<T> Reshape<T>(this DistArray<T> array, params long[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(shape);
        var grid = array.Grid;
        grid.RequireKnown();
        shape = (long[])shape.Clone();
        int unknown = Array.IndexOf(shape, -1L);
        if (unknown >= 0)
        {
            long known = Shapes.Product(shape.Where((_, i) => i != unknown).ToArray());
            if (known == 0 || grid.Size % known != 0)
                throw new ArgumentException($"cannot reshape array of shape {Shapes.Text(grid.Shape)} into shape {Shapes.Text(shape)}", nameof(shape));
            shape[unknown] = grid.Size / known;
        }
        if (shape.Any(s => s < 0) || Shapes.Product(shape) != grid.Size)
            throw new ArgumentException($"cannot reshape array of shape {Shapes.Text(grid.Shape)} into shape {Shapes.Text(shape)}", nameof(shape));
        if (shape.AsSpan().SequenceEqual(grid.Shape))
            return array;
        var flat = Flatten(array);
        if (shape.Length == 0)
            return Broadcasting.View(RechunkTo(flat, [[1]]), [], []);
        long row = Shapes.Product(shape[1..]);
        int target = Math.Max(1, grid.Chunks.Select((c, _) => c.Max()).Aggregate(1, (p, c) => (int)Math.Min(int.MaxValue, (long)p * Math.Max(c, 1))));
        int rowsPerBlock = row == 0 ? 1 : (int)Math.Max(1, target / row);
        var rows = ChunkSpec.Split(shape[0], rowsPerBlock);
        var flatChunks = rows.Select(r => checked((int)(r * row))).ToArray();
        var recut = RechunkTo(flat, [flatChunks]);
        return Broadcasting.View(recut, shape, [rows, .. shape[1..].Select(s => new[] { (int)s })]);
    }

    /// <summary>The elements in row-major order as a 1-D array (numpy's <c>ravel</c>).</summary>
    public static DistArray<T> Ravel<T>(this DistArray<T> array) where T : unmanaged => array.Reshape(array.Length);

    /// <summary>A 1-D view of <paramref name="array"/> after rechunking it to blocks of whole rows.</summary>
    private static DistArray<T> Flatten<T>(DistArray<T> array) where T : unmanaged
    {
        var grid = array.Grid;
        if (grid.Rank == 1)
            return array;
        if (grid.Rank == 0)
            return Broadcasting.View(array, [1], [[1]]);
        int[][] whole = [grid.Chunks[0], .. grid.Shape[1..].Select(s => new[] { (int)s })];
        var rows = RechunkTo(array, whole);
        long row = Shapes.Product(grid.Shape[1..]);
        return Broadcasting.View(rows, [grid.Size], [[.. grid.Chunks[0].Select(c => checked((int)(c * row)))]]);
    }
}
