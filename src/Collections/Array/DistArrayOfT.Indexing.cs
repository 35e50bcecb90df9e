namespace LazyDist.Collections;

public sealed partial class DistArray<T>
{
    /// <summary>
    /// A lazy selection, one <see cref="Slice"/> per leading axis (missing trailing axes are taken
    /// whole): <c>x[10..500]</c>, <c>x[.., 3]</c>, <c>x[^1]</c>. Ranges keep the axis, indices remove
    /// it. Blocks wholly inside the selection are reused as they are; the others are cut.
    /// </summary>
    /// <exception cref="ArgumentException">More slices than axes, or two ellipses.</exception>
    /// <exception cref="NotSupportedException">More than one index array.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its axis; the message names it.</exception>
    public DistArray<T> this[params Slice[] slices] => DistArray.GetItem(this, slices);

    /// <summary>
    /// The elements where <paramref name="mask"/> (of this array's shape) holds, in row-major order
    /// (numpy's <c>x[mask]</c>): a 1-D array whose chunk sizes are known once computed
    /// (<see cref="HasUnknownChunks"/>, <see cref="ComputeChunkSizes"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The mask's shape is not this array's.</exception>
    public DistArray<T> this[DistArray<bool> mask] => MaskLayer.Create(this, mask);

    /// <summary>The blocks, each as an array of its own: <c>x.Blocks[i, j]</c> (dask's <c>x.blocks</c>).</summary>
    public BlockView<T> Blocks => new(this);
}

/// <summary>The blocks of a <see cref="DistArray{T}"/>, each as a one-block array.</summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct BlockView<T> : IEquatable<BlockView<T>>
    where T : unmanaged
{
    private readonly DistArray<T> _array;

    internal BlockView(DistArray<T> array) => _array = array;

    /// <summary>The number of blocks.</summary>
    public int Count => _array.ChunkCount;

    /// <summary>The block at <paramref name="index"/> (one block index per axis) as a one-block array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public DistArray<T> this[params int[] index]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(index);
            var grid = _array.Grid;
            if (index.Length != grid.Rank)
                throw new ArgumentOutOfRangeException(nameof(index), $"{index.Length} block indices for an array of rank {grid.Rank}");
            var slices = new Slice[grid.Rank];
            for (int axis = 0; axis < grid.Rank; axis++)
            {
                if ((uint)index[axis] >= (uint)grid.Counts[axis])
                    throw new ArgumentOutOfRangeException(nameof(index), $"block index {index[axis]} is out of range for axis {axis} with {grid.Counts[axis]} blocks");
                long start = grid.Start(axis, index[axis]);
                slices[axis] = (int)start..(int)(start + grid.Chunks[axis][index[axis]]);
            }
            return _array[slices];
        }
    }

    /// <inheritdoc/>
    public bool Equals(BlockView<T> other) => ReferenceEquals(_array, other._array);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is BlockView<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _array.GetHashCode();

    /// <summary>Whether both views are of the same array.</summary>
    public static bool operator ==(BlockView<T> left, BlockView<T> right) => left.Equals(right);

    /// <summary>Whether the views are of different arrays.</summary>
    public static bool operator !=(BlockView<T> left, BlockView<T> right) => !left.Equals(right);
}
