using System.Numerics;

namespace LazyDist.Collections;

public static partial class DistArray
{
    internal static DistArray<T> GetItem<T>(DistArray<T> array, Slice[] slices) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(slices);
        var grid = array.Grid;
        if (slices.Length > grid.Rank)
            throw new ArgumentException($"too many indices for array: array is {grid.Rank}-dimensional, but {slices.Length} were indexed", nameof(slices));
        var origin = new long[grid.Rank];
        var chunks = new int[grid.Rank][];
        var keep = new bool[grid.Rank];
        for (int axis = 0; axis < grid.Rank; axis++)
        {
            Slice slice = axis < slices.Length ? slices[axis] : Range.All;
            var (start, count) = slice.Resolve(grid.Shape[axis], axis);
            origin[axis] = start;
            keep[axis] = !slice.IsIndex;
            var sizes = new List<int>();
            for (int i = 0; i < grid.Counts[axis]; i++)
            {
                long s = Math.Max(start, grid.Start(axis, i)), e = Math.Min(start + count, grid.Start(axis, i) + grid.Chunks[axis][i]);
                if (e > s)
                    sizes.Add((int)(e - s));
            }
            chunks[axis] = sizes.Count == 0 ? [0] : [.. sizes];
        }
        return BoxLayer.Create(array, "getitem", origin, chunks, keep);
    }
}
