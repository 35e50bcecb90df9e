using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>Creates, transforms and reduces <see cref="DistArray{T}"/> values (dask.array).</summary>
public static partial class DistArray
{
    /// <summary>
    /// <paramref name="length"/> uniform [0, 1) doubles in chunks of <paramref name="chunkSize"/>.
    /// Chunk <c>i</c> is <c>Chunks.Random(length_i, Chunks.Seed(seed, i))</c>: its values depend on
    /// the seed and the chunk index only, never on the scheduler or the worker that makes it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or <paramref name="chunkSize"/> not positive.</exception>
    public static DistArray<double> Random(long length, int chunkSize, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        return Random([length], chunkSize, seed);
    }

    /// <summary>
    /// Uniform [0, 1) doubles of <paramref name="shape"/>; block <c>b</c> (row-major) holds
    /// <c>Chunks.Random(size_b, Chunks.Seed(seed, b))</c> in row-major order.
    /// </summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape; the message names both.</exception>
    public static DistArray<double> Random(long[] shape, ChunkSpec chunks, ulong seed) =>
        ArrayNodes.Source<double>("random", shape, chunks,
            (_, b) => BlockProgram.Source(new(BlockOp.Random, DType.Float64), [(long)Chunks.Seed(seed, b)]), seed);

    /// <summary>
    /// Normal deviates of mean <paramref name="mean"/> and standard deviation <paramref name="std"/>
    /// (vectorized Box–Muller), deterministic per (seed, block index).
    /// </summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="std"/> is negative.</exception>
    public static DistArray<double> Normal(long[] shape, ChunkSpec chunks, ulong seed, double mean = 0.0, double std = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(std);
        return ArrayNodes.Source<double>("normal", shape, chunks, (_, b) => BlockProgram.Source(new(BlockOp.Normal, DType.Float64, 0, 1),
            [(long)Chunks.Seed(seed ^ 0x6E6F_726D_616C_0000UL, b), BlockProgram.Bits(mean), BlockProgram.Bits(std)]), seed);
    }

    /// <summary>An array of <paramref name="shape"/> filled with <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    public static DistArray<T> Full<T>(long[] shape, ChunkSpec chunks, T value) where T : unmanaged =>
        ArrayNodes.Source<T>("full", shape, chunks, (_, _) => BlockProgram.Source(new(BlockOp.Constant, DTypes.Of<T>()), [BlockProgram.Bits(value)]), null);

    /// <summary>An array of zeros (of <c>false</c> for bools).</summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    public static DistArray<T> Zeros<T>(long[] shape, ChunkSpec chunks) where T : unmanaged => Full(shape, chunks, default(T));

    /// <summary>An array of ones.</summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    public static DistArray<T> Ones<T>(long[] shape, ChunkSpec chunks) where T : unmanaged, INumber<T> => Full(shape, chunks, T.One);

    /// <summary>
    /// <c>start, start + step, ...</c> below <paramref name="stop"/> (above, for a negative step), as numpy's
    /// <c>arange</c>: <c>ceil((stop − start) / step)</c> elements (counted without overflow), element <c>i</c>
    /// being <c>start + i·d</c> with numpy's <c>d = (start + step) − start</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="step"/> is zero.</exception>
    public static DistArray<T> Arange<T>(T start, T stop, T step, int chunkSize) where T : unmanaged, INumber<T>
    {
        if (step == T.Zero)
            throw new ArgumentException("arange step must not be zero", nameof(step));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        long length;
        T second;
        if (DTypes.IsFloating(DTypes.Of<T>()))
        {
            double s = double.CreateTruncating(start), d = double.CreateTruncating(step);
            length = (long)Math.Max(0, Math.Ceiling((double.CreateTruncating(stop) - s) / d));
            second = T.CreateTruncating(s + d);
        }
        else
        {
            Int128 s = Int128.CreateTruncating(start), e = Int128.CreateTruncating(stop), d = Int128.CreateTruncating(step);
            var count = d > 0 ? (e - s + d - 1) / d : (s - e - d - 1) / -d;
            length = (long)Int128.Clamp(count, 0, long.MaxValue);
            second = T.CreateTruncating(s + d);
        }
        var grid = new BlockGrid([length], ChunkSpec.FromSize(chunkSize).Normalize([length]));
        return ArrayNodes.Source<T>("arange", [length], chunkSize, (_, b) => BlockProgram.Source(new(BlockOp.Arange, DTypes.Of<T>(), 0, 1),
            [grid.BlockStart(b)[0], BlockProgram.Bits(start), BlockProgram.Bits(second)]), null);
    }

    /// <summary><c>0, 1, ..., stop − 1</c>.</summary>
    public static DistArray<T> Arange<T>(T stop, int chunkSize) where T : unmanaged, INumber<T> => Arange(T.Zero, stop, T.One, chunkSize);

    /// <summary>
    /// <paramref name="num"/> evenly spaced doubles from <paramref name="start"/> to <paramref name="stop"/>
    /// (included unless <paramref name="endpoint"/> is false), as numpy's <c>linspace</c>: <c>i·step + start</c>, the last exactly <paramref name="stop"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="num"/> is negative.</exception>
    public static DistArray<double> Linspace(double start, double stop, long num, int chunkSize, bool endpoint = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        long div = endpoint ? num - 1 : num;
        double step = div > 0 ? (stop - start) / div : 0.0;
        long endIndex = endpoint && num > 1 ? num - 1 : -1;
        var grid = new BlockGrid([num], ChunkSpec.FromSize(chunkSize).Normalize([num]));
        return ArrayNodes.Source<double>("linspace", [num], chunkSize, (_, b) => BlockProgram.Source(new(BlockOp.Linspace, DType.Float64, 0, 2),
            [grid.BlockStart(b)[0], endIndex, BlockProgram.Bits(start), BlockProgram.Bits(step), BlockProgram.Bits(stop)]), endIndex);
    }

    /// <summary>A lazy array over a copy of <paramref name="data"/>, in chunks of <paramref name="chunks"/>.</summary>
    /// <exception cref="ArgumentException">The chunks do not fit the length.</exception>
    public static DistArray<T> FromArray<T>(T[] data, ChunkSpec chunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        long[] shape = [data.Length];
        var normalized = chunks.Normalize(shape);
        var grid = new BlockGrid(shape, normalized);
        string name = $"array-{Tokenizer.Token("from-array", data, ArrayNodes.Flatten(normalized))}";
        return new DistArray<T>(name, shape, normalized,
            b => TaskNode.FromValue(data.AsSpan((int)grid.BlockStart(b)[0], grid.BlockSize(b)).ToArray()), []);
    }

    /// <summary>A lazy array over a copy of the 2-D <paramref name="data"/>, in blocks of <paramref name="chunks"/>.</summary>
    /// <exception cref="ArgumentException">The chunks do not fit the shape.</exception>
    public static DistArray<T> FromArray<T>(T[,] data, ChunkSpec chunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        int rows = data.GetLength(0), cols = data.GetLength(1);
        var flat = new T[data.Length];
        int k = 0;
        foreach (var v in data)
            flat[k++] = v;
        long[] shape = [rows, cols];
        var normalized = chunks.Normalize(shape);
        var grid = new BlockGrid(shape, normalized);
        string name = $"array-{Tokenizer.Token("from-array-2d", flat, shape, ArrayNodes.Flatten(normalized))}";
        return new DistArray<T>(name, shape, normalized, b =>
        {
            var blockShape = grid.BlockShape(b);
            var start = grid.BlockStart(b);
            var block = new T[Shapes.Product(blockShape)];
            BoxKernels.Copy(flat, [rows, cols], [(int)start[0], (int)start[1]], block, blockShape, [0, 0], blockShape);
            return TaskNode.FromValue(block);
        }, []);
    }

    /// <summary>
    /// An array whose blocks are delayed values (dask's <c>from_delayed</c> + <c>block</c>):
    /// <paramref name="blocks"/> in row-major block order, each a flat row-major array of the
    /// block's shape given by <paramref name="chunks"/> (explicit sizes per axis).
    /// </summary>
    /// <exception cref="ArgumentException">The number of blocks does not match the chunks.</exception>
    public static DistArray<T> FromBlocks<T>(IReadOnlyList<Delayed<T[]>> blocks, int[][] chunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(chunks);
        long[] shape = [.. chunks.Select(c => c.Sum(s => (long)s))];
        var normalized = ChunkSpec.FromBlocks(chunks).Normalize(shape);
        var grid = new BlockGrid(shape, normalized);
        if (blocks.Count != grid.BlockCount)
            throw new ArgumentException($"{blocks.Count} blocks given for chunks making {grid.BlockCount} blocks of shape {Shapes.Text(shape)}", nameof(blocks));
        string name = $"blocks-{Tokenizer.Token("from-blocks", blocks.Select(d => (object?)d.Key.ToString()).ToArray(), ArrayNodes.Flatten(normalized))}";
        return new DistArray<T>(name, shape, normalized,
            b => ArrayNodes.Op("array.check", new TaskRef(blocks[b].Key), grid.BlockSize(b)),
            [.. blocks.Select(d => d.Source).Distinct()]);
    }

    /// <summary>A 2-D array from a grid of delayed blocks, with the given row and column block sizes.</summary>
    /// <exception cref="ArgumentException">The grid does not match the sizes.</exception>
    public static DistArray<T> FromBlocks<T>(Delayed<T[]>[,] blocks, int[] rowChunks, int[] columnChunks) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.GetLength(0) != rowChunks.Length || blocks.GetLength(1) != columnChunks.Length)
            throw new ArgumentException($"a {blocks.GetLength(0)} x {blocks.GetLength(1)} grid of blocks for {rowChunks.Length} x {columnChunks.Length} chunks", nameof(blocks));
        return FromBlocks([.. blocks.Cast<Delayed<T[]>>()], [rowChunks, columnChunks]);
    }
}
