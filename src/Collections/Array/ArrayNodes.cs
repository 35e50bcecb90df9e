using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>Builds the tasks of array layers: block programs, and views that reuse another array's blocks.</summary>
internal static class ArrayNodes
{
    public static TaskNode Op(string name, params TaskArg[] args) => new(ArrayOperations.Get(name), args);

    /// <summary>An array whose every block comes from a program with no inputs; <paramref name="program"/> makes block <c>b</c>'s.</summary>
    public static DistArray<T> Source<T>(string kind, long[] shape, ChunkSpec chunks, Func<BlockGrid, int, BlockProgram> program, object? identity)
        where T : unmanaged
    {
        Shapes.Validate(shape);
        var normalized = chunks.Normalize(shape);
        var grid = new BlockGrid(shape, normalized);
        var sample = grid.BlockCount > 0 ? program(grid, 0) : null;
        string name = $"{kind}-{Tokenizer.Token(kind, shape, Flatten(normalized), sample?.EncodeCode(), sample?.Constants, identity, DTypes.Name(DTypes.Of<T>()))}";
        return new DistArray<T>(name, shape, normalized, b => new MapTask(program(grid, b), grid.BlockSize(b), []).ToNode(), []);
    }

    /// <summary>
    /// A new array with the geometry of the first input, each block <paramref name="program"/> over
    /// the aligned blocks of <paramref name="inputs"/> (input <c>i</c> of the program is block <c>b</c> of <c>inputs[i]</c>).
    /// </summary>
    public static DistArray<TResult> Elementwise<TResult>(string kind, IReadOnlyList<IArray> inputs, BlockProgram program)
        where TResult : unmanaged
    {
        var first = inputs[0];
        string name = $"{kind}-{Tokenizer.Token(kind, inputs.Select(i => (object?)i.Name).ToArray(), program.EncodeCode(), program.Constants)}";
        return new DistArray<TResult>(name, first.Grid.Shape, first.Grid.Chunks,
            b => new MapTask(program, first.Grid.BlockSize(b), [.. inputs.Select(i => (TaskArg)new TaskRef(i.ChunkKey(b)))]).ToNode(), [.. inputs]);
    }

    /// <summary>Like <see cref="Elementwise{TResult}"/>, with a program of each block's own (one that uses the block's place, through <see cref="BlockOp.Position"/>).</summary>
    public static DistArray<TResult> ElementwiseBlocks<TResult>(string kind, IReadOnlyList<IArray> inputs, Func<int, BlockProgram> program, object? identity)
        where TResult : unmanaged
    {
        var first = inputs[0];
        string name = $"{kind}-{Tokenizer.Token(kind, inputs.Select(i => (object?)i.Name).ToArray(), identity, first.Grid.BlockCount > 0 ? program(0).EncodeCode() : null)}";
        return new DistArray<TResult>(name, first.Grid.Shape, first.Grid.Chunks,
            b => new MapTask(program(b), first.Grid.BlockSize(b), [.. inputs.Select(i => (TaskArg)new TaskRef(i.ChunkKey(b)))]).ToNode(), [.. inputs]);
    }

    /// <summary>The constants of a <see cref="BlockOp.Position"/> along <paramref name="axis"/> in block <paramref name="b"/>: its start, stride and extent.</summary>
    public static long[] PositionOf(BlockGrid grid, int b, int axis)
    {
        var shape = grid.BlockShape(b);
        long stride = 1;
        for (int d = axis + 1; d < shape.Length; d++)
            stride *= shape[d];
        return [grid.BlockStart(b)[axis], Math.Max(stride, 1), Math.Max(shape[axis], 1)];
    }

    public static object?[] Flatten(int[][] chunks) => [.. chunks.Select(c => (object?)c)];

    public static int[] Ints(IReadOnlyList<long> values) => [.. values.Select(v => checked((int)v))];
}
