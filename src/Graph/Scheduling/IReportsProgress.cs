namespace LazyDist.Graph;

/// <summary>A scheduler that reports a run's progress as it goes (every LazyDist scheduler does; use <see cref="SchedulerExtensions.ComputeAsync(IScheduler, TaskGraph, IReadOnlyList{TaskKey}, IProgress{ComputeProgress}?, CancellationToken)"/>).</summary>
public interface IReportsProgress
{
    /// <summary>Computes <paramref name="keys"/> of <paramref name="graph"/> as <see cref="IScheduler.ComputeAsync"/> does, reporting to <paramref name="progress"/> while it runs (at most every 100 ms, and once at the end).</summary>
    /// <param name="graph">The graph; it is read, never changed.</param>
    /// <param name="keys">The keys wanted, in the order of the returned values.</param>
    /// <param name="progress">Receives the progress; its handler runs on the scheduler's thread, so keep it short.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="GraphValidationException">A key is missing or the graph has a cycle.</exception>
    /// <exception cref="TaskFailedException">A task threw; it names the key.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress, CancellationToken cancellationToken = default);
}
