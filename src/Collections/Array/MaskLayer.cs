using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Boolean-mask selection, numpy's <c>x[mask]</c> for a mask of <c>x</c>'s shape: both are flattened
/// in row-major order (rechunked to whole rows where needed) and each block keeps the elements its
/// mask holds, so the result is 1-D with one block per flattened block, whose sizes are known only
/// once computed (dask's NaN chunks; see <see cref="DistArray{T}.ComputeChunkSizes"/>).
/// </summary>
internal static class MaskLayer
{
    /// <exception cref="ArgumentException">The mask's shape is not the array's (numpy's IndexError message).</exception>
    public static DistArray<T> Create<T>(DistArray<T> x, DistArray<bool> mask) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(mask);
        x.Grid.RequireKnown();
        mask.Grid.RequireKnown();
        if (!x.Grid.Shape.AsSpan().SequenceEqual(mask.Grid.Shape))
        {
            int axis = Enumerable.Range(0, Math.Min(x.Rank, mask.Rank)).FirstOrDefault(a => x.Grid.Shape[a] != mask.Grid.Shape[a]);
            throw new ArgumentException(x.Rank == mask.Rank
                ? $"boolean index did not match indexed array along dimension {axis}; dimension is {x.Grid.Shape[axis]} but corresponding boolean dimension is {mask.Grid.Shape[axis]}"
                : $"a boolean mask of shape {Shapes.Text(mask.Grid.Shape)} for an array of shape {Shapes.Text(x.Grid.Shape)}: the shapes must be equal", nameof(mask));
        }
        var values = x.Rank == 1 ? x : x.Ravel();
        var flags = DistArray.RechunkTo(mask.Rank == 1 ? mask : mask.Ravel(), values.Grid.Chunks);
        int blocks = values.ChunkCount;
        string name = $"getitem-mask-{Tokenizer.Token("mask", values.Name, flags.Name)}";
        return new DistArray<T>(name, [-1], [[.. Enumerable.Repeat(-1, blocks)]],
            b => ArrayNodes.Op("array.compress", new TaskRef(values.ChunkKey(b)), new TaskRef(flags.ChunkKey(b))), [values, flags]);
    }
}
