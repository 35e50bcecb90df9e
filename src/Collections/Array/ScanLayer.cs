using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Cumulative sums and products along an axis as dask builds them: each block is scanned on its
/// own (an <c>array.scan</c> task, fused with the program that made the block); the last slice of
/// each block's scan is carried along the axis (<c>carry_j = carry_{j−1} ⊕ last_{j−1}</c>, small
/// tasks); block <c>j</c> of the result is its scan ⊕ <c>carry_j</c> repeated along the axis (a block
/// program, which fuses into whatever reads it). The first block along the axis is its scan.
/// </summary>
internal static class ScanLayer
{
    public static DistArray<TOut> Create<T, TOut>(DistArray<T> x, int axis, bool product)
        where T : unmanaged
        where TOut : unmanaged
    {
        var grid = x.Grid;
        grid.RequireKnown();
        DType input = DTypes.Of<T>(), output = DTypes.Of<TOut>();
        var op = product ? BlockOp.Multiply : BlockOp.Add;
        var load = BlockProgram.Load(input);
        if (input != output)
            load = load.Then(new Instruction(BlockOp.Cast, input, 0, (int)output));
        string name = $"cum{(product ? "prod" : "sum")}-{Tokenizer.Token("scan", x.Name, axis, product, DTypes.Name(output))}";
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        var scanned = new TaskKey[grid.BlockCount];
        var finals = new TaskNode[grid.BlockCount];
        var views = new TaskKey?[grid.BlockCount];
        for (int b = 0; b < grid.BlockCount; b++)
        {
            var shape = grid.BlockShape(b);
            scanned[b] = new TaskKey($"{name}-scan", b);
            tasks.Add(new(scanned[b], new ScanTask(product, Geometry(shape, axis), load, [new TaskRef(x.ChunkKey(b))]).ToNode()));
        }
        var columns = Enumerable.Range(0, grid.BlockCount).GroupBy(b => Column(grid, b, axis));
        foreach (var column in columns)
        {
            TaskKey? carry = null;
            foreach (int b in column.OrderBy(b => grid.BlockIndex(b)[axis]))
            {
                var shape = grid.BlockShape(b);
                if (carry is null)
                    views[b] = scanned[b];
                else
                {
                    var g = Geometry(shape, axis);
                    var program = new BlockProgram([new(BlockOp.Input, output, 0), new(BlockOp.InputAlong, output, 1, 0), new(op, output)], [g[1], g[2]]);
                    finals[b] = new MapTask(program, grid.BlockSize(b), [new TaskRef(scanned[b]), new TaskRef(carry.Value)]).ToNode();
                }
                if (shape[axis] == 0)
                    continue;
                var last = new TaskKey($"{name}-last", b);
                int[] start = [.. shape.Select((_, a) => a == axis ? shape[a] - 1 : 0)], count = [.. shape.Select((s, a) => a == axis ? 1 : s)];
                tasks.Add(new(last, ArrayNodes.Op("array.strided", new TaskRef(scanned[b]), new Literal(shape), new Literal(start), new Literal(Enumerable.Repeat(1, shape.Length).ToArray()), new Literal(count))));
                if (carry is null)
                    carry = last;
                else
                {
                    var next = new TaskKey($"{name}-carry", b);
                    var add = new BlockProgram([new(BlockOp.Input, output, 0), new(BlockOp.Input, output, 1), new(op, output)], []);
                    tasks.Add(new(next, new MapTask(add, count.Aggregate(1, (p, s) => p * s), [new TaskRef(carry.Value), new TaskRef(last)]).ToNode()));
                    carry = next;
                }
            }
        }
        return new DistArray<TOut>(name, grid.Shape, grid.Chunks, b => finals[b], [new TaskLayer(tasks, [x])], b => views[b]);
    }

    /// <summary>The block as outer × R × inner around <paramref name="axis"/>.</summary>
    private static long[] Geometry(int[] shape, int axis) =>
        [shape[..axis].Aggregate(1L, (p, s) => p * s), shape[axis], shape[(axis + 1)..].Aggregate(1L, (p, s) => p * s)];

    /// <summary>The blocks along one line of the axis share the other axes' block indices.</summary>
    private static string Column(BlockGrid grid, int b, int axis) =>
        string.Join(",", grid.BlockIndex(b).Select((i, a) => a == axis ? -1 : i));
}
