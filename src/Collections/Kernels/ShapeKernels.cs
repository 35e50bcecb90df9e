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

    /// <summary><c>[a, b, m, k, n, batch]</c>: <c>batch</c> products of an m × k block by a k × n block, stacked.</summary>
    public static object MatMul(object?[] a) => NumericDispatch.Get<object, MatMulFunction>(Blocks.TypeOf(a[0]), new(a));

    /// <summary><c>[blocks]</c>: their elementwise sum, in list order.</summary>
    public static object AddAll(object?[] a) => NumericDispatch.Get<object, AddAllFunction>(Blocks.TypeOf(((object?[])a[0]!)[0]), new((object?[])a[0]!));

    private readonly struct MatMulFunction(object?[] a) : INumericFunction<object>
    {
        public object Invoke<T>() where T : unmanaged, INumber<T>
        {
            int m = (int)a[2]!, k = (int)a[3]!, n = (int)a[4]!, batch = a.Length > 5 ? (int)a[5]! : 1;
            var x = (T[])a[0]!;
            var y = (T[])a[1]!;
            var c = new T[batch * m * n];
            for (int s = 0; s < batch; s++)
                BoxKernels.MatMul(x.AsSpan(s * m * k, m * k), y.AsSpan(s * k * n, k * n), c.AsSpan(s * m * n, m * n), m, k, n);
            return c;
        }
    }

    private readonly struct AddAllFunction(object?[] blocks) : INumericFunction<object>
    {
        public object Invoke<T>() where T : unmanaged, INumber<T> => BoxKernels.AddAll<T>(blocks);
    }

    /// <summary>The first element of a one-element block.</summary>
    public static object? First(object? block) => ((Array)block!).GetValue(0);
}
