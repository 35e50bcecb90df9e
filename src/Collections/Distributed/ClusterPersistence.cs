using System.Numerics;
using LazyDist.Distributed;
using LazyDist.Graph;

namespace LazyDist.Collections;

/// <summary>
/// Keeps collections on a cluster (dask's <c>persist</c>): the blocks are computed there and stay
/// on the workers that made them; the returned collection's graph starts from them
/// (<see cref="TaskNode.Remote"/> nodes), so later computations on that cluster reuse them instead
/// of recomputing. The blocks stay held while the returned collection, or anything built from it,
/// is reachable, and are released soon after it is dropped.
/// </summary>
public static class ClusterPersistence
{
    /// <summary>Starts computing every block of <paramref name="array"/> on the cluster and keeps them there; returns at once.</summary>
    /// <param name="cluster">The cluster that computes and holds it.</param>
    /// <param name="array">The array whose blocks to hold.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first (the blocks are the same).</param>
    /// <returns>The same array, computed from the held blocks; compute it on this cluster only.</returns>
    /// <exception cref="NotSupportedException">A task cannot travel; the message names it.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public static DistArray<T> Persist<T>(this DistributedScheduler cluster, DistArray<T> array, bool optimize = true)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(array);
        return Held(array, cluster.Persist(array.GetGraph(optimize), array.ChunkKeys));
    }

    /// <summary>Computes every block of <paramref name="array"/> on the cluster, keeps them there, and waits until all are held.</summary>
    /// <inheritdoc cref="Persist{T}(DistributedScheduler, DistArray{T}, bool)"/>
    /// <param name="cluster">The cluster that computes and holds it.</param>
    /// <param name="array">The array whose blocks to hold.</param>
    /// <param name="optimize">Whether to cull and fuse the graph first (the blocks are the same).</param>
    /// <param name="cancellationToken">Stops waiting (the blocks stay held while the returned array lives).</param>
    /// <exception cref="TaskFailedException">A block's task failed; it names the key.</exception>
    public static async Task<DistArray<T>> PersistAsync<T>(this DistributedScheduler cluster, DistArray<T> array, bool optimize = true, CancellationToken cancellationToken = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(array);
        var futures = cluster.Persist(array.GetGraph(optimize), array.ChunkKeys);
        await WaitAllAsync(futures, cancellationToken).ConfigureAwait(false);
        return Held(array, futures);
    }

    /// <summary>Starts computing <paramref name="value"/> on the cluster and keeps it there; returns at once.</summary>
    /// <param name="cluster">The cluster that computes and holds it.</param>
    /// <param name="value">The delayed value.</param>
    /// <returns>The same value, read from where it is held; compute it on this cluster only.</returns>
    /// <exception cref="NotSupportedException">A task cannot travel; the message names it.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public static Delayed<T> Persist<T>(this DistributedScheduler cluster, Delayed<T> value)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(value);
        var future = cluster.Persist(value.GetGraph(), [value.Key])[0];
        return Delayed.Held<T>(value.Key, future.ToNode(), future);
    }

    /// <summary>Computes <paramref name="value"/> on the cluster, keeps it there, and waits until it is held.</summary>
    /// <inheritdoc cref="Persist{T}(DistributedScheduler, Delayed{T})"/>
    /// <param name="cluster">The cluster that computes and holds it.</param>
    /// <param name="value">The delayed value.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="TaskFailedException">Its task failed; it names the key.</exception>
    public static async Task<Delayed<T>> PersistAsync<T>(this DistributedScheduler cluster, Delayed<T> value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(value);
        var future = cluster.Persist(value.GetGraph(), [value.Key])[0];
        await WaitAllAsync([future], cancellationToken).ConfigureAwait(false);
        return Delayed.Held<T>(value.Key, future.ToNode(), future);
    }

    /// <inheritdoc cref="Persist{T}(DistributedScheduler, DistArray{T}, bool)"/>
    public static DistArray<T> Persist<T>(this LocalCluster cluster, DistArray<T> array, bool optimize = true)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Client.Persist(array, optimize);
    }

    /// <inheritdoc cref="PersistAsync{T}(DistributedScheduler, DistArray{T}, bool, CancellationToken)"/>
    public static Task<DistArray<T>> PersistAsync<T>(this LocalCluster cluster, DistArray<T> array, bool optimize = true, CancellationToken cancellationToken = default)
        where T : unmanaged, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Client.PersistAsync(array, optimize, cancellationToken);
    }

    /// <inheritdoc cref="Persist{T}(DistributedScheduler, Delayed{T})"/>
    public static Delayed<T> Persist<T>(this LocalCluster cluster, Delayed<T> value)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Client.Persist(value);
    }

    /// <inheritdoc cref="PersistAsync{T}(DistributedScheduler, Delayed{T}, CancellationToken)"/>
    public static Task<Delayed<T>> PersistAsync<T>(this LocalCluster cluster, Delayed<T> value, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return cluster.Client.PersistAsync(value, cancellationToken);
    }

    /// <summary>An array of the same shape whose every block is a held key (a view of it), kept held by <paramref name="futures"/>.</summary>
    private static DistArray<T> Held<T>(DistArray<T> array, IReadOnlyList<Future<object?>> futures)
        where T : unmanaged, INumber<T>
    {
        var keys = futures.Select(f => f.Key).ToArray();
        var nodes = futures.Select(f => new KeyValuePair<TaskKey, TaskNode>(f.Key, f.ToNode())).ToList();
        return new DistArray<T>(array.Name, [.. array.Grid.Shape], array.Grid.Chunks,
            _ => throw new InvalidOperationException("a persisted array has no tasks of its own"),
            [new HeldSource(nodes, futures)], b => keys[b]);
    }

    /// <summary>Waits until every future is held; throws the first failure.</summary>
    private static async Task WaitAllAsync(IReadOnlyList<Future<object?>> futures, CancellationToken cancellationToken)
    {
        await Task.WhenAll(futures.Select(f => f.WaitAsync(cancellationToken))).ConfigureAwait(false);
        foreach (var future in futures)
        {
            switch (future.Status)
            {
                case FutureStatus.Error:
                    throw future.Exception!;
                case FutureStatus.Cancelled:
                    throw new OperationCanceledException($"{future} was cancelled");
            }
        }
    }
}
