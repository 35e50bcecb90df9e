using System.Numerics.Tensors;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// Row-major n-D copies between blocks: a box of one block into a box of another (rechunk,
/// slicing, assembly), broadcasting, and axis permutation. The innermost axis is copied as a span.
/// </summary>
internal static class BoxKernels
{
    /// <summary>Copies the box at <paramref name="srcStart"/> of extent <paramref name="extent"/> into <paramref name="dst"/> at <paramref name="dstStart"/>.</summary>
    public static void Copy<T>(T[] src, ReadOnlySpan<int> srcShape, ReadOnlySpan<int> srcStart, T[] dst, ReadOnlySpan<int> dstShape, ReadOnlySpan<int> dstStart, ReadOnlySpan<int> extent)
    {
        int rank = extent.Length;
        if (rank == 0)
        {
            dst[0] = src[0];
            return;
        }
        foreach (int e in extent)
        {
            if (e == 0)
                return;
        }
        Span<long> srcStrides = stackalloc long[rank], dstStrides = stackalloc long[rank];
        long ss = 1, ds = 1;
        for (int axis = rank - 1; axis >= 0; axis--)
        {
            srcStrides[axis] = ss;
            dstStrides[axis] = ds;
            ss *= srcShape[axis];
            ds *= dstShape[axis];
        }
        int run = extent[rank - 1];
        Span<int> index = stackalloc int[rank];
        while (true)
        {
            long s = 0, d = 0;
            for (int axis = 0; axis < rank; axis++)
            {
                s += (srcStart[axis] + index[axis]) * srcStrides[axis];
                d += (dstStart[axis] + index[axis]) * dstStrides[axis];
            }
            src.AsSpan((int)s, run).CopyTo(dst.AsSpan((int)d, run));
            int k = rank - 2;
            while (k >= 0 && ++index[k] == extent[k])
                index[k--] = 0;
            if (k < 0)
                return;
        }
    }

    /// <summary>Per axis the positions <c>start + k·step</c>, <c>k &lt; count</c>, of <paramref name="src"/>, as a new block.</summary>
    public static T[] Strided<T>(T[] src, int[] srcShape, int[] start, int[] step, int[] count) where T : unmanaged
    {
        int rank = srcShape.Length;
        var dst = Graph.ChunkPool.Rent<T>(Shapes.Product(count));
        if (dst.Length == 0)
            return dst;
        if (rank == 0)
        {
            dst[0] = src[0];
            return dst;
        }
        Span<long> strides = stackalloc long[rank];
        long s = 1;
        for (int axis = rank - 1; axis >= 0; axis--)
        {
            strides[axis] = s;
            s *= srcShape[axis];
        }
        int inner = count[rank - 1], innerStep = step[rank - 1];
        Span<int> index = stackalloc int[rank];
        int d = 0;
        while (true)
        {
            long offset = 0;
            for (int axis = 0; axis < rank; axis++)
                offset += (start[axis] + (long)index[axis] * step[axis]) * strides[axis];
            if (innerStep == 1)
                src.AsSpan((int)offset, inner).CopyTo(dst.AsSpan(d, inner));
            else
            {
                for (int k = 0; k < inner; k++)
                    dst[d + k] = src[offset + (long)k * innerStep];
            }
            d += inner;
            int axisToBump = rank - 2;
            while (axisToBump >= 0 && ++index[axisToBump] == count[axisToBump])
                index[axisToBump--] = 0;
            if (axisToBump < 0)
                return dst;
        }
    }

    /// <summary>Expands <paramref name="src"/> (1 along broadcast axes) to <paramref name="shape"/>.</summary>
    public static T[] Broadcast<T>(T[] src, int[] srcShape, int[] shape) where T : unmanaged
    {
        int rank = shape.Length;
        var dst = Graph.ChunkPool.Rent<T>(Shapes.Product(shape));
        if (dst.Length == 0)
            return dst;
        Span<long> srcStrides = stackalloc long[rank];
        long ss = 1;
        for (int axis = rank - 1; axis >= 0; axis--)
        {
            srcStrides[axis] = srcShape[axis] == 1 && shape[axis] != 1 ? 0 : ss;
            ss *= srcShape[axis];
        }
        int inner = rank == 0 ? 1 : shape[rank - 1];
        bool innerBroadcast = rank > 0 && srcStrides[rank - 1] == 0 && inner != 1;
        Span<int> index = stackalloc int[rank];
        int d = 0;
        while (true)
        {
            long s = 0;
            for (int axis = 0; axis < rank - 1; axis++)
                s += index[axis] * srcStrides[axis];
            if (innerBroadcast)
                dst.AsSpan(d, inner).Fill(src[s]);
            else
                src.AsSpan((int)s, inner).CopyTo(dst.AsSpan(d, inner));
            d += inner;
            int k = rank - 2;
            while (k >= 0 && ++index[k] == shape[k])
                index[k--] = 0;
            if (k < 0)
                return dst;
        }
    }

    /// <summary>The block with its axes permuted: result axis <c>i</c> is source axis <c>perm[i]</c>.</summary>
    public static T[] Transpose<T>(T[] src, int[] srcShape, int[] perm) where T : unmanaged
    {
        int rank = perm.Length;
        var dst = Graph.ChunkPool.Rent<T>(src.Length);
        if (src.Length == 0)
            return dst;
        Span<long> srcStrides = stackalloc long[rank];
        long ss = 1;
        for (int axis = rank - 1; axis >= 0; axis--)
        {
            srcStrides[axis] = ss;
            ss *= srcShape[axis];
        }
        Span<int> shape = stackalloc int[rank];
        Span<long> stride = stackalloc long[rank];
        for (int i = 0; i < rank; i++)
        {
            shape[i] = srcShape[perm[i]];
            stride[i] = srcStrides[perm[i]];
        }
        Span<int> index = stackalloc int[rank];
        long s = 0;
        for (int d = 0; d < dst.Length; d++)
        {
            dst[d] = src[s];
            int k = rank - 1;
            while (k >= 0)
            {
                s += stride[k];
                if (++index[k] < shape[k])
                    break;
                s -= stride[k] * shape[k];
                index[k--] = 0;
            }
        }
        return dst;
    }

    /// <summary>C = A·B for an m×k block A and a k×n block B (row by row, each row a sum of scaled rows of B, two roundings per step).</summary>
    public static void MatMul<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int k, int n) where T : unmanaged, System.Numerics.INumber<T>
    {
        c.Clear();
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (int j = 0; j < k; j++)
                TensorPrimitives.MultiplyAdd(b.Slice(j * n, n), a[i * k + j], row, row);
        }
    }

    /// <summary>The elementwise sum of equally long blocks, in list order.</summary>
    public static T[] AddAll<T>(object?[] blocks) where T : unmanaged, System.Numerics.INumber<T>
    {
        var sum = (T[])((T[])blocks[0]!).Clone();
        for (int i = 1; i < blocks.Length; i++)
            TensorPrimitives.Add(sum, (T[])blocks[i]!, sum);
        return sum;
    }
}
