using System.Numerics;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// numpy broadcasting for blocked arrays: shapes are right-aligned, a length-1 axis stretches to
/// the other's length, and both operands are rechunked to the common refinement of their blocks
/// along the axes they share, so their blocks line up one for one.
/// </summary>
internal static class Broadcasting
{
    public static (DistArray<TA> A, DistArray<TB> B) Align<TA, TB>(DistArray<TA> a, DistArray<TB> b)
        where TA : unmanaged, INumber<TA>
        where TB : unmanaged, INumber<TB>
    {
        if (a.Grid.Shape.AsSpan().SequenceEqual(b.Grid.Shape) && BlockGrid.SameChunks(a.Grid.Chunks, b.Grid.Chunks))
            return (a, b);
        int rank = Math.Max(a.Rank, b.Rank);
        var sa = Pad(a.Grid.Shape, rank);
        var sb = Pad(b.Grid.Shape, rank);
        var ca = Pad(a.Grid.Chunks, rank);
        var cb = Pad(b.Grid.Chunks, rank);
        var shape = new long[rank];
        var chunks = new int[rank][];
        for (int axis = 0; axis < rank; axis++)
        {
            if (sa[axis] == sb[axis])
            {
                shape[axis] = sa[axis];
                chunks[axis] = BlockGrid.CommonRefinement(ca[axis], cb[axis]);
            }
            else if (sa[axis] == 1)
            {
                shape[axis] = sb[axis];
                chunks[axis] = cb[axis];
            }
            else if (sb[axis] == 1)
            {
                shape[axis] = sa[axis];
                chunks[axis] = ca[axis];
            }
            else
            {
                throw new ArgumentException($"operands could not be broadcast together with shapes {Shapes.Text(a.Grid.Shape)} {Shapes.Text(b.Grid.Shape)}");
            }
        }
        return (To(a, shape, chunks), To(b, shape, chunks));
    }

    /// <summary><paramref name="x"/> stretched to <paramref name="shape"/> in blocks of <paramref name="chunks"/>.</summary>
    public static DistArray<T> To<T>(DistArray<T> x, long[] shape, int[][] chunks) where T : unmanaged, INumber<T>
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
        return new DistArray<T>(name, shape, chunks, b =>
        {
            int source = SourceBlock(b);
            return ArrayNodes.Op("array.broadcast", new TaskRef(aligned.ChunkKey(source)), new Literal(aligned.Grid.BlockShape(source)), new Literal(grid.BlockShape(b)));
        }, [aligned]);
    }

    /// <summary><paramref name="x"/> with leading axes of length 1 up to <paramref name="rank"/> (a view: the blocks are the same).</summary>
    public static DistArray<T> Expand<T>(DistArray<T> x, int rank) where T : unmanaged, INumber<T>
    {
        if (x.Rank == rank)
            return x;
        return View(x, Pad(x.Grid.Shape, rank), Pad(x.Grid.Chunks, rank));
    }

    /// <summary>The same blocks (same data, same order) under a new shape and chunks.</summary>
    public static DistArray<T> View<T>(DistArray<T> x, long[] shape, int[][] chunks) where T : unmanaged, INumber<T>
    {
        string name = $"view-{Tokenizer.Token("view", x.Name, shape, ArrayNodes.Flatten(chunks))}";
        return new DistArray<T>(name, shape, chunks, _ => throw new InvalidOperationException("a view has no tasks"), [x], b => x.ChunkKey(b));
    }

    private static long[] Pad(long[] shape, int rank) => [.. Enumerable.Repeat(1L, rank - shape.Length), .. shape];

    private static int[][] Pad(int[][] chunks, int rank) => [.. Enumerable.Repeat<int[]>([1], rank - chunks.Length), .. chunks];
}
