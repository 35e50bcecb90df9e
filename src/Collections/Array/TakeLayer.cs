using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// A layer picking positions along one axis in a given order (numpy's integer-array indexing and
/// <c>take</c>): output blocks hold as many indices as the axis's first block has elements; each is
/// an <c>array.take</c> task gathering from the input blocks its indices fall in.
/// </summary>
internal static class TakeLayer
{
    public static DistArray<T> Create<T>(DistArray<T> x, long[] indices, int axis) where T : unmanaged
    {
        var src = x.Grid;
        int per = Math.Max(1, src.Chunks[axis].Max());
        var groups = indices.Chunk(per).ToArray();
        int[] axisChunks = groups.Length == 0 ? [0] : [.. groups.Select(g => g.Length)];
        int[][] chunks = [.. src.Chunks.Select((c, a) => a == axis ? axisChunks : c)];
        var grid = new BlockGrid([.. chunks.Select(c => c.Sum(s => (long)s))], chunks);
        string name = $"take-{Tokenizer.Token("take", x.Name, indices, axis)}";
        TaskNode Task(int b)
        {
            var index = grid.BlockIndex(b);
            var group = groups.Length == 0 ? [] : groups[index[axis]];
            var sources = new List<int>();
            var picks = new int[2 * group.Length];
            for (int i = 0; i < group.Length; i++)
            {
                int block = src.BlockAt(axis, group[i]);
                int slot = sources.IndexOf(block);
                if (slot < 0)
                {
                    slot = sources.Count;
                    sources.Add(block);
                }
                (picks[2 * i], picks[2 * i + 1]) = (slot, (int)(group[i] - src.Start(axis, block)));
            }
            var inputs = sources.Select(j =>
            {
                var at = (int[])index.Clone();
                at[axis] = j;
                return src.Flat(at);
            }).ToArray();
            if (inputs.Length == 0)
                inputs = [src.Flat(index.Select((v, a) => a == axis ? 0 : v).ToArray())];
            return ArrayNodes.Op("array.take", axis, new Literal(picks), new Literal(inputs.SelectMany(src.BlockShape).ToArray()),
                new ArgList(inputs.Select(i => (TaskArg)new TaskRef(x.ChunkKey(i)))));
        }
        return new DistArray<T>(name, grid.Shape, chunks, Task, [x]);
    }
}
