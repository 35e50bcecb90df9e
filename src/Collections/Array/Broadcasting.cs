using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// numpy broadcasting for blocked arrays: shapes are right-aligned, a length-1 axis stretches to
/// the other's length, and all operands are rechunked to the common refinement of their blocks
/// along the axes they share, so their blocks line up one for one.
/// </summary>
internal static class Broadcasting
{
    public static (DistArray<TA> A, DistArray<TB> B) Align<TA, TB>(DistArray<TA> a, DistArray<TB> b)
        where TA : unmanaged
        where TB : unmanaged
    {
        var aligned = Align([a, b]);
        return ((DistArray<TA>)aligned[0], (DistArray<TB>)aligned[1]);
    }

    /// <summary>The arrays broadcast to their common shape, in common blocks.</summary>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast together; the message names them.</exception>
    public static IArray[] Align(IReadOnlyList<IArray> arrays)
    {
        var first = arrays[0].Grid;
        if (arrays.All(a => a.Grid.Shape.AsSpan().SequenceEqual(first.Shape) && BlockGrid.SameChunks(a.Grid.Chunks, first.Chunks)))
            return [.. arrays];
        foreach (var a in arrays)
            a.Grid.RequireKnown();
        int rank = arrays.Max(a => a.Grid.Rank);
        var shape = new long[rank];
        var chunks = new int[rank][];
        for (int axis = 0; axis < rank; axis++)
        {
            var lengths = arrays.Select(a => Pad(a.Grid.Shape, rank)[axis]).ToArray();
            long length = lengths.Where(l => l != 1).Distinct().ToArray() switch
            {
                [] => 1,
                [var only] => only,
                _ => throw new ArgumentException($"operands could not be broadcast together with shapes {string.Join(" ", arrays.Select(a => Shapes.Text(a.Grid.Shape)))}"),
            };
            shape[axis] = length;
            chunks[axis] = arrays.Where((_, i) => lengths[i] == length).Select(a => Pad(a.Grid.Chunks, rank)[axis]).Aggregate(BlockGrid.CommonRefinement);
        }
        return [.. arrays.Select(a => To(a, shape, chunks))];
    }

    /// <summary><paramref name="x"/> stretched to <paramref name="shape"/> in blocks of <paramref name="chunks"/>.</summary>
    public static DistArray<T> To<T>(DistArray<T> x, long[] shape, int[][] chunks) where T : unmanaged => (DistArray<T>)To((IArray)x, shape, chunks);

    /// <inheritdoc cref="To{T}(DistArray{T}, long[], int[][])"/>
    public static IArray To(IArray x, long[] shape, int[][] chunks)
    {
        int rank = shape.Length;
        var padded = Expand(x, rank);
        var own = new int[rank][];
        bool stretched = false;
        for (int axis = 0; axis < rank; axis++)
        {
            bool stretch = padded.Grid.Shape[axis] != shape[axis];
            stretched |= stretch;
            own[axis] = stretch ? padded.Grid.Chunks[axis] : chunks[axis];
        }
        var aligned = DistArray.RechunkTo(padded, own);
        if (!stretched)
            return aligned;
        var grid = new BlockGrid(shape, chunks);
        string name = $"broadcast-{Tokenizer.Token("broadcast", aligned.Name, shape, ArrayNodes.Flatten(chunks))}";
        int SourceBlock(int b)
        {
            var index = grid.BlockIndex(b);
            for (int axis = 0; axis < rank; axis++)
            {
                if (aligned.Grid.Shape[axis] != shape[axis])
                    index[axis] = 0;
            }
            return aligned.Grid.Flat(index);
        }
        return ArrayFactory.Create(x.DType, name, shape, chunks, b =>
        {
            int source = SourceBlock(b);
            return ArrayNodes.Op("array.broadcast", new TaskRef(aligned.ChunkKey(source)), new Literal(aligned.Grid.BlockShape(source)), new Literal(grid.BlockShape(b)));
        }, [aligned]);
    }

    /// <summary><paramref name="x"/> with leading axes of length 1 up to <paramref name="rank"/> (a view: the blocks are the same).</summary>
    public static IArray Expand(IArray x, int rank) =>
        x.Grid.Rank == rank ? x : View(x, Pad(x.Grid.Shape, rank), Pad(x.Grid.Chunks, rank));

    /// <summary>The same blocks (same data, same order) under a new shape and chunks.</summary>
    public static DistArray<T> View<T>(DistArray<T> x, long[] shape, int[][] chunks) where T : unmanaged => (DistArray<T>)View((IArray)x, shape, chunks);

    /// <inheritdoc cref="View{T}(DistArray{T}, long[], int[][])"/>
    public static IArray View(IArray x, long[] shape, int[][] chunks)
    {
        string name = $"view-{Tokenizer.Token("view", x.Name, shape, ArrayNodes.Flatten(chunks))}";
        return ArrayFactory.Create(x.DType, name, shape, chunks, _ => throw new InvalidOperationException("a view has no tasks"), [x], b => x.ChunkKey(b));
    }

    private static long[] Pad(long[] shape, int rank) => [.. Enumerable.Repeat(1L, rank - shape.Length), .. shape];

    private static int[][] Pad(int[][] chunks, int rank) => [.. Enumerable.Repeat<int[]>([1], rank - chunks.Length), .. chunks];
}
