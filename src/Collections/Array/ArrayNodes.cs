using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>Builds the tasks of array layers: block programs, and views that reuse another array's blocks.</summary>
internal static class ArrayNodes
{
    public static TaskNode Map<T>(int[] codes, T[] consts, long[] seeds, int length, params IEnumerable<TaskArg> inputs) =>
        new(ArrayOperations.Get(ArrayOperations.MapName), new Literal(codes), new Literal(consts), new Literal(seeds), length, new ArgList(inputs));

    public static TaskNode Op(string name, params TaskArg[] args) => new(ArrayOperations.Get(name), args);

    /// <summary>An array whose every block comes from a block program with no inputs.</summary>
    public static DistArray<T> Source<T>(string kind, long[] shape, ChunkSpec chunks, T[] consts, Func<int, long[]> seeds, int code, object? identity)
        where T : unmanaged, INumber<T>
    {
        Shapes.Validate(shape);
        var normalized = chunks.Normalize(shape);
        string name = $"{kind}-{Tokenizer.Token(kind, shape, Flatten(normalized), consts, identity)}";
        var grid = new BlockGrid(shape, normalized);
        int[] codes = [code, 0, 0];
        return new DistArray<T>(name, shape, normalized, b => Map(codes, consts, seeds(b), grid.BlockSize(b)), []);
    }

    /// <summary>A new array with the same geometry as the first input, each block a program over the aligned blocks of <paramref name="inputs"/>.</summary>
    public static DistArray<T> Elementwise<T>(string kind, IReadOnlyList<DistArray<T>> inputs, int[] codes, T[] consts)
        where T : unmanaged, INumber<T>
    {
        var first = inputs[0];
        string name = $"{kind}-{Tokenizer.Token(kind, inputs.Select(i => (object?)i.Name).ToArray(), codes, consts)}";
        return new DistArray<T>(name, first.Grid.Shape, first.Grid.Chunks,
            b => Map(codes, consts, [], first.ChunkLength(b), inputs.Select(i => (TaskArg)new TaskRef(i.ChunkKey(b)))), [.. inputs]);
    }

    public static object?[] Flatten(int[][] chunks) => [.. chunks.Select(c => (object?)c)];

    public static int[] Ints(IReadOnlyList<long> values) => [.. values.Select(v => checked((int)v))];
}
