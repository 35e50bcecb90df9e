namespace LazyDist.Graph;

/// <summary>Conveniences over <see cref="IScheduler.ComputeAsync"/>, like dask's <c>get(dsk, key)</c>.</summary>
public static class SchedulerExtensions
{
    /// <summary>Computes one key and waits for it.</summary>
    /// <exception cref="GraphValidationException">The key or a dependency is missing, or there is a cycle.</exception>
    /// <exception cref="TaskFailedException">A task threw.</exception>
    public static object? Get(this IScheduler scheduler, TaskGraph graph, TaskKey key) =>
        scheduler.Get(graph, [key])[0];

    /// <summary>Computes several keys and waits for them.</summary>
    /// <exception cref="GraphValidationException">A key or a dependency is missing, or there is a cycle.</exception>
    /// <exception cref="TaskFailedException">A task threw.</exception>
    public static object?[] Get(this IScheduler scheduler, TaskGraph graph, IReadOnlyList<TaskKey> keys)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        var pending = scheduler.ComputeAsync(graph, keys);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Computes one key.</summary>
    public static async ValueTask<object?> GetAsync(this IScheduler scheduler, TaskGraph graph, TaskKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        return (await scheduler.ComputeAsync(graph, [key], cancellationToken).ConfigureAwait(false))[0];
    }
}
