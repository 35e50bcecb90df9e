namespace LazyDist.Collections;

/// <summary>
/// The geometry of a chunked array: its shape, the block sizes along each axis, and conversions
/// between a block's flat (row-major) number, its index per axis, its shape and its offset. A
/// block size of −1 is unknown (after boolean-mask selection, dask's NaN chunks): the axis's
/// length is then −1 too, and anything that needs an offset fails, saying so.
/// </summary>
internal sealed class BlockGrid
{
    /// <summary>The message of an operation that needs sizes the grid does not know.</summary>
    public const string UnknownMessage = "the array's chunk sizes are unknown (it was selected by a boolean mask): call ComputeChunkSizes() first, as dask's compute_chunk_sizes()";

    private readonly long[][] _starts;
    private readonly int[] _blockStrides;

    public BlockGrid(long[] shape, int[][] chunks)
    {
        Shape = shape;
        Chunks = chunks;
        Rank = shape.Length;
        _starts = new long[Rank][];
        Counts = new int[Rank];
        for (int axis = 0; axis < Rank; axis++)
        {
            Counts[axis] = chunks[axis].Length;
            _starts[axis] = new long[chunks[axis].Length + 1];
            for (int i = 0; i < chunks[axis].Length; i++)
                _starts[axis][i + 1] = _starts[axis][i] + chunks[axis][i];
        }
        _blockStrides = new int[Rank];
        long count = 1;
        for (int axis = Rank - 1; axis >= 0; axis--)
        {
            _blockStrides[axis] = (int)count;
            count *= Counts[axis];
        }
        BlockCount = checked((int)count);
        HasUnknownChunks = chunks.Any(c => c.Any(s => s < 0));
        Size = HasUnknownChunks ? -1 : Shapes.Product(shape);
    }

    /// <summary>Whether some block sizes are unknown.</summary>
    public bool HasUnknownChunks { get; }

    public long[] Shape { get; }

    public int[][] Chunks { get; }

    public int Rank { get; }

    public int[] Counts { get; }

    public int BlockCount { get; }

    public long Size { get; }

    public int[] BlockIndex(int flat)
    {
        var index = new int[Rank];
        for (int axis = 0; axis < Rank; axis++)
        {
            index[axis] = flat / _blockStrides[axis];
            flat %= _blockStrides[axis];
        }
        return index;
    }

    public int Flat(IReadOnlyList<int> index)
    {
        int flat = 0;
        for (int axis = 0; axis < Rank; axis++)
            flat += index[axis] * _blockStrides[axis];
        return flat;
    }

    public int[] BlockShape(int flat)
    {
        var index = BlockIndex(flat);
        var shape = new int[Rank];
        for (int axis = 0; axis < Rank; axis++)
            shape[axis] = Chunks[axis][index[axis]];
        return shape;
    }

    /// <summary>The number of elements of block <paramref name="flat"/>, −1 when unknown.</summary>
    public int BlockSize(int flat)
    {
        var shape = BlockShape(flat);
        return shape.Any(s => s < 0) ? -1 : Shapes.Product(shape);
    }

    public long[] BlockStart(int flat)
    {
        RequireKnown();
        var index = BlockIndex(flat);
        var start = new long[Rank];
        for (int axis = 0; axis < Rank; axis++)
            start[axis] = _starts[axis][index[axis]];
        return start;
    }

    /// <summary>Where block <paramref name="i"/> along <paramref name="axis"/> starts.</summary>
    public long Start(int axis, int i)
    {
        RequireKnown();
        return _starts[axis][i];
    }

    /// <summary>The block along <paramref name="axis"/> that holds position <paramref name="position"/>.</summary>
    public int BlockAt(int axis, long position)
    {
        RequireKnown();
        int i = Array.BinarySearch(_starts[axis], position);
        i = i >= 0 ? i : ~i - 1;
        // Skip empty blocks that start at the same position.
        while (i < Counts[axis] - 1 && _starts[axis][i + 1] <= position)
            i++;
        return Math.Clamp(i, 0, Counts[axis] - 1);
    }

    /// <exception cref="InvalidOperationException">Some block sizes are unknown.</exception>
    public void RequireKnown()
    {
        if (HasUnknownChunks)
            throw new InvalidOperationException(UnknownMessage);
    }

    /// <summary>The boundaries of both chunkings together (dask's common refinement), for one axis of equal length.</summary>
    public static int[] CommonRefinement(int[] a, int[] b)
    {
        var cuts = new SortedSet<long>();
        long p = 0;
        foreach (int s in a)
            cuts.Add(p += s);
        p = 0;
        foreach (int s in b)
            cuts.Add(p += s);
        var result = new List<int>();
        long previous = 0;
        foreach (long c in cuts)
        {
            if (c > previous)
                result.Add((int)(c - previous));
            previous = c;
        }
        return result.Count == 0 ? [0] : [.. result];
    }

    public static bool SameChunks(int[][] a, int[][] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
