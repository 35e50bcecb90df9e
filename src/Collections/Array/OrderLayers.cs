using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Top-k as dask builds it (each block's own top k, then trees of <c>splitEvery</c> partial
/// results joined and selected again, along each line of the axis), and percentiles of an axis
/// gathered into one block, as dask.array's <c>median</c> and <c>percentile</c>.
/// </summary>
internal static class OrderLayers
{
    public static DistArray<TOut> TopK<T, TOut>(DistArray<T> x, int k, int axis, bool arg, int splitEvery)
        where T : unmanaged
        where TOut : unmanaged
    {
        var grid = x.Grid;
        grid.RequireKnown();
        if (k == 0 || Math.Abs((long)k) > grid.Shape[axis])
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be non-zero and at most the length of axis {axis} ({grid.Shape[axis]}), got {k}");
        if (splitEvery < 2)
            throw new ArgumentOutOfRangeException(nameof(splitEvery), splitEvery, $"splitEvery must be at least 2, got {splitEvery}");
        string name = $"{(arg ? "argtopk" : "topk")}-{Tokenizer.Token("topk", x.Name, k, axis, arg, splitEvery)}";
        var op = ArrayOperations.Get("array.topk");
        int m = Math.Abs(k);
        var kept = Enumerable.Range(0, grid.Rank).Where(a => a != axis).ToArray();
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        int[][] chunks = [.. grid.Chunks.Select((c, a) => a == axis ? [m] : c)];
        var output = new BlockGrid([.. chunks.Select(c => c.Sum(s => (long)s))], chunks);
        var finals = new TaskNode[output.BlockCount];
        for (int ob = 0; ob < output.BlockCount; ob++)
        {
            var index = output.BlockIndex(ob);
            var level = new List<(TaskKey Key, int[] Shape)>();
            for (int j = 0; j < grid.Counts[axis]; j++)
            {
                index[axis] = j;
                int b = grid.Flat(index);
                var shape = grid.BlockShape(b);
                if (shape[axis] == 0)
                    continue;
                var key = new TaskKey($"{name}-{ob}-0", level.Count);
                tasks.Add(new(key, new TaskNode(op, k, axis, arg ? 1 : 0, new Literal(new[] { grid.Start(axis, j) }), new Literal(shape), new ArgList([new TaskRef(x.ChunkKey(b))]))));
                level.Add((key, Selected(shape, axis, m)));
            }
            for (int depth = 1; ; depth++)
            {
                bool last = level.Count <= splitEvery;
                var next = new List<(TaskKey, int[])>();
                for (int s = 0; s < level.Count; s += splitEvery)
                {
                    var group = level.Skip(s).Take(splitEvery).ToList();
                    int[] joined = [.. group[0].Shape.Select((d, a) => a == axis ? group.Sum(g => g.Shape[axis]) : d)];
                    var node = new TaskNode(op, k, axis, arg ? (last ? 2 : 1) : 0, new Literal(new long[group.Count]), new Literal(group.SelectMany(g => g.Shape).ToArray()),
                        new ArgList([.. group.Select(g => (TaskArg)new TaskRef(g.Key))]));
                    if (last)
                    {
                        finals[ob] = node;
                        break;
                    }
                    var key = new TaskKey($"{name}-{ob}-{depth}", next.Count);
                    tasks.Add(new(key, node));
                    next.Add((key, Selected(joined, axis, m)));
                }
                if (last)
                    break;
                level = next;
            }
        }
        return new DistArray<TOut>(name, output.Shape, chunks, ob => finals[ob], [new TaskLayer(tasks, [x])]);
    }

    /// <summary>Percentiles (or the median) along <paramref name="axis"/>: the axis is gathered into one block, then each block computes them.</summary>
    public static DistArray<TOut> Percentile<T, TOut>(DistArray<T> x, double[] q, int axis, bool median, bool keepQAxis)
        where T : unmanaged
        where TOut : unmanaged
    {
        var grid = x.Grid;
        grid.RequireKnown();
        foreach (double p in q)
        {
            if (!(p >= 0 && p <= 100))
                throw new ArgumentOutOfRangeException(nameof(q), p, $"percentiles must be in the range [0, 100], got {p}");
        }
        var whole = DistArray.RechunkTo(x, [.. grid.Chunks.Select((c, a) => a == axis ? [checked((int)grid.Shape[axis])] : c)]);
        var g = whole.Grid;
        string name = $"{(median ? "median" : "percentile")}-{Tokenizer.Token("percentile", whole.Name, q, axis, median)}";
        int[][] rest = [.. g.Chunks.Where((_, a) => a != axis)];
        var restGrid = new BlockGrid([.. rest.Select(c => c.Sum(s => (long)s))], rest);
        int[][] chunks = keepQAxis ? [[q.Length], .. rest] : rest;
        TaskNode Task(int ob)
        {
            // A leading q axis is one block, so output block ob is block ob of the other axes.
            var index = restGrid.BlockIndex(ob).ToList();
            index.Insert(axis, 0);
            int b = g.Flat(index);
            return ArrayNodes.Op("array.percentile", new Literal(q), axis, new Literal(g.BlockShape(b)), median, new TaskRef(whole.ChunkKey(b)));
        }
        return new DistArray<TOut>(name, [.. chunks.Select(c => c.Sum(s => (long)s))], chunks, Task, [whole]);
    }

    private static int[] Selected(int[] shape, int axis, int m) => [.. shape.Select((d, a) => a == axis ? Math.Min(d, m) : d)];
}
