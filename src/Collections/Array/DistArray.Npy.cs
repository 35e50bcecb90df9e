using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

public static partial class DistArray
{
    /// <summary>
    /// A lazy array over a .npy file (little-endian, C order, float64/float32/int32/int64): only the
    /// header is read now; each block task reads its own rows of the file, so the whole file is
    /// never in memory at once.
    /// </summary>
    /// <exception cref="FormatException">The file is not a .npy file this reader supports, or holds another element type than <typeparamref name="T"/>; the message says which.</exception>
    /// <exception cref="ArgumentException">The chunks do not fit the file's shape.</exception>
    public static DistArray<T> FromNpy<T>(string path, ChunkSpec chunks) where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        var (descr, shape, offset) = NpyFormat.Read(full);
        var dtype = DTypes.Of<T>();
        if (descr != DTypes.Descr(dtype))
            throw new FormatException($"{path} holds '{descr}' elements, not {DTypes.Name(dtype)} ('{DTypes.Descr(dtype)}')");
        var normalized = chunks.Normalize(shape);
        var grid = new BlockGrid(shape, normalized);
        var stamp = File.GetLastWriteTimeUtc(full).Ticks;
        string name = $"from-npy-{Tokenizer.Token("from-npy", full, stamp, ArrayNodes.Flatten(normalized))}";
        return new DistArray<T>(name, shape, normalized, b => ArrayNodes.Op("array.npy-read", full, offset, new Literal(shape),
            new Literal(grid.BlockStart(b)), new Literal(grid.BlockShape(b)), DTypes.Name(dtype)), []);
    }

    /// <summary>
    /// Writes the array to a .npy file byte for byte as numpy would: the header first, then each
    /// block task writes its own rows in place, so no more than a block per task is in memory.
    /// </summary>
    /// <param name="array">The array to write.</param>
    /// <param name="path">The file; replaced if it exists.</param>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <returns>The number of data bytes written.</returns>
    /// <exception cref="TaskFailedException">A task threw (for example an I/O error); it names the key.</exception>
    public static long ToNpy<T>(this DistArray<T> array, string path, IScheduler? scheduler = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        var grid = array.Grid;
        var header = NpyFormat.Header(DTypes.Descr(DTypes.Of<T>()), grid.Shape);
        using (var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.Write(header);
            stream.SetLength(header.Length + grid.Size * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        }
        string name = $"to-npy-{Tokenizer.Unique()}";
        var write = ArrayOperations.Get("array.npy-write");
        var tasks = new List<KeyValuePair<TaskKey, TaskNode>>();
        for (int b = 0; b < grid.BlockCount; b++)
        {
            tasks.Add(new(new TaskKey(name, b), new TaskNode(write, full, (long)header.Length, new Literal(grid.Shape),
                new Literal(grid.BlockStart(b)), new Literal(grid.BlockShape(b)), new TaskRef(array.ChunkKey(b)))));
        }
        var total = new TaskKey($"{name}-total");
        tasks.Add(new(total, ArrayNodes.Op("array.total", ArgList.OfRefs(tasks.Select(t => t.Key)))));
        var result = new Delayed<long>(total, new TaskLayer(tasks, [array]));
        return result.Compute(scheduler);
    }
}
