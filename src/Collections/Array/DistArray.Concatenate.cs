using System.Numerics;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// The arrays joined along <paramref name="axis"/>: their blocks, reused as they are, one after
    /// another (other axes are aligned by rechunking).
    /// </summary>
    /// <exception cref="ArgumentException">No arrays, or shapes that differ off the axis; the message names them.</exception>
    public static DistArray<T> Concatenate<T>(IReadOnlyList<DistArray<T>> arrays, int axis = 0) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Count == 0)
            throw new ArgumentException("need at least one array to concatenate", nameof(arrays));
        var first = arrays[0];
        int rank = first.Rank;
        axis = Shapes.NormalizeAxis(axis, rank);
        foreach (var a in arrays)
        {
            if (a.Rank != rank || Enumerable.Range(0, rank).Any(d => d != axis && a.Grid.Shape[d] != first.Grid.Shape[d]))
                throw new ArgumentException($"all the input array dimensions except for the concatenation axis must match exactly, but shapes {Shapes.Text(first.Grid.Shape)} and {Shapes.Text(a.Grid.Shape)} differ (axis {axis})", nameof(arrays));
        }
        var common = new int[rank][];
        for (int d = 0; d < rank; d++)
            common[d] = d == axis ? [] : arrays.Select(a => a.Grid.Chunks[d]).Aggregate(BlockGrid.CommonRefinement);
        var aligned = arrays.Select(a => RechunkTo(a, [.. Enumerable.Range(0, rank).Select(d => d == axis ? a.Grid.Chunks[d] : common[d])])).ToArray();
        var axisChunks = new List<int>();
        var owner = new List<(int Array, int Block)>();
        for (int i = 0; i < aligned.Length; i++)
        {
            for (int j = 0; j < aligned[i].Grid.Counts[axis]; j++)
            {
                if (aligned[i].Grid.Chunks[axis][j] == 0 && aligned.Length > 1)
                    continue;
                axisChunks.Add(aligned[i].Grid.Chunks[axis][j]);
                owner.Add((i, j));
            }
        }
        if (axisChunks.Count == 0)
        {
            axisChunks.Add(0);
            owner.Add((0, 0));
        }
        common[axis] = [.. axisChunks];
        long[] shape = [.. Enumerable.Range(0, rank).Select(d => d == axis ? axisChunks.Sum(c => (long)c) : first.Grid.Shape[d])];
        var grid = new BlockGrid(shape, common);
        string name = $"concatenate-{Tokenizer.Token("concatenate", aligned.Select(a => (object?)a.Name).ToArray(), axis)}";
        return new DistArray<T>(name, shape, common, _ => throw new InvalidOperationException("concatenate makes no tasks"), [.. aligned], b =>
        {
            var index = grid.BlockIndex(b);
            var (i, j) = owner[index[axis]];
            index[axis] = j;
            return aligned[i].ChunkKey(aligned[i].Grid.Flat(index));
        });
    }

    /// <summary>The arrays stacked along a new axis at <paramref name="axis"/> (all of one shape).</summary>
    /// <exception cref="ArgumentException">No arrays, or different shapes.</exception>
    public static DistArray<T> Stack<T>(IReadOnlyList<DistArray<T>> arrays, int axis = 0) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Count == 0)
            throw new ArgumentException("need at least one array to stack", nameof(arrays));
        var shape0 = arrays[0].Grid.Shape;
        foreach (var a in arrays)
        {
            if (!a.Grid.Shape.AsSpan().SequenceEqual(shape0))
                throw new ArgumentException($"all input arrays must have the same shape, got {Shapes.Text(shape0)} and {Shapes.Text(a.Grid.Shape)}", nameof(arrays));
        }
        axis = Shapes.NormalizeAxis(axis, shape0.Length + 1);
        var expanded = arrays.Select(a => Broadcasting.View(a,
            [.. a.Grid.Shape[..axis], 1, .. a.Grid.Shape[axis..]],
            [.. a.Grid.Chunks[..axis], [1], .. a.Grid.Chunks[axis..]])).ToList();
        return Concatenate(expanded, axis);
    }
}
