using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

/// <summary>
/// A lazy one-dimensional array split into chunks, each chunk one task (dask.array). Operations
/// return new lazy arrays or delayed values; nothing runs until a result is computed.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class DistArray<T> : IGraphSource
    where T : unmanaged
{
    private readonly Func<int, TaskNode> _chunkTask;
    private readonly IReadOnlyList<IGraphSource> _dependencies;

    internal DistArray(string name, long length, int chunkSize, Func<int, TaskNode> chunkTask, IReadOnlyList<IGraphSource> dependencies)
    {
        Name = name;
        Length = length;
        ChunkSize = chunkSize;
        ChunkCount = checked((int)((length + chunkSize - 1) / chunkSize));
        _chunkTask = chunkTask;
        _dependencies = dependencies;
    }

    /// <summary>The name shared by the chunks' keys: chunk <c>i</c> is <c>(Name, i)</c>.</summary>
    public string Name { get; }

    /// <summary>The number of elements.</summary>
    public long Length { get; }

    /// <summary>The length of every chunk but the last, which may be shorter.</summary>
    public int ChunkSize { get; }

    /// <summary>The number of chunks.</summary>
    public int ChunkCount { get; }

    /// <summary>The keys of the chunks, in order.</summary>
    public IReadOnlyList<TaskKey> ChunkKeys => [.. Enumerable.Range(0, ChunkCount).Select(ChunkKey)];

    /// <summary>The graph that computes every chunk.</summary>
    public TaskGraph Graph => GraphBuilder.Build([this]);

    IReadOnlyList<IGraphSource> IGraphSource.Dependencies => _dependencies;

    /// <summary>The key of chunk <paramref name="index"/>.</summary>
    public TaskKey ChunkKey(int index) => new(Name, index);

    /// <summary>The length of chunk <paramref name="index"/>.</summary>
    public int ChunkLength(int index) => (int)Math.Min(ChunkSize, Length - (long)index * ChunkSize);

    /// <summary>Computes every chunk and returns the whole array.</summary>
    /// <param name="scheduler">Where to run; the threaded scheduler of this process by default.</param>
    /// <exception cref="InvalidOperationException">The array is too long for one .NET array.</exception>
    public T[] Compute(IScheduler? scheduler = null)
    {
        if (Length > Array.MaxLength)
            throw new InvalidOperationException($"an array of {Length} elements is too long to compute into one .NET array (at most {Array.MaxLength})");
        var chunks = (scheduler ?? ThreadedScheduler.Default).Get(Graph, ChunkKeys);
        var result = new T[Length];
        int offset = 0;
        foreach (var chunk in chunks.Cast<T[]>())
        {
            chunk.CopyTo(result, offset);
            offset += chunk.Length;
        }
        return result;
    }

    void IGraphSource.AddOwnTasks(TaskGraph graph)
    {
        for (int i = 0; i < ChunkCount; i++)
            graph[ChunkKey(i)] = _chunkTask(i);
    }

    /// <inheritdoc/>
    public override string ToString() => $"DistArray<{typeof(T).Name}>(name={Name}, length={Length}, chunks={ChunkCount} x {ChunkSize})";
}
