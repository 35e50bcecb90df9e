namespace LazyDist.Collections.Kernels;

/// <summary>The block kernels of indexing: stepped selection, picking along an axis, and boolean compression.</summary>
internal static class IndexKernels
{
    /// <summary><c>[block, int[] blockShape, int[] start, int[] step, int[] count]</c>: the progression per axis, as a new block.</summary>
    public static object Strided(object?[] a) => Blocks.Get<object, StridedFunction>(Blocks.TypeOf(a[0]), new(a));

    /// <summary>
    /// <c>[int axis, int[] picks, int[] shapes, blocks]</c>: for output position <c>i</c> along the axis,
    /// the slab at position <c>picks[2i + 1]</c> of block <c>picks[2i]</c> (the blocks' shapes flat in <c>shapes</c>).
    /// </summary>
    public static object Take(object?[] a) => Blocks.Get<object, TakeFunction>(Blocks.TypeOf(((object?[])a[3]!)[0]), new(a));

    /// <summary><c>[block, bool[] mask]</c>: the elements where the mask holds, in order.</summary>
    public static object Compress(object?[] a) => Blocks.Get<object, CompressFunction>(Blocks.TypeOf(a[0]), new(a));

    /// <summary><c>[block, int[] shape, int axis, int repeats]</c>: each position along the axis repeated, as numpy's <c>repeat</c>.</summary>
    public static object Repeat(object?[] a) => Blocks.Get<object, RepeatFunction>(Blocks.TypeOf(a[0]), new(a));

    private readonly struct RepeatFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged
        {
            var block = (T[])a[0]!;
            var shape = (int[])a[1]!;
            int axis = (int)a[2]!, repeats = (int)a[3]!;
            int inner = shape[(axis + 1)..].Aggregate(1, (p, s) => p * s), along = shape[axis], outer = shape[..axis].Aggregate(1, (p, s) => p * s);
            var result = Graph.ChunkPool.Rent<T>(block.Length * repeats);
            int d = 0;
            for (int o = 0; o < outer; o++)
            {
                for (int r = 0; r < along; r++)
                {
                    var slab = block.AsSpan((o * along + r) * inner, inner);
                    for (int k = 0; k < repeats; k++, d += inner)
                        slab.CopyTo(result.AsSpan(d, inner));
                }
            }
            return result;
        }
    }

    /// <summary>The number of elements of a block.</summary>
    public static object Length(object? block) => (long)((Array)block!).Length;

    private readonly struct CompressFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged
        {
            var values = (T[])a[0]!;
            var mask = (bool[])a[1]!;
            if (mask.Length != values.Length)
                throw new InvalidOperationException($"a mask block of {mask.Length} elements for a block of {values.Length}");
            var result = new T[mask.Count(m => m)];
            for (int i = 0, k = 0; i < values.Length; i++)
            {
                if (mask[i])
                    result[k++] = values[i];
            }
            return result;
        }
    }

    private readonly struct StridedFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged => BoxKernels.Strided((T[])a[0]!, (int[])a[1]!, (int[])a[2]!, (int[])a[3]!, (int[])a[4]!);
    }

    private readonly struct TakeFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged
        {
            int axis = (int)a[0]!;
            var picks = (int[])a[1]!;
            var shapes = (int[])a[2]!;
            var blocks = (object?[])a[3]!;
            int rank = shapes.Length / blocks.Length;
            var outShape = shapes.AsSpan(0, rank).ToArray();
            outShape[axis] = picks.Length / 2;
            var result = Graph.ChunkPool.Rent<T>(Shapes.Product(outShape));
            var extent = (int[])outShape.Clone();
            extent[axis] = 1;
            Span<int> from = stackalloc int[rank], to = stackalloc int[rank];
            for (int i = 0; i < picks.Length / 2; i++)
            {
                int source = picks[2 * i];
                from.Clear();
                to.Clear();
                from[axis] = picks[2 * i + 1];
                to[axis] = i;
                BoxKernels.Copy((T[])blocks[source]!, shapes.AsSpan(source * rank, rank), from, result, outShape, to, extent);
            }
            return result;
        }
    }
}
