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

    /// <summary>Computes several keys and waits for them, reporting progress to <paramref name="progress"/> (see <see cref="ComputeAsync(IScheduler, TaskGraph, IReadOnlyList{TaskKey}, IProgress{ComputeProgress}?, CancellationToken)"/>).</summary>
    /// <exception cref="GraphValidationException">A key or a dependency is missing, or there is a cycle.</exception>
    /// <exception cref="TaskFailedException">A task threw.</exception>
    public static object?[] Get(this IScheduler scheduler, TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress>? progress)
    {
        var pending = scheduler.ComputeAsync(graph, keys, progress);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Computes one key.</summary>
    public static async ValueTask<object?> GetAsync(this IScheduler scheduler, TaskGraph graph, TaskKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        return (await scheduler.ComputeAsync(graph, [key], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>Computes <paramref name="keys"/>, reporting the run's progress to <paramref name="progress"/> (done / total tasks per key group, bytes held) when the scheduler can (every LazyDist scheduler can; another gets one report at the end).</summary>
    /// <param name="scheduler">Where to run.</param>
    /// <param name="graph">The tasks, by key; it is not changed.</param>
    /// <param name="keys">The keys wanted.</param>
    /// <param name="progress">Receives the progress; null for none.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="GraphValidationException">A key or a dependency is missing, or there is a cycle.</exception>
    /// <exception cref="TaskFailedException">A task threw.</exception>
    public static async ValueTask<object?[]> ComputeAsync(this IScheduler scheduler, TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (progress is null)
            return await scheduler.ComputeAsync(graph, keys, cancellationToken).ConfigureAwait(false);
        if (scheduler is IReportsProgress reporting)
            return await reporting.ComputeAsync(graph, keys, progress, cancellationToken).ConfigureAwait(false);
        var values = await scheduler.ComputeAsync(graph, keys, cancellationToken).ConfigureAwait(false);
        new ProgressTracker(keys, progress).Finish(0);
        return values;
    }
}
