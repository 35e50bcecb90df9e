using System.Numerics;
using System.Numerics.Tensors;

namespace LazyDist.Collections.Kernels;

/// <summary>Untyped entry points of the shape operations (assemble, broadcast, transpose, matmul, astype).</summary>
internal static class ShapeKernels
{
    /// <summary>
    /// <c>[int[] outShape, int[] geometry, pieces]</c>: geometry holds, per piece, its block shape,
    /// the box start in it, the box start in the output and the box extent (rank ints each).
    /// </summary>
    public static object Assemble(object?[] a) => Blocks.Get<object, AssembleFunction>(Blocks.TypeOf(((object?[])a[2]!)[0]), new(a));

    private readonly struct AssembleFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged => Assemble<T>(a);
    }

    private readonly struct BroadcastFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged => BoxKernels.Broadcast((T[])a[0]!, (int[])a[1]!, (int[])a[2]!);
    }

    private readonly struct TransposeFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged => BoxKernels.Transpose((T[])a[0]!, (int[])a[1]!, (int[])a[2]!);
    }

    private static T[] Assemble<T>(object?[] a) where T : unmanaged
    {
        var outShape = (int[])a[0]!;
        var g = (int[])a[1]!;
        var pieces = (object?[])a[2]!;
        int rank = outShape.Length;
        var result = Graph.ChunkPool.Rent<T>(Shapes.Product(outShape));
        for (int p = 0; p < pieces.Length; p++)
        {
            var geometry = g.AsSpan(p * 4 * rank, 4 * rank);
            BoxKernels.Copy((T[])pieces[p]!, geometry[..rank], geometry.Slice(rank, rank), result, outShape, geometry.Slice(2 * rank, rank), geometry.Slice(3 * rank, rank));
        }
        return result;
    }

    /// <summary><c>[block, int length]</c>: the block itself, once its length is checked.</summary>
    public static object? Check(object?[] a)
    {
        var block = (Array)a[0]!;
        int expected = (int)a[1]!;
        if (block.Length != expected)
            throw new InvalidOperationException($"a block has {block.Length} elements where the array's chunks say {expected}");
        return block;
    }

    /// <summary><c>[block, int[] blockShape, int[] shape]</c>: the block stretched along its length-1 axes.</summary>
    public static object Broadcast(object?[] a) => Blocks.Get<object, BroadcastFunction>(Blocks.TypeOf(a[0]), new(a));

    /// <summary><c>[block, int[] blockShape, int[] permutation]</c>.</summary>
    public static object Transpose(object?[] a) => Blocks.Get<object, TransposeFunction>(Blocks.TypeOf(a[0]), new(a));

    /// <summary><c>[a, b, m, k, n]</c>.</summary>
    public static object MatMul(object?[] a) => a[0] switch
    {
        double[] x => BoxKernels.MatMul(x, (double[])a[1]!, (int)a[2]!, (int)a[3]!, (int)a[4]!),
        float[] x => BoxKernels.MatMul(x, (float[])a[1]!, (int)a[2]!, (int)a[3]!, (int)a[4]!),
        int[] x => BoxKernels.MatMul(x, (int[])a[1]!, (int)a[2]!, (int)a[3]!, (int)a[4]!),
        long[] x => BoxKernels.MatMul(x, (long[])a[1]!, (int)a[2]!, (int)a[3]!, (int)a[4]!),
        var other => throw new NotSupportedException($"cannot multiply {other?.GetType().Name}"),
    };

    /// <summary><c>[blocks]</c>: their elementwise sum.</summary>
    public static object AddAll(object?[] a)
    {
        var blocks = (object?[])a[0]!;
        return blocks[0] switch
        {
            double[] => BoxKernels.AddAll<double>(blocks),
            float[] => BoxKernels.AddAll<float>(blocks),
            int[] => BoxKernels.AddAll<int>(blocks),
            long[] => BoxKernels.AddAll<long>(blocks),
            var other => throw new NotSupportedException($"cannot add {other?.GetType().Name}"),
        };
    }

    /// <summary>The first element of a one-element block.</summary>
    public static object? First(object? block) => ((Array)block!).GetValue(0);
}
