namespace LazyDist.Graph;

/// <summary>
/// Recycled chunk buffers, by element type and exact length, bounded in bytes. Kernels rent their
/// output arrays here; local schedulers return arrays that nothing can reference any more (see
/// <see cref="OpTraits"/>). Rented arrays are not cleared: kernels overwrite every element.
/// </summary>
internal static class ChunkPool
{
    /// <summary>The most bytes the pool keeps.</summary>
    public const long CapacityBytes = 128L << 20;

    private static long _pooledBytes;

    /// <summary>An array of exactly <paramref name="length"/> elements, recycled when one is free.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static T[] Rent<T>(int length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (Pool<T>.TryTake(length, out var array))
        {
            Interlocked.Add(ref _pooledBytes, -(long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            return array;
        }
        return GC.AllocateUninitializedArray<T>(length);
    }

    /// <summary>Gives back an array nobody references any more; ignored when the pool is full or the type is not pooled.</summary>
    public static void Return(object? value)
    {
        switch (value)
        {
            case double[] a: Return(a); break;
            case float[] a: Return(a); break;
            // By exact type: the runtime lets a ulong[] pass a test for long[] (and uint[] for int[]), and a pooled one would come back as the wrong type.
            case long[] a when a.GetType() == typeof(long[]): Return(a); break;
            case int[] a when a.GetType() == typeof(int[]): Return(a); break;
        }
    }

    /// <summary>Gives back an array nobody references any more; ignored when the pool is full.</summary>
    public static void Return<T>(T[] array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        // Small arrays are cheap to allocate; only chunk-sized ones are worth keeping.
        long bytes = (long)array.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (bytes < 64 * 1024)
            return;
        if (Interlocked.Add(ref _pooledBytes, bytes) > CapacityBytes)
        {
            Interlocked.Add(ref _pooledBytes, -bytes);
            return;
        }
        Pool<T>.Put(array);
    }

    private static class Pool<T>
    {
        private static readonly Dictionary<int, Stack<T[]>> ByLength = [];

        public static bool TryTake(int length, out T[] array)
        {
            lock (ByLength)
            {
                if (ByLength.TryGetValue(length, out var stack) && stack.TryPop(out array!))
                    return true;
            }
            array = [];
            return false;
        }

        public static void Put(T[] array)
        {
            lock (ByLength)
            {
                if (!ByLength.TryGetValue(array.Length, out var stack))
                    ByLength[array.Length] = stack = new Stack<T[]>();
                stack.Push(array);
            }
        }
    }
}
