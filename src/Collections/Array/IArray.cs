using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>A <see cref="DistArray{T}"/> seen without its element type: what graph builders need of an input.</summary>
internal interface IArray : IGraphSource
{
    string Name { get; }

    DType DType { get; }

    BlockGrid Grid { get; }

    /// <summary>The key of block <paramref name="index"/> (row-major over the grid of blocks).</summary>
    TaskKey ChunkKey(int index);
}
