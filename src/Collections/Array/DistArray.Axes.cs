namespace LazyDist.Collections;

/// <remarks>Axes added, removed, reordered, stretched, reversed and rotated (numpy's names and rules).</remarks>
public static partial class DistArray
{
    /// <summary>The array without its axes of length 1 (numpy's <c>squeeze</c>): the same blocks under a smaller shape.</summary>
    public static DistArray<T> Squeeze<T>(this DistArray<T> array) where T : unmanaged =>
        Squeeze(array, (Axes)Enumerable.Range(0, GridOf(array).Rank).Where(a => array.Grid.Shape[a] == 1).ToArray());

    /// <summary>The array without the given axes, which must have length 1.</summary>
    /// <exception cref="ArgumentException">An axis does not have length 1 (numpy's message), or is given twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    public static DistArray<T> Squeeze<T>(this DistArray<T> array, Axes axis) where T : unmanaged
    {
        var grid = GridOf(array);
        var axes = axis.Normalize(grid.Rank);
        if (axes.Any(a => grid.Shape[a] != 1))
            throw new ArgumentException($"cannot select an axis to squeeze out which has size not equal to one (shape {Shapes.Text(grid.Shape)}, axis {axis})", nameof(axis));
        return Broadcasting.View(array, [.. grid.Shape.Where((_, a) => !axes.Contains(a))], [.. grid.Chunks.Where((_, a) => !axes.Contains(a))]);
    }

    /// <summary>The array with a new axis of length 1 at <paramref name="axis"/> of the result (numpy's <c>expand_dims</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range for the result.</exception>
    public static DistArray<T> ExpandDims<T>(this DistArray<T> array, int axis) where T : unmanaged
    {
        var grid = GridOf(array);
        axis = Shapes.NormalizeAxis(axis, grid.Rank + 1);
        return Broadcasting.View(array, [.. grid.Shape[..axis], 1, .. grid.Shape[axis..]], [.. grid.Chunks[..axis], [1], .. grid.Chunks[axis..]]);
    }

    /// <summary>
    /// The array stretched to <paramref name="shape"/> by numpy's broadcasting rules (numpy's
    /// <c>broadcast_to</c>); new and stretched axes are one block each.
    /// </summary>
    /// <exception cref="ArgumentException">The array cannot be broadcast to the shape; the message names both.</exception>
    public static DistArray<T> BroadcastTo<T>(this DistArray<T> array, params long[] shape) where T : unmanaged
    {
        var grid = GridOf(array);
        ArgumentNullException.ThrowIfNull(shape);
        grid.RequireKnown();
        Shapes.Validate(shape);
        int lead = shape.Length - grid.Rank;
        if (lead < 0 || Enumerable.Range(0, grid.Rank).Any(a => grid.Shape[a] != shape[lead + a] && grid.Shape[a] != 1))
            throw new ArgumentException($"operands could not be broadcast together with remapped shapes [original->remapped]: {Shapes.Text(grid.Shape)} and requested shape {Shapes.Text(shape)}", nameof(shape));
        int[][] chunks = [.. shape.Select((length, a) => a >= lead && grid.Shape[a - lead] == length ? grid.Chunks[a - lead] : [(int)length])];
        return Broadcasting.To(array, [.. shape], chunks);
    }

    /// <summary>The array with axes <paramref name="axis1"/> and <paramref name="axis2"/> exchanged (numpy's <c>swapaxes</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    public static DistArray<T> SwapAxes<T>(this DistArray<T> array, int axis1, int axis2) where T : unmanaged
    {
        int rank = GridOf(array).Rank;
        int a = Shapes.NormalizeAxis(axis1, rank, nameof(axis1)), b = Shapes.NormalizeAxis(axis2, rank, nameof(axis2));
        var perm = Enumerable.Range(0, rank).ToArray();
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return array.Transpose(perm);
    }

    /// <summary>The array with axis <paramref name="source"/> moved to position <paramref name="destination"/>, the others in order (numpy's <c>moveaxis</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    public static DistArray<T> MoveAxis<T>(this DistArray<T> array, int source, int destination) where T : unmanaged
    {
        int rank = GridOf(array).Rank;
        int s = Shapes.NormalizeAxis(source, rank, nameof(source)), d = Shapes.NormalizeAxis(destination, rank, nameof(destination));
        var order = Enumerable.Range(0, rank).Where(a => a != s).ToList();
        order.Insert(d, s);
        return array.Transpose([.. order]);
    }

    /// <summary>The array reversed along every axis (numpy's <c>flip</c> with no axis).</summary>
    public static DistArray<T> Flip<T>(this DistArray<T> array) where T : unmanaged =>
        array.Flip((Axes)Enumerable.Range(0, GridOf(array).Rank).ToArray());

    /// <summary>The array reversed along <paramref name="axis"/> (one or several): each block reversed on its own, the blocks in reverse order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    /// <exception cref="ArgumentException">An axis is given twice.</exception>
    public static DistArray<T> Flip<T>(this DistArray<T> array, Axes axis) where T : unmanaged
    {
        var axes = axis.Normalize(GridOf(array).Rank);
        return array[[.. Enumerable.Range(0, array.Rank).Select(a => axes.Contains(a) ? new Slice(null, null, -1) : (Slice)Range.All)]];
    }

    /// <summary>
    /// The elements shifted by <paramref name="shift"/> along <paramref name="axis"/>, those pushed past
    /// the end coming back at the start (numpy's <c>roll</c>); with no axis, over the flattened array.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range.</exception>
    public static DistArray<T> Roll<T>(this DistArray<T> array, long shift, int? axis = null) where T : unmanaged
    {
        var grid = GridOf(array);
        if (axis is null)
            return array.Ravel().Roll(shift, 0).Reshape([.. grid.Shape]);
        int a = Shapes.NormalizeAxis(axis.Value, grid.Rank);
        long n = grid.Shape[a];
        if (n == 0 || (shift %= n) == 0)
            return array;
        if (shift < 0)
            shift += n;
        Slice Part(Range r) => r;
        var head = array[[.. Enumerable.Range(0, grid.Rank).Select(d => d == a ? Part((int)(n - shift)..) : Part(..))]];
        var tail = array[[.. Enumerable.Range(0, grid.Rank).Select(d => d == a ? Part(..(int)(n - shift)) : Part(..))]];
        return Concatenate([head, tail], a);
    }
}
