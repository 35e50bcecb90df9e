using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// A layer selecting, along each axis, an arithmetic progression of positions (a stepped or
/// reversed slice, numpy's <c>start:stop:step</c>). Output blocks are cut where the input's are,
/// so each comes from one input block: a whole block with step 1 is a view of it; any other is
/// an <c>array.strided</c> task copying its progression out of that block.
/// </summary>
internal static class StridedLayer
{
    /// <param name="x">The array this layer reads.</param>
    /// <param name="start">The first position per axis.</param>
    /// <param name="step">The step per axis (negative walks backwards).</param>
    /// <param name="count">How many positions per axis.</param>
    /// <param name="keep">Which axes the output keeps (dropped ones select one position).</param>
    public static DistArray<T> Create<T>(DistArray<T> x, long[] start, long[] step, long[] count, bool[] keep) where T : unmanaged
    {
        var src = x.Grid;
        int rank = src.Rank;
        var plans = new List<Piece>[rank];
        for (int axis = 0; axis < rank; axis++)
            plans[axis] = Plan(src, axis, start[axis], step[axis], count[axis]);
        int[][] chunks = [.. plans.Select(p => p.Count == 0 ? [0] : p.Select(q => q.Count).ToArray())];
        var grid = new BlockGrid([.. chunks.Select(c => c.Sum(s => (long)s))], chunks);
        string name = $"getitem-{Tokenizer.Token("strided", x.Name, start, step, count, keep.Select(k => k ? 1 : 0).ToArray())}";
        Piece[] Pieces(int b)
        {
            var index = grid.BlockIndex(b);
            return [.. Enumerable.Range(0, rank).Select(axis => plans[axis].Count == 0 ? new Piece(0, 0, 1, 0) : plans[axis][index[axis]])];
        }
        int Source(Piece[] pieces) => src.Flat([.. pieces.Select(p => p.Block)]);
        TaskKey? ViewOf(int b)
        {
            var pieces = Pieces(b);
            int source = Source(pieces);
            var shape = src.BlockShape(source);
            bool whole = pieces.Select((p, axis) => p.Step == 1 && p.Start == 0 && p.Count == shape[axis]).All(w => w);
            return whole ? x.ChunkKey(source) : (TaskKey?)null;
        }
        TaskNode Task(int b)
        {
            var pieces = Pieces(b);
            int source = Source(pieces);
            return ArrayNodes.Op("array.strided", new TaskRef(x.ChunkKey(source)), new Literal(src.BlockShape(source)),
                new Literal(pieces.Select(p => p.Start).ToArray()), new Literal(pieces.Select(p => p.Step).ToArray()), new Literal(pieces.Select(p => p.Count).ToArray()));
        }
        long[] shape = [.. grid.Shape.Where((_, axis) => keep[axis])];
        int[][] kept = [.. chunks.Where((_, axis) => keep[axis])];
        return new DistArray<T>(name, shape, kept, Task, [x], ViewOf);
    }

    /// <summary>The progression's runs inside each input block along <paramref name="axis"/>, in output order.</summary>
    private static List<Piece> Plan(BlockGrid src, int axis, long start, long step, long count)
    {
        var pieces = new List<Piece>();
        long k = 0;
        while (k < count)
        {
            long position = start + k * step;
            int block = src.BlockAt(axis, position);
            long blockStart = src.Start(axis, block), blockEnd = blockStart + src.Chunks[axis][block];
            // How many of the next positions stay in this block.
            long inBlock = step > 0 ? (blockEnd - 1 - position) / step + 1 : (position - blockStart) / -step + 1;
            long n = Math.Min(inBlock, count - k);
            pieces.Add(new Piece(block, (int)(position - blockStart), (int)step, (int)n));
            k += n;
        }
        return pieces;
    }

    /// <summary>A run of the progression in one input block: its first position in the block, step and length.</summary>
    private sealed record Piece(int Block, int Start, int Step, int Count);
}
