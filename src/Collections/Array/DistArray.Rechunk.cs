
namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// The same array cut into <paramref name="chunks"/> (dask's <c>rechunk</c>): blocks that do
    /// not change are reused as they are; each new block is assembled from the old blocks it overlaps.
    /// </summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape; the message names both.</exception>
    public static DistArray<T> Rechunk<T>(this DistArray<T> array, ChunkSpec chunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        array.Grid.RequireKnown();
        return RechunkTo(array, chunks.Normalize(array.Grid.Shape));
    }

    internal static DistArray<T> RechunkTo<T>(DistArray<T> array, int[][] chunks) where T : unmanaged => (DistArray<T>)RechunkTo((IArray)array, chunks);

    internal static IArray RechunkTo(IArray array, int[][] chunks)
    {
        if (BlockGrid.SameChunks(array.Grid.Chunks, chunks))
            return array;
        return BoxLayer.Create(array, "rechunk", new long[array.Grid.Rank], chunks, [.. Enumerable.Repeat(true, array.Grid.Rank)]);
    }
}
