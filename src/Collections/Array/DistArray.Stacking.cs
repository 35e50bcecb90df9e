using LazyDist.Graph;

namespace LazyDist.Collections;

/// <remarks>Arrays split, stacked, repeated, tiled and padded (numpy's names and rules); blocks are reused by key wherever they do not change.</remarks>
public static partial class DistArray
{
    /// <summary>The array cut into <paramref name="sections"/> equal parts along <paramref name="axis"/>, as numpy's <c>split</c>.</summary>
    /// <exception cref="ArgumentException">The axis's length is not a multiple of <paramref name="sections"/> (numpy's message).</exception>
    public static DistArray<T>[] Split<T>(this DistArray<T> array, int sections, int axis = 0) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sections);
        axis = Shapes.NormalizeAxis(axis, grid.Rank);
        if (grid.Shape[axis] % sections != 0)
            throw new ArgumentException($"array split does not result in an equal division: {grid.Shape[axis]} into {sections}", nameof(sections));
        long part = grid.Shape[axis] / sections;
        return array.Split([.. Enumerable.Range(1, sections - 1).Select(i => i * part)], axis);
    }

    /// <summary>The array cut along <paramref name="axis"/> before each of <paramref name="indices"/> (sorted positions), as numpy's <c>split</c>.</summary>
    public static DistArray<T>[] Split<T>(this DistArray<T> array, long[] indices, int axis = 0) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        ArgumentNullException.ThrowIfNull(indices);
        axis = Shapes.NormalizeAxis(axis, grid.Rank);
        long n = grid.Shape[axis];
        long[] cuts = [0, .. indices.Select(i => Math.Clamp(i, 0, n)), n];
        int a = axis;
        return [.. cuts.Zip(cuts.Skip(1)).Select(p => array[[.. Enumerable.Range(0, grid.Rank).Select(d => d == a ? (Slice)((int)p.First..(int)Math.Max(p.First, p.Second)) : (Slice)Range.All)]])];
    }

    /// <summary>The arrays joined along their second axis (their first when 1-D), as numpy's <c>hstack</c>.</summary>
    /// <exception cref="ArgumentException">No arrays, or shapes that differ off the axis.</exception>
    public static DistArray<T> HStack<T>(IReadOnlyList<DistArray<T>> arrays) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(arrays);
        return Concatenate(arrays, arrays.Count > 0 && arrays[0].Rank == 1 ? 0 : 1);
    }

    /// <summary>The arrays joined along their first axis, 1-D ones as rows, as numpy's <c>vstack</c>.</summary>
    /// <exception cref="ArgumentException">No arrays, or shapes that differ off the axis.</exception>
    public static DistArray<T> VStack<T>(IReadOnlyList<DistArray<T>> arrays) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(arrays);
        return Concatenate([.. arrays.Select(a => a.Rank == 1 ? a.ExpandDims(0) : a)], 0);
    }

    /// <summary>
    /// Each element repeated <paramref name="repeats"/> times along <paramref name="axis"/> (of the flattened
    /// array when null), as numpy's <c>repeat</c>: each block repeats its own elements.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="repeats"/> is negative, or the axis is out of range.</exception>
    public static DistArray<T> Repeat<T>(this DistArray<T> array, int repeats, int? axis = null) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        ArgumentOutOfRangeException.ThrowIfNegative(repeats);
        if (axis is null)
            return array.Ravel().Repeat(repeats, 0);
        int a = Shapes.NormalizeAxis(axis.Value, grid.Rank);
        int[][] chunks = [.. grid.Chunks.Select((c, d) => d == a ? c.Select(s => checked(s * repeats)).ToArray() : c)];
        string name = $"repeat-{Tokenizer.Token("repeat", array.Name, repeats, a)}";
        return new DistArray<T>(name, [.. chunks.Select(c => c.Sum(s => (long)s))], chunks,
            b => ArrayNodes.Op("array.repeat", new TaskRef(array.ChunkKey(b)), new Literal(grid.BlockShape(b)), a, repeats), [array]);
    }

    /// <summary>
    /// The array repeated <paramref name="reps"/> times along each axis, as numpy's <c>tile</c> (more
    /// repetitions than axes add leading axes): the copies are the same blocks, reused by key.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A repetition count is negative.</exception>
    public static DistArray<T> Tile<T>(this DistArray<T> array, params int[] reps) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        ArgumentNullException.ThrowIfNull(reps);
        var result = array;
        while (result.Rank < reps.Length)
            result = result.ExpandDims(0);
        int[] all = [.. Enumerable.Repeat(1, result.Rank - reps.Length), .. reps];
        for (int axis = 0; axis < all.Length; axis++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(all[axis], nameof(reps));
            if (all[axis] == 1)
                continue;
            result = all[axis] == 0
                ? result[[.. Enumerable.Range(0, result.Rank).Select(d => d == axis ? (Slice)(0..0) : (Slice)Range.All)]]
                : Concatenate(Enumerable.Repeat(result, all[axis]).ToArray(), axis);
        }
        return result;
    }

    /// <summary>
    /// The array padded with <paramref name="before"/>/<paramref name="after"/> elements per axis, as numpy's
    /// <c>pad</c>: mode <c>"constant"</c> (<paramref name="value"/>), <c>"edge"</c>, <c>"wrap"</c>,
    /// <c>"reflect"</c> or <c>"symmetric"</c> (the last three at most one axis length wide).
    /// </summary>
    /// <exception cref="ArgumentException">The widths do not have one entry per axis, or an unknown mode.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A width is negative, or too wide for its mode.</exception>
    public static DistArray<T> Pad<T>(this DistArray<T> array, long[] before, long[] after, string mode = "constant", T value = default) where T : unmanaged
    {
        var grid = GridOf(array);
        grid.RequireKnown();
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Length != grid.Rank || after.Length != grid.Rank)
            throw new ArgumentException($"pad widths need one entry per axis of shape {Shapes.Text(grid.Shape)}", nameof(before));
        if (mode is not ("constant" or "edge" or "wrap" or "reflect" or "symmetric"))
            throw new ArgumentException($"mode '{mode}' is not supported: constant, edge, wrap, reflect or symmetric", nameof(mode));
        var result = array;
        for (int axis = 0; axis < grid.Rank; axis++)
        {
            if (before[axis] < 0 || after[axis] < 0)
                throw new ArgumentOutOfRangeException(nameof(before), $"pad widths must be non-negative, got ({before[axis]}, {after[axis]}) for axis {axis}");
            if (before[axis] == 0 && after[axis] == 0)
                continue;
            var parts = new List<DistArray<T>>();
            if (before[axis] > 0)
                parts.Add(Side(result, axis, before[axis], mode, value, head: true));
            parts.Add(result);
            if (after[axis] > 0)
                parts.Add(Side(result, axis, after[axis], mode, value, head: false));
            result = Concatenate(parts, axis);
        }
        return result;
    }

    /// <summary>A stop of a backward slice: below 0 is "to the start" (null), not numpy's count from the end.</summary>
    private static int? Stop(int stop) => stop < 0 ? null : stop;

    /// <summary>The padding before (<paramref name="head"/>) or after the array along one axis.</summary>
    private static DistArray<T> Side<T>(DistArray<T> x, int axis, long width, string mode, T value, bool head) where T : unmanaged
    {
        long n = x.Grid.Shape[axis];
        long[] shape = [.. x.Grid.Shape.Select((s, d) => d == axis ? width : s)];
        DistArray<T> Along(Slice slice) => x[[.. Enumerable.Range(0, x.Rank).Select(d => d == axis ? slice : (Slice)Range.All)]];
        if (mode == "constant" || n == 0)
        {
            int[][] chunks = [.. x.Grid.Chunks.Select((c, d) => d == axis ? new[] { (int)width } : c)];
            return Full(shape, chunks, value);
        }
        if (mode == "edge")
            return Along(head ? 0..1 : (int)(n - 1)..(int)n).BroadcastTo(shape);
        long limit = mode == "reflect" ? n - 1 : n;
        if (width > limit)
            throw new ArgumentOutOfRangeException(nameof(width), width, $"a {mode} pad of {width} is wider than axis {axis} allows ({limit})");
        int w = (int)width, len = (int)n;
        return (mode, head) switch
        {
            ("wrap", true) => Along((len - w)..len),
            ("wrap", false) => Along(0..w),
            ("reflect", true) => Along(new Slice(w, 0, -1)),
            ("reflect", false) => Along(new Slice(len - 2, Stop(len - 2 - w), -1)),
            ("symmetric", true) => Along(new Slice(w - 1, null, -1)),
            _ => Along(new Slice(len - 1, Stop(len - 1 - w), -1)),
        };
    }
}
