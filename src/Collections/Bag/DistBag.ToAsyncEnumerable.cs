using System.Runtime.CompilerServices;
using LazyDist.Distributed;
using LazyDist.Graph;
using LazyDist.Graph.Blocks;
using LazyDist.Schedulers;

namespace LazyDist.Collections;

public static partial class DistBag
{
    /// <summary>
    /// The elements in order as partitions finish, while later partitions still run: partition <c>i</c> is
    /// yielded once it and those before it are done, then let go (on a cluster, released from the worker
    /// that holds it). Works with the BCL's async LINQ (<c>System.Linq.AsyncEnumerable</c>).
    /// </summary>
    /// <param name="source">The bag to enumerate.</param>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="cancellationToken">Stops the run and the enumeration.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    /// <remarks>
    /// Stopping the enumeration early cancels the partitions not yet computed. On a local scheduler a slow
    /// consumer holds back the run: once about as many finished partitions as cores wait to be yielded,
    /// the tasks finishing more wait too (unless the partition the consumer needs next is not yet made).
    /// An enumeration must be finished or disposed (as <c>await foreach</c> does), else those tasks wait.
    /// </remarks>
    public static async IAsyncEnumerable<TSource> ToAsyncEnumerable<TSource>(this DistBag<TSource> source, IScheduler? scheduler = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        scheduler = SchedulerChoice.Resolve(scheduler);
        var cluster = scheduler switch { DistributedScheduler d => d, LocalCluster l => l.Client, _ => null };
        var partitions = cluster is null ? Emitted<TSource>(source, scheduler, new PartitionHandoff(StreamWindow), cancellationToken) : Held<TSource>(source, cluster, cancellationToken);
        await foreach (var item in Flattened(partitions).ConfigureAwait(false))
            yield return item;
    }

    /// <summary>The local stream with a handoff of the caller's (tests watch its backpressure).</summary>
    internal static IAsyncEnumerable<T> StreamedLocally<T>(DistBag<T> source, IScheduler scheduler, PartitionHandoff handoff, CancellationToken cancellationToken) =>
        Flattened(Emitted(source, scheduler, handoff, cancellationToken));

    private static async IAsyncEnumerable<T> Flattened<T>(IAsyncEnumerable<ElementBlock<T>> partitions)
    {
        await foreach (var block in partitions.ConfigureAwait(false))
        {
            foreach (var item in block.Items)
                yield return item;
        }
    }

    private static async IAsyncEnumerable<ElementBlock<T>> Held<T>(DistBag<T> source, DistributedScheduler cluster, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var futures = cluster.Persist(source.GetGraph(), source.PartitionKeys);
        try
        {
            for (int i = 0; i < futures.Count; i++)
            {
                var block = ElementBlock.Of<T>(await futures[i].ResultAsync(cancellationToken).ConfigureAwait(false));
                futures[i].Release();
                yield return block;
            }
        }
        finally
        {
            foreach (var future in futures)
                future.Release();
        }
    }

    /// <summary>
    /// Runs the graph with one more task per partition that hands the partition to this enumeration as it
    /// is made; a slow consumer makes those tasks wait (see <see cref="PartitionHandoff"/>).
    /// </summary>
    private static async IAsyncEnumerable<ElementBlock<T>> Emitted<T>(DistBag<T> source, IScheduler scheduler, PartitionHandoff handoff,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var graph = source.GetGraph();
        var keys = new List<TaskKey>(source.PartitionCount);
        string name = $"{source.Name}-stream-{Tokenizer.Unique()}";
        for (int i = 0; i < source.PartitionCount; i++)
        {
            var key = new TaskKey(name, i);
            graph[key] = TaskNode.Call(Emitter(handoff, i), new TaskRef(source.PartitionKey(i)));
            keys.Add(key);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(async () =>
        {
            try
            {
                await scheduler.ComputeAsync(graph, keys, stop.Token).ConfigureAwait(false);
                handoff.End(null);
            }
            catch (Exception e)
            {
                handoff.End(e);
            }
        }, CancellationToken.None);
        int next = 0;
        try
        {
            for (; next < source.PartitionCount; next++)
                yield return ElementBlock.Of<T>(await handoff.TakeAsync(next, stop.Token).ConfigureAwait(false));
        }
        finally
        {
            // Cancel before letting waiting tasks go on, so that they start no further task; a run that made
            // every partition is not cancelled.
            if (next < source.PartitionCount)
                await stop.CancelAsync().ConfigureAwait(false);
            handoff.Close();
            await run.ConfigureAwait(false);
        }
    }

    /// <summary>How many finished partitions may wait for a local consumer before the tasks that make them wait too.</summary>
    private static int StreamWindow => Math.Max(2, Environment.ProcessorCount);

    private static Func<object?, object?> Emitter(PartitionHandoff handoff, int index) => block =>
    {
        handoff.Put(index, block);
        return null;
    };
}
