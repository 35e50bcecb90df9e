using System.Numerics;
using LazyDist.Graph;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// <paramref name="mapper"/> applied to every block (dask's <c>map_blocks</c>): it receives the
    /// block as a dense array and returns a block of the same shape. The delegate runs on local
    /// schedulers (it is not a built-in operation).
    /// </summary>
    /// <exception cref="TaskFailedException">At compute time: a returned block has the wrong shape.</exception>
    public static DistArray<TResult> MapBlocks<T, TResult>(this DistArray<T> array, Func<DenseArray<T>, DenseArray<TResult>> mapper)
        where T : unmanaged
        where TResult : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(mapper);
        var grid = array.Grid;
        var kernel = MapBlocksKernel(mapper);
        var op = OpRef.FromDelegate(kernel, Invokers.Create(kernel), $"map-blocks({OpRef.DisplayName(mapper.Method)})");
        string name = $"map-blocks-{Tokenizer.Token("map-blocks", array.Name, mapper)}";
        return new DistArray<TResult>(name, [.. grid.Shape], grid.Chunks,
            b => new TaskNode(op, new TaskRef(array.ChunkKey(b)), new Literal(grid.BlockShape(b))), [array]);
    }

    // Made apart from the graph-building code so that the closure, which travels, captures only the mapper.
    private static Func<T[], int[], TResult[]> MapBlocksKernel<T, TResult>(Func<DenseArray<T>, DenseArray<TResult>> mapper)
        where T : unmanaged
        where TResult : unmanaged => (block, shape) =>
    {
        var result = mapper(new DenseArray<T>(shape, block));
        if (!result.Shape.SequenceEqual(shape))
            throw new InvalidOperationException($"MapBlocks: the function returned a block of shape {Shapes.Text(result.Shape)} for a block of shape {Shapes.Text(shape)}");
        return result.Data;
    };
}
