using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace LazyDist.Collections.Kernels;

/// <summary>
/// Reads and writes one block of a .npy file in place: the block's rows are runs of the file
/// (merged when the block spans whole trailing axes), read or written at their offsets, so no
/// task ever touches more than its own block of the file.
/// </summary>
internal static class NpyKernels
{
    /// <summary><c>[path, dataOffset, long[] fullShape, long[] blockStart, int[] blockShape, string dtype]</c> → the block.</summary>
    public static object ReadBlock(object?[] a) => Blocks.Get<object, ReadFunction>(DTypes.Parse((string)a[5]!), new(a));

    /// <summary><c>[path, dataOffset, long[] fullShape, long[] blockStart, int[] blockShape, block]</c> → bytes written.</summary>
    public static object WriteBlock(object?[] a) => Blocks.Get<object, WriteFunction>(Blocks.TypeOf(a[5]), new(a));

    private readonly struct ReadFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged => Read<T>(a);
    }

    private readonly struct WriteFunction(object?[] a) : IBlockFunction<object>
    {
        public object Invoke<T>() where T : unmanaged => Write(a, (T[])a[5]!);
    }

    private static T[] Read<T>(object?[] a) where T : unmanaged
    {
        var shape = (int[])a[4]!;
        var block = Graph.ChunkPool.Rent<T>(Shapes.Product(shape));
        using var handle = File.OpenHandle((string)a[0]!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        ForEachRun<T>(a, shape, (offset, start, length) =>
        {
            var bytes = MemoryMarshal.AsBytes(block.AsSpan(start, length));
            int done = 0;
            while (done < bytes.Length)
            {
                int n = RandomAccess.Read(handle, bytes[done..], offset + done);
                if (n == 0)
                    throw new EndOfStreamException($"{a[0]} ends before the data its header describes");
                done += n;
            }
        });
        return block;
    }

    private static long Write<T>(object?[] a, T[] block) where T : unmanaged
    {
        var shape = (int[])a[4]!;
        using var handle = File.OpenHandle((string)a[0]!, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        ForEachRun<T>(a, shape, (offset, start, length) =>
            RandomAccess.Write(handle, MemoryMarshal.AsBytes(block.AsSpan(start, length)), offset));
        return (long)block.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
    }

    private static void ForEachRun<T>(object?[] a, int[] shape, Action<long, int, int> run) where T : unmanaged
    {
        long dataOffset = (long)a[1]!;
        var full = (long[])a[2]!;
        var start = (long[])a[3]!;
        int rank = shape.Length, size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (Shapes.Product(shape) == 0)
            return;
        // Merge trailing axes the block spans completely into one contiguous run.
        int k = rank - 1;
        int runLength = rank == 0 ? 1 : shape[k];
        while (k > 0 && shape[k] == full[k])
        {
            k--;
            runLength *= shape[k];
        }
        var strides = Shapes.Strides(full);
        Span<int> index = stackalloc int[Math.Max(k, 0)];
        int position = 0;
        while (true)
        {
            long element = 0;
            for (int axis = 0; axis < rank; axis++)
                element += (start[axis] + (axis < k ? index[axis] : 0)) * strides[axis];
            run(dataOffset + element * size, position, runLength);
            position += runLength;
            int j = k - 1;
            while (j >= 0 && ++index[j] == shape[j])
                index[j--] = 0;
            if (j < 0)
                return;
        }
    }
}
