using LazyDist.Collections.Kernels;
using LazyDist.Collections.Kernels.Reductions;
using LazyDist.Graph;

namespace LazyDist.Collections;

// Errors name the user's argument of the public method that called here.
#pragma warning disable CA2208

/// <summary>
/// Builds tree reductions: every non-empty block reduces to a partial state (an
/// <c>array.reduce</c> task, which blockwise fusion merges with the elementwise chain that made
/// the block), then groups of <c>splitEvery</c> states combine, level by level, in a fixed order —
/// so the result has the same bits on every scheduler, and no task holds more than one block.
/// </summary>
internal static class Reduction
{
    /// <summary>The reduction of every element, as one value.</summary>
    /// <exception cref="ArgumentException">The array is empty and the reduction has no identity (numpy's message).</exception>
    /// <param name="x">The array reduced.</param>
    /// <param name="spec">Which reduction, along which axes.</param>
    /// <param name="splitEvery">How many partial states a task combines.</param>
    /// <param name="program">What is reduced, over the block as input 0 (the block itself by default).</param>
    public static Delayed<TOut> All<TOut>(IArray x, ReducerSpec spec, long splitEvery, BlockProgram? program = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckSplit(splitEvery);
        program ??= BlockProgram.Load(x.DType);
        var input = program.OutputType;
        var output = DTypes.Of<TOut>();
        string name = $"{spec.Kind.ToString().ToLowerInvariant()}-{Tokenizer.Token("reduce", spec.ToString(), x.Name, (int)splitEvery, DTypes.Name(output), program.EncodeCode())}";
        var final = new TaskKey(name);
        var grid = x.Grid;
        var blocks = Enumerable.Range(0, grid.BlockCount).Where(b => grid.BlockSize(b) != 0).ToList();
        if (blocks.Count == 0)
        {
            CheckIdentity(spec, grid, "");
            return Delayed.Value((TOut)Empty(spec, input, output, 1, scalar: true), final);
        }
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var level = new List<TaskKey>(blocks.Count);
        var all = Enumerable.Repeat(true, grid.Rank).ToArray();
        foreach (int b in blocks)
        {
            var key = new TaskKey($"{name}-0", level.Count);
            long[]? locator = spec.IsArg ? [.. grid.BlockShape(b).Select(s => (long)s), .. grid.BlockStart(b), .. grid.Shape] : null;
            var geometry = ReduceGeometry.For(grid.BlockShape(b), all, 0, locator);
            tasks.Add(new(key, Partial(x, spec, geometry, b, program)));
            level.Add(key);
        }
        Tree(tasks, level, name, final, spec, input, output, (int)Math.Min(splitEvery, int.MaxValue), scalar: true);
        return new Delayed<TOut>(final, new TaskLayer(tasks, [x]));
    }

    /// <summary>The reduction along <paramref name="axes"/> (normalized, distinct): an array without them, or with them of length 1 when <paramref name="keepDims"/>.</summary>
    /// <exception cref="ArgumentException">A reduced axis is empty and the reduction has no identity.</exception>
    public static DistArray<TOut> Axes<TOut>(IArray x, ReducerSpec spec, int[] axes, bool keepDims, int splitEvery, BlockProgram? program = null)
        where TOut : unmanaged
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckSplit(splitEvery);
        program ??= BlockProgram.Load(x.DType);
        var input = program.OutputType;
        if (spec.IsArg && axes.Length != 1)
            throw new ArgumentException($"{spec.Name} takes one axis, not ({string.Join(", ", axes)})", "axis");
        var outputType = DTypes.Of<TOut>();
        var grid = x.Grid;
        grid.RequireKnown();
        var reduced = new bool[grid.Rank];
        foreach (int a in axes)
            reduced[a] = true;
        if (axes.Any(a => grid.Shape[a] == 0))
            CheckIdentity(spec, grid, $", axis {string.Join(", ", axes)}");
        string name = $"{spec.Kind.ToString().ToLowerInvariant()}-{Tokenizer.Token("reduce-axes", spec.ToString(), x.Name, axes, keepDims, splitEvery, DTypes.Name(outputType), program.EncodeCode())}";
        var keptAxes = Enumerable.Range(0, grid.Rank).Where(a => !reduced[a]).ToArray();
        var reducedAxes = Enumerable.Range(0, grid.Rank).Where(a => reduced[a]).ToArray();
        var output = new BlockGrid([.. keptAxes.Select(a => grid.Shape[a])], [.. keptAxes.Select(a => grid.Chunks[a])]);
        var reducedGrid = new BlockGrid([.. reducedAxes.Select(a => grid.Shape[a])], [.. reducedAxes.Select(a => grid.Chunks[a])]);
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var finals = new TaskNode[output.BlockCount];
        for (int ob = 0; ob < output.BlockCount; ob++)
        {
            int m = output.BlockSize(ob);
            var outIndex = output.BlockIndex(ob);
            var level = new List<TaskKey>();
            for (int rb = 0; rb < reducedGrid.BlockCount && m > 0; rb++)
            {
                var rIndex = reducedGrid.BlockIndex(rb);
                var index = new int[grid.Rank];
                for (int k = 0; k < keptAxes.Length; k++)
                    index[keptAxes[k]] = outIndex[k];
                for (int k = 0; k < reducedAxes.Length; k++)
                    index[reducedAxes[k]] = rIndex[k];
                int b = grid.Flat(index);
                if (grid.BlockSize(b) == 0)
                    continue;
                long offset = reducedAxes.Length == 1 ? grid.BlockStart(b)[reducedAxes[0]] : 0;
                var key = new TaskKey($"{name}-{ob}-0", level.Count);
                tasks.Add(new(key, Partial(x, spec, ReduceGeometry.For(grid.BlockShape(b), reduced, offset), b, program)));
                level.Add(key);
            }
            if (level.Count == 0)
            {
                finals[ob] = TaskNode.FromValue(Empty(spec, input, outputType, m, scalar: false));
                continue;
            }
            Tree(tasks, level, $"{name}-{ob}", new TaskKey($"{name}-{ob}-final"), spec, input, outputType, splitEvery, scalar: false);
            finals[ob] = tasks[^1].Value;
            tasks.RemoveAt(tasks.Count - 1);
        }
        var result = new DistArray<TOut>(name, output.Shape, output.Chunks, ob => finals[ob], [new TaskLayer(tasks, [x])]);
        if (!keepDims)
            return result;
        long[] shape = [.. Enumerable.Range(0, grid.Rank).Select(a => reduced[a] ? 1L : grid.Shape[a])];
        int[][] chunks = [.. Enumerable.Range(0, grid.Rank).Select(a => reduced[a] ? [1] : grid.Chunks[a])];
        return Broadcasting.View(result, shape, chunks);
    }

    private static TaskNode Partial(IArray x, ReducerSpec spec, ReduceGeometry geometry, int block, BlockProgram program) =>
        new ReduceTask(spec, geometry, program, [new TaskRef(x.ChunkKey(block))]).ToNode();

    /// <summary>The result of reducing nothing, per slot.</summary>
    private static object Empty(ReducerSpec spec, DType input, DType output, int slots, bool scalar)
    {
        var runner = Reducers.For(spec.Kind, input);
        return CombineTask.Result(runner.Finish(runner.Identity(slots), spec, scalar: false), spec.ResultType(input), output, scalar);
    }

    /// <summary>Combines <paramref name="level"/> in groups until one task, <paramref name="final"/>, finishes the result (added last).</summary>
    private static void Tree(List<KeyValuePair<TaskKey, TaskNode>> tasks, List<TaskKey> level, string name, TaskKey final, ReducerSpec spec, DType input, DType output, int splitEvery, bool scalar)
    {
        for (int depth = 1; level.Count > splitEvery; depth++)
        {
            var next = new List<TaskKey>((level.Count + splitEvery - 1) / splitEvery);
            for (int start = 0; start < level.Count; start += splitEvery)
            {
                var key = new TaskKey($"{name}-{depth}", next.Count);
                tasks.Add(new(key, new CombineTask(spec, input, output, false, false, [.. level.Skip(start).Take(splitEvery).Select(k => (TaskArg)new TaskRef(k))]).ToNode()));
                next.Add(key);
            }
            level = next;
        }
        tasks.Add(new(final, new CombineTask(spec, input, output, true, scalar, [.. level.Select(k => (TaskArg)new TaskRef(k))]).ToNode()));
    }

    private static void CheckIdentity(ReducerSpec spec, BlockGrid grid, string axes)
    {
        if (spec.IsArg)
            throw new ArgumentException($"attempt to get {spec.Name} of an empty sequence (shape {Shapes.Text(grid.Shape)}{axes})", "array");
        if (!spec.HasIdentity)
            throw new ArgumentException($"zero-size array to reduction operation {spec.Name} which has no identity (shape {Shapes.Text(grid.Shape)}{axes})", "array");
    }

    private static void CheckSplit(long splitEvery)
    {
        if (splitEvery < 2)
            throw new ArgumentOutOfRangeException(nameof(splitEvery), splitEvery, $"splitEvery must be at least 2, got {splitEvery}");
    }
}
