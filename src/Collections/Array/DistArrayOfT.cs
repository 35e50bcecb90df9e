using System.Numerics;
using LazyDist.Collections.Kernels;
using LazyDist.Graph;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

/// <summary>
/// A lazy n-dimensional array cut into blocks, each block one task (dask.array). Operations
/// return new lazy arrays or delayed values; nothing runs until a result is computed. Block
/// <c>b</c> (numbered row-major over the grid of blocks) is the task <c>(Name, b)</c> and holds
/// its elements as a flat row-major <typeparamref name="T"/>[].
/// </summary>
/// <typeparam name="T">The element type: <see cref="double"/>, <see cref="float"/>, <see cref="int"/> or <see cref="long"/>.</typeparam>
public sealed partial class DistArray<T> : IArray
    where T : unmanaged
{
    private readonly Func<int, TaskNode> _blockTask;
    private readonly Func<int, TaskKey?>? _viewOf;
    private readonly IReadOnlyList<IGraphSource> _dependencies;

    /// <param name="name">The blocks' key name.</param>
    /// <param name="shape">The length along each axis.</param>
    /// <param name="chunks">The normalized block sizes per axis.</param>
    /// <param name="blockTask">The task of a block that has one of its own.</param>
    /// <param name="dependencies">The sources the tasks read.</param>
    /// <param name="viewOf">For a block that is another array's block as it is, that block's key (no task of its own).</param>
    internal DistArray(string name, long[] shape, int[][] chunks, Func<int, TaskNode> blockTask, IReadOnlyList<IGraphSource> dependencies, Func<int, TaskKey?>? viewOf = null)
    {
        _ = DTypes.Of<T>();
        Name = name;
        Grid = new BlockGrid(shape, chunks);
        _blockTask = blockTask;
        _viewOf = viewOf;
        _dependencies = dependencies;
    }

    internal BlockGrid Grid { get; }

    BlockGrid IArray.Grid => Grid;

    internal static DType DType { get; } = DTypes.Of<T>();

    DType IArray.DType => DType;

    /// <summary>The name shared by the blocks' keys: block <c>b</c> is <c>(Name, b)</c>.</summary>
    public string Name { get; }

    /// <summary>The length of each axis (−1 for an axis of unknown chunk sizes, see <see cref="HasUnknownChunks"/>).</summary>
    public IReadOnlyList<long> Shape => Grid.Shape;

    /// <summary>Whether the block sizes are known only once computed (after boolean-mask selection, as dask's NaN chunks); <see cref="ComputeChunkSizes"/> learns them.</summary>
    public bool HasUnknownChunks => Grid.HasUnknownChunks;

    /// <summary>The number of axes.</summary>
    public int Rank => Grid.Rank;

    /// <summary>The number of elements (−1 while chunk sizes are unknown).</summary>
    public long Length => Grid.Size;

    /// <summary>The block sizes along each axis (dask's <c>chunks</c>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Chunks => Grid.Chunks;

    /// <summary>The number of blocks along each axis.</summary>
    public IReadOnlyList<int> NumBlocks => Grid.Counts;

    /// <summary>The size of the first block along the first axis (for a 1-D array: every chunk but the last).</summary>
    public int ChunkSize => Rank == 0 ? 1 : Grid.Chunks[0][0];

    /// <summary>The number of blocks.</summary>
    public int ChunkCount => Grid.BlockCount;

    /// <summary>The keys of the blocks, in row-major block order.</summary>
    public IReadOnlyList<TaskKey> ChunkKeys => [.. Enumerable.Range(0, ChunkCount).Select(ChunkKey)];

    /// <summary>The graph that computes every block, as built (not optimized).</summary>
    public TaskGraph Graph => GraphBuilder.Build([this]);

    IReadOnlyList<IGraphSource> IGraphSource.Dependencies => _dependencies;

    /// <summary>The key of block <paramref name="index"/> (row-major over the grid of blocks).</summary>
    public TaskKey ChunkKey(int index) => _viewOf?.Invoke(index) ?? new(Name, index);

    /// <summary>The number of elements of block <paramref name="index"/>.</summary>
    public int ChunkLength(int index) => Grid.BlockSize(index);

    /// <summary>The shape of block <paramref name="index"/>.</summary>
    public IReadOnlyList<int> BlockShape(int index) => Grid.BlockShape(index);

    /// <summary>
    /// The array converted to <typeparamref name="TResult"/> (numpy's <c>astype</c>: floating to
    /// integer truncates toward zero, saturating, NaN to 0; integers wrap; to bool is "not zero"),
    /// fused with what reads it.
    /// </summary>
    /// <typeparam name="TResult">The new element type.</typeparam>
    public DistArray<TResult> AsType<TResult>() where TResult : unmanaged => DistArray.Convert<T, TResult>(this);

    /// <summary>The graph that <see cref="Compute(IScheduler?, bool)"/> runs: optimized unless <paramref name="optimize"/> is false.</summary>
    public TaskGraph GetGraph(bool optimize = true) =>
        optimize ? GraphOptimizer.Optimize(Graph, ChunkKeys) : Graph;

    /// <summary>
    /// Computes every block and returns the elements in row-major (C) order: for a 1-D array, the
    /// array itself; for more axes, the flat data of <see cref="ComputeDense"/>.
    /// </summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first (the result is the same).</param>
    /// <exception cref="InvalidOperationException">The array is too long for one .NET array.</exception>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public T[] Compute(IScheduler? scheduler = null, bool optimize = true) => Compute(scheduler, null, optimize);

    /// <summary>Computes every block, as <see cref="Compute(IScheduler?, bool)"/> does, reporting progress.</summary>
    /// <param name="scheduler">Where to run; null for the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="progress">Receives the run's progress (done / total tasks per key group, bytes held) while it goes; null for none.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first (the result is the same).</param>
    /// <exception cref="InvalidOperationException">The array is too long for one .NET array.</exception>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public T[] Compute(IScheduler? scheduler, IProgress<ComputeProgress>? progress, bool optimize = true)
    {
        if (Length > Array.MaxLength)
            throw new InvalidOperationException($"an array of shape {Shapes.Text(Grid.Shape)} ({Length} elements) is too long to compute into one .NET array (at most {Array.MaxLength})");
        var keys = ChunkKeys;
        var blocks = SchedulerChoice.Resolve(scheduler).Get(GetGraph(optimize), keys, progress);
        return Assemble(blocks);
    }

    /// <summary>Computes every block and returns a dense n-D array.</summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first.</param>
    /// <exception cref="InvalidOperationException">The array is too long for one .NET array.</exception>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public DenseArray<T> ComputeDense(IScheduler? scheduler = null, bool optimize = true) =>
        new([.. Grid.Shape.Select(s => (int)s)], Compute(scheduler, optimize));

    /// <summary>Computes every block, asynchronously.</summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public Task<T[]> ComputeAsync(IScheduler? scheduler = null, bool optimize = true, CancellationToken cancellationToken = default) =>
        ComputeAsync(scheduler, null, optimize, cancellationToken);

    /// <summary>Computes every block, asynchronously, reporting progress.</summary>
    /// <param name="scheduler">Where to run; null for the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="progress">Receives the run's progress (done / total tasks per key group, bytes held) while it goes; null for none.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public async Task<T[]> ComputeAsync(IScheduler? scheduler, IProgress<ComputeProgress>? progress, bool optimize = true, CancellationToken cancellationToken = default)
    {
        if (Length > Array.MaxLength)
            throw new InvalidOperationException($"an array of shape {Shapes.Text(Grid.Shape)} is too long to compute into one .NET array");
        var keys = ChunkKeys;
        var graph = GetGraph(optimize);
        var blocks = await SchedulerChoice.Resolve(scheduler).ComputeAsync(graph, keys, progress, cancellationToken).ConfigureAwait(false);
        return Assemble(blocks);
    }

    /// <summary>
    /// The same array (same keys, same tasks) with its block sizes known: each block is computed
    /// for its length (dask's <c>compute_chunk_sizes</c>). An array whose sizes are known is returned as it is.
    /// </summary>
    /// <param name="scheduler">Where to run; the threaded scheduler of this process by default.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public DistArray<T> ComputeChunkSizes(IScheduler? scheduler = null)
    {
        if (!HasUnknownChunks)
            return this;
        string name = $"chunk-sizes-{Tokenizer.Token("chunk-sizes", Name)}";
        var length = ArrayOperations.Get("array.length");
        var tasks = Enumerable.Range(0, ChunkCount).Select(b => new KeyValuePair<TaskKey, TaskNode>(new(name, b), new TaskNode(length, new TaskRef(ChunkKey(b))))).ToList();
        var layer = new TaskLayer(tasks, [this]);
        var graph = GraphBuilder.Build([layer]);
        var sizes = (scheduler ?? ThreadedScheduler.Default).Get(graph, [.. tasks.Select(t => t.Key)]).Select(v => (int)(long)v!).ToArray();
        return new DistArray<T>(Name, [sizes.Sum(s => (long)s)], [sizes], _blockTask, _dependencies, _viewOf);
    }

    private T[] Assemble(object?[] blocks)
    {
        if (HasUnknownChunks)
            return blocks.Cast<T[]>().SelectMany(b => b).ToArray();
        var result = new T[Length];
        if (Rank == 1)
        {
            int offset = 0;
            foreach (var block in blocks)
            {
                var chunk = (T[])block!;
                chunk.CopyTo(result, offset);
                offset += chunk.Length;
            }
            return result;
        }
        var full = Grid.Shape.Select(s => (int)s).ToArray();
        for (int b = 0; b < blocks.Length; b++)
        {
            var shape = Grid.BlockShape(b);
            var start = Grid.BlockStart(b).Select(s => (int)s).ToArray();
            BoxKernels.Copy((T[])blocks[b]!, shape, new int[Rank], result, full, start, shape);
        }
        return result;
    }

    void IGraphSource.AddOwnTasks(TaskGraph graph)
    {
        for (int i = 0; i < ChunkCount; i++)
        {
            if (_viewOf?.Invoke(i) is null)
                graph[new TaskKey(Name, i)] = _blockTask(i);
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"DistArray<{typeof(T).Name}>(name={Name}, shape={Shapes.Text(Grid.Shape)}, blocks={Shapes.Text(Grid.Counts)})";
}
