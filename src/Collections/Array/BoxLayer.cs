using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// A layer whose blocks are boxes of another array: rechunking and slicing. An output block that
/// is exactly one input block is a view of it (no task); any other is assembled from the pieces
/// of the input blocks it overlaps.
/// </summary>
internal static class BoxLayer
{
    /// <param name="x">The array this layer reads.</param>
    /// <param name="kind">The layer's name prefix.</param>
    /// <param name="origin">Where the box starts in the source.</param>
    /// <param name="boxChunks">The output's block sizes, in the source's rank.</param>
    /// <param name="keep">Which axes the output keeps (dropped axes have length 1).</param>
    public static DistArray<T> Create<T>(DistArray<T> x, string kind, long[] origin, int[][] boxChunks, bool[] keep)
        where T : unmanaged => (DistArray<T>)Create((IArray)x, kind, origin, boxChunks, keep);

    /// <inheritdoc cref="Create{T}(DistArray{T}, string, long[], int[][], bool[])"/>
    public static IArray Create(IArray x, string kind, long[] origin, int[][] boxChunks, bool[] keep)
    {
        var src = x.Grid;
        var box = new BlockGrid([.. boxChunks.Select(c => c.Sum(s => (long)s))], boxChunks);
        string name = $"{kind}-{Tokenizer.Token(kind, x.Name, origin, ArrayNodes.Flatten(boxChunks), keep.Select(k => k ? 1 : 0).ToArray())}";
        Piece[] Plan(int b)
        {
            int rank = src.Rank;
            var shape = box.BlockShape(b);
            var start = box.BlockStart(b);
            var ranges = new List<(int Block, int SrcStart, int DstStart, int Extent)>[rank];
            for (int axis = 0; axis < rank; axis++)
            {
                long lo = origin[axis] + start[axis], hi = lo + shape[axis];
                ranges[axis] = [];
                if (shape[axis] == 0)
                {
                    ranges[axis].Add((src.BlockAt(axis, Math.Min(lo, Math.Max(src.Shape[axis] - 1, 0))), 0, 0, 0));
                    continue;
                }
                for (int i = src.BlockAt(axis, lo); i < src.Counts[axis] && src.Start(axis, i) < hi; i++)
                {
                    long s = Math.Max(lo, src.Start(axis, i)), e = Math.Min(hi, src.Start(axis, i) + src.Chunks[axis][i]);
                    if (e > s)
                        ranges[axis].Add((i, (int)(s - src.Start(axis, i)), (int)(s - lo), (int)(e - s)));
                }
            }
            var pieces = new List<Piece>();
            var pick = new int[rank];
            while (true)
            {
                var index = new int[rank];
                var piece = new Piece(0, new int[rank], new int[rank], new int[rank], new int[rank]);
                for (int axis = 0; axis < rank; axis++)
                {
                    var r = ranges[axis][pick[axis]];
                    index[axis] = r.Block;
                    piece.SrcStart[axis] = r.SrcStart;
                    piece.DstStart[axis] = r.DstStart;
                    piece.Extent[axis] = r.Extent;
                }
                int flat = src.Flat(index);
                pieces.Add(piece with { Block = flat, SrcShape = src.BlockShape(flat) });
                int k = rank - 1;
                while (k >= 0 && ++pick[k] == ranges[k].Count)
                    pick[k--] = 0;
                if (k < 0)
                    break;
            }
            return [.. pieces];
        }
        TaskKey? ViewOf(int b)
        {
            var pieces = Plan(b);
            if (pieces.Length != 1)
                return null;
            var p = pieces[0];
            bool whole = p.SrcStart.All(s => s == 0) && p.Extent.AsSpan().SequenceEqual(p.SrcShape);
            return whole ? x.ChunkKey(p.Block) : (TaskKey?)null;
        }
        TaskNode Task(int b)
        {
            var pieces = Plan(b);
            var geometry = pieces.SelectMany(p => p.SrcShape.Concat(p.SrcStart).Concat(p.DstStart).Concat(p.Extent)).ToArray();
            return ArrayNodes.Op("array.assemble", new Literal(box.BlockShape(b)), new Literal(geometry),
                new ArgList(pieces.Select(p => (TaskArg)new TaskRef(x.ChunkKey(p.Block)))));
        }
        long[] shape = [.. box.Shape.Where((_, axis) => keep[axis])];
        int[][] chunks = [.. boxChunks.Where((_, axis) => keep[axis])];
        return ArrayFactory.Create(x.DType, name, shape, chunks, Task, [x], ViewOf);
    }

    private sealed record Piece(int Block, int[] SrcShape, int[] SrcStart, int[] DstStart, int[] Extent);
}
