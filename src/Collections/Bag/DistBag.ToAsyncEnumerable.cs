using System.Runtime.CompilerServices;
using System.Threading.Channels;
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
    /// <param name="source">The bag.</param>
    /// <param name="scheduler">Where to run; by default the ambient <see cref="DefaultScheduler"/> if one is set, else this process's threads.</param>
    /// <param name="cancellationToken">Stops the run and the enumeration.</param>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    /// <remarks>Stopping the enumeration early cancels the partitions not yet computed.</remarks>
    public static async IAsyncEnumerable<TSource> ToAsyncEnumerable<TSource>(this DistBag<TSource> source, IScheduler? scheduler = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        scheduler = SchedulerChoice.Resolve(scheduler);
        var cluster = scheduler switch { DistributedScheduler d => d, LocalCluster l => l.Client, _ => null };
        var partitions = cluster is null ? Emitted<TSource>(source, scheduler, cancellationToken) : Held<TSource>(source, cluster, cancellationToken);
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

    /// <summary>Runs the graph with one more task per partition that hands the partition to this enumeration as it is made.</summary>
    private static async IAsyncEnumerable<ElementBlock<T>> Emitted<T>(DistBag<T> source, IScheduler scheduler, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<(int Index, object? Block)>();
        var graph = source.GetGraph();
        var keys = new List<TaskKey>(source.PartitionCount);
        string name = $"{source.Name}-stream-{Tokenizer.Unique()}";
        for (int i = 0; i < source.PartitionCount; i++)
        {
            var key = new TaskKey(name, i);
            graph[key] = TaskNode.Call(Emitter(channel.Writer, i), new TaskRef(source.PartitionKey(i)));
            keys.Add(key);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(async () =>
        {
            try
            {
                await scheduler.ComputeAsync(graph, keys, stop.Token).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        var early = new Dictionary<int, object?>();
        try
        {
            for (int next = 0; next < source.PartitionCount; next++)
            {
                object? block;
                while (!early.Remove(next, out block))
                {
                    var (index, value) = await ReadAsync(channel.Reader, stop.Token).ConfigureAwait(false);
                    early[index] = value;
                }
                yield return ElementBlock.Of<T>(block);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }
    }

    private static async Task<(int, object?)> ReadAsync(ChannelReader<(int, object?)> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException e) when (e.InnerException is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    private static Func<object?, object?> Emitter(ChannelWriter<(int, object?)> writer, int index) => block =>
    {
        writer.TryWrite((index, block));
        return null;
    };
}
