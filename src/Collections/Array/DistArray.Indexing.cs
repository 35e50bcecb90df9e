using LazyDist.Collections.Kernels;

namespace LazyDist.Collections;

/// <remarks>
/// numpy's basic and integer-array indexing: <c>x[...]</c> with ranges, stepped slices, indices,
/// one index array, <see cref="Slice.NewAxis"/> and <see cref="Slice.Ellipsis"/>. Each output
/// block comes from one input block (along every sliced axis), so unchanged blocks are reused by
/// key and the others are cut, stepped or reversed from one block each.
/// </remarks>
public static partial class DistArray
{
    internal static DistArray<T> GetItem<T>(DistArray<T> array, Slice[] slices) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(slices);
        var grid = array.Grid;
        grid.RequireKnown();
        int consuming = slices.Count(s => s.Kind is not (SliceKind.NewAxis or SliceKind.Ellipsis));
        if (consuming > grid.Rank)
            throw new ArgumentException($"too many indices for array: array is {grid.Rank}-dimensional, but {consuming} were indexed", nameof(slices));
        if (slices.Count(s => s.Kind == SliceKind.Ellipsis) > 1)
            throw new ArgumentException("an index can only have a single ellipsis ('...')", nameof(slices));
        if (slices.Count(s => s.Kind == SliceKind.Indices) > 1)
            throw new NotSupportedException("one index array per selection: pick along one axis, then along the next");
        var expanded = new List<Slice>();
        foreach (var slice in slices)
        {
            if (slice.Kind == SliceKind.Ellipsis)
                expanded.AddRange(Enumerable.Repeat<Slice>(Range.All, grid.Rank - consuming));
            else
                expanded.Add(slice);
        }
        while (expanded.Count(s => s.Kind != SliceKind.NewAxis) < grid.Rank)
            expanded.Add(Range.All);

        var start = new long[grid.Rank];
        var step = new long[grid.Rank];
        var count = new long[grid.Rank];
        var keep = new bool[grid.Rank];
        var newAxes = new List<int>();
        (int Axis, long[] Indices)? take = null;
        int axis = 0, outAxis = 0;
        foreach (var slice in expanded)
        {
            if (slice.Kind == SliceKind.NewAxis)
            {
                newAxes.Add(outAxis++);
                continue;
            }
            if (slice.Kind == SliceKind.Indices)
            {
                take = (outAxis - newAxes.Count, slice.ResolveIndices(grid.Shape[axis], axis));
                (start[axis], step[axis], count[axis]) = (0, 1, grid.Shape[axis]);
            }
            else
            {
                (start[axis], step[axis], count[axis]) = slice.Resolve(grid.Shape[axis], axis);
            }
            keep[axis] = !slice.IsIndex;
            if (keep[axis])
                outAxis++;
            axis++;
        }
        var selected = step.All(s => s == 1) ? BoxLayer.Create(array, "getitem", start, Cut(grid, start, count), keep) : StridedLayer.Create(array, start, step, count, keep);
        if (take is { } t)
            selected = Take(selected, t.Indices, t.Axis);
        return newAxes.Count == 0 ? selected : InsertAxes(selected, newAxes);
    }

    /// <summary>
    /// The elements at <paramref name="indices"/> along <paramref name="axis"/>, in that order (numpy's
    /// <c>take</c>, and <c>x[.., indices]</c>); negative indices count from the end. Output blocks hold
    /// as many indices as the axis's first block holds elements, each gathered from the input blocks
    /// its indices fall in.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis or an index is out of range; the message names it.</exception>
    public static DistArray<T> Take<T>(this DistArray<T> array, IReadOnlyList<long> indices, int axis = 0) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(indices);
        var grid = GridOf(array);
        axis = Shapes.NormalizeAxis(axis, grid.Rank);
        grid.RequireKnown();
        return TakeLayer.Create(array, [.. indices.Select(i => i < -grid.Shape[axis] || i >= grid.Shape[axis]
            ? throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} is out of bounds for axis {axis} with size {grid.Shape[axis]}")
            : i < 0 ? i + grid.Shape[axis] : i)], axis);
    }

    private static DistArray<T> Take<T>(DistArray<T> array, long[] indices, int axis) where T : unmanaged => TakeLayer.Create(array, indices, axis);

    /// <summary>Per axis, the sizes of the selection's overlaps with the blocks (so each output block lies in one input block).</summary>
    private static int[][] Cut(BlockGrid grid, long[] start, long[] count)
    {
        var chunks = new int[grid.Rank][];
        for (int axis = 0; axis < grid.Rank; axis++)
        {
            var sizes = new List<int>();
            for (int i = 0; i < grid.Counts[axis]; i++)
            {
                long s = Math.Max(start[axis], grid.Start(axis, i)), e = Math.Min(start[axis] + count[axis], grid.Start(axis, i) + grid.Chunks[axis][i]);
                if (e > s)
                    sizes.Add((int)(e - s));
            }
            chunks[axis] = sizes.Count == 0 ? [0] : [.. sizes];
        }
        return chunks;
    }

    /// <summary>The array with axes of length 1 inserted at the given positions of the result (a view).</summary>
    private static DistArray<T> InsertAxes<T>(DistArray<T> array, List<int> positions) where T : unmanaged
    {
        var shape = array.Grid.Shape.ToList();
        var chunks = array.Grid.Chunks.ToList();
        foreach (int p in positions)
        {
            shape.Insert(p, 1);
            chunks.Insert(p, [1]);
        }
        return Broadcasting.View(array, [.. shape], [.. chunks]);
    }
}
