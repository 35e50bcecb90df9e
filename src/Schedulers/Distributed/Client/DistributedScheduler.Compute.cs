using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">A task's function captures a value that cannot travel, or a literal cannot be serialized; the message names the task and the value.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default) =>
        ComputeAsync(graph, keys, Retries, cancellationToken);

    /// <summary>Computes <paramref name="keys"/> of <paramref name="graph"/>, each task run again up to <paramref name="retries"/> times when its own code throws (dask's <c>retries=</c>).</summary>
    /// <param name="graph">The tasks, by key; it is not changed.</param>
    /// <param name="keys">The keys wanted.</param>
    /// <param name="retries">How many times a task whose own code threw runs again before its error reaches the caller; a lost input or worker never counts.</param>
    /// <param name="cancellationToken">Stops waiting (the cluster forgets the keys).</param>
    /// <returns>The values of <paramref name="keys"/>, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retries"/> is negative.</exception>
    /// <exception cref="NotSupportedException">A task's function captures a value that cannot travel, or a literal cannot be serialized; the message names the task and the value.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public async ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, int retries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Count == 0)
            return [];
        return await ComputeInRunOrderAsync(graph.RunOrder(keys), keys, retries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Computes <paramref name="keys"/> from <paramref name="tasks"/>, the graph's run order for them (culled, validated, in priority order: inputs first).</summary>
    private async ValueTask<object?[]> ComputeInRunOrderAsync(IReadOnlyList<KeyValuePair<TaskKey, TaskNode>> tasks, IReadOnlyList<TaskKey> keys, int retries, CancellationToken cancellationToken)
    {
        var wanted = keys.Distinct().ToList();
        var interests = SubmitTasks(new RunOrderTasks(tasks), wanted, retries: retries, distinct: true);
        try
        {
            var values = await Task.WhenAll(interests.Select(p => GetValueAsync(p, cancellationToken))).ConfigureAwait(false);
            var byKey = wanted.Zip(values).ToDictionary(p => p.First, p => p.Second);
            return [.. keys.Select(k => byKey[k])];
        }
        finally
        {
            Release(interests);
        }
    }
}
