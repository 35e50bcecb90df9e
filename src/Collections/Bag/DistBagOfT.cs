using LazyDist.Graph;
using LazyDist.Graph.Blocks;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

/// <summary>
/// A lazy sequence of <typeparamref name="T"/> cut into partitions (dask.bag, DryadLINQ's partitioned
/// table): partition <c>i</c> is the task <c>(Name, i)</c>, holding its elements in order. The
/// operators of <see cref="DistBag"/> have LINQ's names and signatures, so query syntax works; each
/// returns a new lazy bag or a <see cref="Delayed{T}"/>, and nothing runs until a result is computed.
/// </summary>
/// <typeparam name="T">The element type. On a cluster, elements travel in blocks: numbers, strings,
/// records, tuples, anonymous types, arrays and lists of those.</typeparam>
public class DistBag<T> : IGraphSource
{
    private readonly Func<int, TaskNode> _task;
    private readonly IReadOnlyList<IGraphSource> _dependencies;

    internal DistBag(string name, int partitionCount, Func<int, TaskNode> task, IReadOnlyList<IGraphSource> dependencies)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitionCount);
        Name = name;
        PartitionCount = partitionCount;
        _task = task;
        _dependencies = dependencies;
    }

    /// <summary>The name shared by the partitions' keys: partition <c>i</c> is <c>(Name, i)</c>.</summary>
    public string Name { get; }

    /// <summary>The number of partitions.</summary>
    public int PartitionCount { get; }

    /// <summary>The keys of the partitions, in order.</summary>
    public IReadOnlyList<TaskKey> PartitionKeys => [.. Enumerable.Range(0, PartitionCount).Select(PartitionKey)];

    /// <summary>The graph that computes every partition, as built (not optimized).</summary>
    public TaskGraph Graph => GraphBuilder.Build([this]);

    IReadOnlyList<IGraphSource> IGraphSource.Dependencies => _dependencies;

    /// <summary>The key of partition <paramref name="index"/>.</summary>
    public TaskKey PartitionKey(int index) => new(Name, index);

    /// <summary>The graph that <see cref="Compute(IScheduler?, bool)"/> runs: culled and fused unless <paramref name="optimize"/> is false.</summary>
    public TaskGraph GetGraph(bool optimize = true) => optimize ? GraphOptimizer.Optimize(Graph, PartitionKeys) : Graph;

    /// <summary>Computes every partition and returns the elements in order.</summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first (the elements are the same).</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public List<T> Compute(IScheduler? scheduler = null, bool optimize = true) => Compute(scheduler, null, optimize);

    /// <summary>Computes every partition and returns the elements in order, reporting progress.</summary>
    /// <param name="scheduler">Where to run; null for the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="progress">Receives the run's progress (done / total tasks per key group, bytes held) while it goes; null for none.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first (the elements are the same).</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public List<T> Compute(IScheduler? scheduler, IProgress<ComputeProgress>? progress, bool optimize = true) =>
        Assemble(SchedulerChoice.Resolve(scheduler).Get(GetGraph(optimize), PartitionKeys, progress));

    /// <summary>Computes every partition and returns the elements in order.</summary>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public Task<List<T>> ComputeAsync(IScheduler? scheduler = null, bool optimize = true, CancellationToken cancellationToken = default) =>
        ComputeAsync(scheduler, null, optimize, cancellationToken);

    /// <summary>Computes every partition and returns the elements in order, reporting progress.</summary>
    /// <param name="scheduler">Where to run; null for the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="progress">Receives the run's progress (done / total tasks per key group, bytes held) while it goes; null for none.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    public async Task<List<T>> ComputeAsync(IScheduler? scheduler, IProgress<ComputeProgress>? progress, bool optimize = true, CancellationToken cancellationToken = default)
    {
        var graph = GetGraph(optimize);
        return Assemble(await SchedulerChoice.Resolve(scheduler).ComputeAsync(graph, PartitionKeys, progress, cancellationToken).ConfigureAwait(false));
    }

    internal static List<T> Assemble(object?[] partitions)
    {
        var blocks = partitions.Select(ElementBlock.Of<T>).ToList();
        var result = new List<T>(blocks.Sum(b => b.Count));
        foreach (var block in blocks)
            result.AddRange(block.Span);
        return result;
    }

    void IGraphSource.AddOwnTasks(TaskGraph graph)
    {
        for (int i = 0; i < PartitionCount; i++)
            graph[PartitionKey(i)] = _task(i);
    }

    /// <inheritdoc/>
    public override string ToString() => $"DistBag<{typeof(T).Name}>(name={Name}, partitions={PartitionCount})";
}
