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
    public static object Assemble(object?[] a)
    {
        var pieces = (object?[])a[2]!;
        return pieces[0] switch
        {
            double[] => Assemble<double>(a),
            float[] => Assemble<float>(a),
            int[] => Assemble<int>(a),
            long[] => Assemble<long>(a),
            var other => throw new NotSupportedException($"cannot assemble blocks of {other?.GetType().Name}"),
        };
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

    public static object Broadcast(object?[] a) => a[0] switch
    {
        double[] x => BoxKernels.Broadcast(x, (int[])a[1]!, (int[])a[2]!),
        float[] x => BoxKernels.Broadcast(x, (int[])a[1]!, (int[])a[2]!),
        int[] x => BoxKernels.Broadcast(x, (int[])a[1]!, (int[])a[2]!),
        long[] x => BoxKernels.Broadcast(x, (int[])a[1]!, (int[])a[2]!),
        var other => throw new NotSupportedException($"cannot broadcast {other?.GetType().Name}"),
    };

    public static object Transpose(object?[] a) => a[0] switch
    {
        double[] x => BoxKernels.Transpose(x, (int[])a[1]!, (int[])a[2]!),
        float[] x => BoxKernels.Transpose(x, (int[])a[1]!, (int[])a[2]!),
        int[] x => BoxKernels.Transpose(x, (int[])a[1]!, (int[])a[2]!),
        long[] x => BoxKernels.Transpose(x, (int[])a[1]!, (int[])a[2]!),
        var other => throw new NotSupportedException($"cannot transpose {other?.GetType().Name}"),
    };

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
