using LazyDist.Collections.Kernels;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>Makes a <see cref="DistArray{T}"/> of an element type known only at run time (for builders that take arrays of several types).</summary>
internal static class ArrayFactory
{
    public static IArray Create(DType type, string name, long[] shape, int[][] chunks, Func<int, TaskNode> blockTask, IReadOnlyList<IGraphSource> dependencies, Func<int, TaskKey?>? viewOf = null) => type switch
    {
        DType.Bool => new DistArray<bool>(name, shape, chunks, blockTask, dependencies, viewOf),
        DType.UInt8 => new DistArray<byte>(name, shape, chunks, blockTask, dependencies, viewOf),
        DType.Int16 => new DistArray<short>(name, shape, chunks, blockTask, dependencies, viewOf),
        DType.Int32 => new DistArray<int>(name, shape, chunks, blockTask, dependencies, viewOf),
        DType.UInt32 => new DistArray<uint>(name, shape, chunks, blockTask, dependencies, viewOf),
        DType.Int64 => new DistArray<long>(name, shape, chunks, blockTask, dependencies, viewOf),
        DType.UInt64 => new DistArray<ulong>(name, shape, chunks, blockTask, dependencies, viewOf),
        DType.Float32 => new DistArray<float>(name, shape, chunks, blockTask, dependencies, viewOf),
        _ => new DistArray<double>(name, shape, chunks, blockTask, dependencies, viewOf),
    };
}
