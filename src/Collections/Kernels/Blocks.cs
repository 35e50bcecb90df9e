using LazyDist.Graph;

namespace LazyDist.Collections.Kernels;

/// <summary>Something to compute with the .NET element type of a block, as a generic method.</summary>
internal interface IBlockFunction<out TResult>
{
    TResult Invoke<T>() where T : unmanaged;
}

/// <summary>Blocks of a dtype known only at run time: a block of dtype <c>t</c> is a <c>T[]</c> of its .NET type.</summary>
internal static class Blocks
{
    /// <summary>A block of <paramref name="length"/> elements, not cleared (from <see cref="ChunkPool"/>).</summary>
    public static Array Rent(DType type, int length) => type switch
    {
        DType.Bool => ChunkPool.Rent<bool>(length),
        DType.UInt8 => ChunkPool.Rent<byte>(length),
        DType.Int16 => ChunkPool.Rent<short>(length),
        DType.Int32 => ChunkPool.Rent<int>(length),
        DType.UInt32 => ChunkPool.Rent<uint>(length),
        DType.Int64 => ChunkPool.Rent<long>(length),
        DType.UInt64 => ChunkPool.Rent<ulong>(length),
        DType.Float32 => ChunkPool.Rent<float>(length),
        _ => ChunkPool.Rent<double>(length),
    };

    /// <summary><paramref name="block"/>, of <paramref name="from"/>, as a new block of <paramref name="to"/> (numpy's <c>astype</c>).</summary>
    public static Array Convert(Array block, DType from, DType to)
    {
        var result = Rent(to, block.Length);
        Elementwise.CastKernels.Run(from, to, new Tile(block, 0, from), new Tile(result, 0, to), block.Length);
        return result;
    }

    /// <summary>Calls <paramref name="function"/> with the .NET element type of <paramref name="type"/> (bool as bool).</summary>
    public static TResult Get<TResult, TFunction>(DType type, TFunction function) where TFunction : struct, IBlockFunction<TResult> => type switch
    {
        DType.Bool => function.Invoke<bool>(),
        DType.UInt8 => function.Invoke<byte>(),
        DType.Int16 => function.Invoke<short>(),
        DType.Int32 => function.Invoke<int>(),
        DType.UInt32 => function.Invoke<uint>(),
        DType.Int64 => function.Invoke<long>(),
        DType.UInt64 => function.Invoke<ulong>(),
        DType.Float32 => function.Invoke<float>(),
        _ => function.Invoke<double>(),
    };

    /// <summary>The length of the block a program loads first (for blocks whose size the graph does not know).</summary>
    /// <exception cref="InvalidOperationException">The program loads no block.</exception>
    public static int LengthOfFirstInput(BlockProgram program, object?[] inputs)
    {
        var load = program.Code.FirstOrDefault(c => c.Op == BlockOp.Input);
        return load.Op == BlockOp.Input && inputs[load.A] is Array block
            ? block.Length
            : throw new InvalidOperationException("a block of unknown size from a program that loads no block");
    }

    /// <summary>The dtype of a block.</summary>
    /// <exception cref="NotSupportedException">Not an array of an element type arrays hold.</exception>
    public static DType TypeOf(object? block) => block?.GetType() switch
    {
        // By exact type: the runtime lets a ulong[] pass as a long[] (and uint[] as int[]) in a type test.
        Type t when t == typeof(double[]) => DType.Float64,
        Type t when t == typeof(float[]) => DType.Float32,
        Type t when t == typeof(int[]) => DType.Int32,
        Type t when t == typeof(long[]) => DType.Int64,
        Type t when t == typeof(bool[]) => DType.Bool,
        Type t when t == typeof(byte[]) => DType.UInt8,
        Type t when t == typeof(short[]) => DType.Int16,
        Type t when t == typeof(uint[]) => DType.UInt32,
        Type t when t == typeof(ulong[]) => DType.UInt64,
        _ => throw new NotSupportedException($"not a block of an array: {block?.GetType().Name ?? "null"}"),
    };
}
