using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Builds tree reductions: every non-empty block reduces to a partial state (an
/// <c>array.reduce</c> task, which blockwise fusion merges with the elementwise chain that made
/// the block), then groups of <c>splitEvery</c> states combine, level by level, in a fixed order —
/// so the result has the same bits on every scheduler, and no task holds more than one block.
/// </summary>
internal static class Reduction
{
    public static Delayed<TOut> All<T, TOut>(DistArray<T> x, string spec, long splitEvery, string label, TOut emptyValue, bool hasIdentity)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckSplit(splitEvery);
        string name = $"{label}-{Tokenizer.Token(label, spec, x.Name, (int)splitEvery)}";
        var final = new TaskKey(name);
        var grid = x.Grid;
        var blocks = Enumerable.Range(0, grid.BlockCount).Where(b => grid.BlockSize(b) > 0).ToList();
        if (blocks.Count == 0)
        {
            if (!hasIdentity)
                throw new ArgumentException($"zero-size array to reduction operation {label} which has no identity (shape {Shapes.Text(grid.Shape)})", nameof(x));
            return Delayed.Value(emptyValue, final);
        }
        bool arg = spec.StartsWith("arg", StringComparison.Ordinal);
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var level = new List<TaskKey>(blocks.Count);
        foreach (int b in blocks)
        {
            var key = new TaskKey($"{name}-0", level.Count);
            long[] geometry = [1, grid.BlockSize(b), 1, 0, .. Locator(grid, b, arg)];
            tasks.Add(new(key, Partial<T>(spec, geometry, x.ChunkKey(b))));
            level.Add(key);
        }
        Tree<T>(tasks, level, name, final, spec, (int)Math.Min(splitEvery, int.MaxValue), scalar: true);
        return new Delayed<TOut>(final, new TaskLayer(tasks, [x]));
    }

    public static DistArray<TOut> Axis<T, TOut>(DistArray<T> x, int axis, string spec, int splitEvery, string label, TOut emptyValue, bool hasIdentity)
        where T : unmanaged, INumber<T>
        where TOut : unmanaged, INumber<TOut>
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckSplit(splitEvery);
        var grid = x.Grid;
        axis = Shapes.NormalizeAxis(axis, grid.Rank);
        if (grid.Shape[axis] == 0 && !hasIdentity && Shapes.Product(grid.Shape.Where((_, a) => a != axis).ToArray()) > 0)
            throw new ArgumentException($"zero-size array to reduction operation {label} which has no identity (shape {Shapes.Text(grid.Shape)}, axis {axis})", nameof(x));
        string name = $"{label}-{Tokenizer.Token(label, spec, x.Name, axis, splitEvery)}";
        long[] shape = [.. grid.Shape.Where((_, a) => a != axis)];
        int[][] chunks = [.. grid.Chunks.Where((_, a) => a != axis)];
        var output = new BlockGrid(shape, chunks);
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var finals = new TaskNode[output.BlockCount];
        for (int ob = 0; ob < output.BlockCount; ob++)
        {
            int m = output.BlockSize(ob);
            var outIndex = output.BlockIndex(ob);
            var level = new List<TaskKey>();
            for (int j = 0; j < grid.Counts[axis] && m > 0; j++)
            {
                if (grid.Chunks[axis][j] == 0)
                    continue;
                int[] index = [.. outIndex[..axis], j, .. outIndex[axis..]];
                int b = grid.Flat(index);
                var blockShape = grid.BlockShape(b);
                long outer = Shapes.Product(blockShape[..axis]), inner = Shapes.Product(blockShape[(axis + 1)..]);
                var key = new TaskKey($"{name}-{ob}-0", level.Count);
                tasks.Add(new(key, Partial<T>(spec, [outer, blockShape[axis], inner, grid.Start(axis, j), 0], x.ChunkKey(b))));
                level.Add(key);
            }
            if (level.Count == 0)
            {
                var empty = new TOut[m];
                Array.Fill(empty, emptyValue);
                finals[ob] = TaskNode.FromValue(empty);
                continue;
            }
            var finalKey = new TaskKey($"{name}-{ob}-final");
            Tree<T>(tasks, level, $"{name}-{ob}", finalKey, spec, splitEvery, scalar: false);
            finals[ob] = tasks[^1].Value;
            tasks.RemoveAt(tasks.Count - 1);
        }
        var layer = new TaskLayer(tasks, [x]);
        return new DistArray<TOut>(name, shape, chunks, ob => finals[ob], [layer]);
    }

    private static TaskNode Partial<T>(string spec, long[] geometry, TaskKey block) where T : unmanaged =>
        new(ArrayOperations.Get(ArrayOperations.ReduceName), spec, new Literal(geometry), new Literal(new[] { ProgramCode.In, 0, 0 }),
            new Literal(Array.Empty<T>()), new Literal(Array.Empty<long>()), new ArgList([new TaskRef(block)]));

    /// <summary>Combines <paramref name="level"/> in groups until one task, <paramref name="final"/>, finishes the result (added last).</summary>
    private static void Tree<T>(List<KeyValuePair<TaskKey, TaskNode>> tasks, List<TaskKey> level, string name, TaskKey final, string spec, int splitEvery, bool scalar)
    {
        var op = ArrayOperations.Get(ArrayOperations.CombineName);
        string dtype = DTypes.Name(DTypes.Of<T>());
        for (int depth = 1; level.Count > splitEvery; depth++)
        {
            var next = new List<TaskKey>((level.Count + splitEvery - 1) / splitEvery);
            for (int start = 0; start < level.Count; start += splitEvery)
            {
                var key = new TaskKey($"{name}-{depth}", next.Count);
                tasks.Add(new(key, new TaskNode(op, spec, dtype, false, false, ArgList.OfRefs(level.Skip(start).Take(splitEvery)))));
                next.Add(key);
            }
            level = next;
        }
        tasks.Add(new(final, new TaskNode(op, spec, dtype, true, scalar, ArgList.OfRefs(level))));
    }

    /// <summary>For a whole-array arg reduction: how to map a block-local flat index to the array's.</summary>
    private static long[] Locator(BlockGrid grid, int b, bool arg) =>
        arg ? [grid.Rank, .. grid.BlockShape(b).Select(s => (long)s), .. grid.BlockStart(b), .. grid.Shape] : [0];

    private static void CheckSplit(long splitEvery)
    {
        if (splitEvery < 2)
            throw new ArgumentOutOfRangeException(nameof(splitEvery), splitEvery, $"splitEvery must be at least 2, got {splitEvery}");
    }
}
