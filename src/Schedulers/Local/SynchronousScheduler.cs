using LazyDist.Graph;

namespace LazyDist.Schedulers;

/// <summary>
/// Runs every task on the calling thread, one at a time, in static priority order: fully
/// deterministic, the scheduler to debug with (dask's <c>scheduler="sync"</c>).
/// </summary>
public sealed class SynchronousScheduler : IScheduler, IReportsRunStatistics, IReportsProgress
{
    /// <inheritdoc/>
    public RunStatistics? LastRun { get; private set; }

    /// <inheritdoc/>
    /// <remarks>Runs to completion before returning; cancellation is checked between tasks.</remarks>
    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default) =>
        Run(graph, keys, null, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress, CancellationToken cancellationToken = default) =>
        Run(graph, keys, progress, cancellationToken);

    private ValueTask<object?[]> Run(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            var run = Local.LocalRun.Prepare(graph, keys);
            LastRun = run.Statistics;
            if (progress is not null)
                run.Track(progress);
            while (run.TryTake(out int task))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Complete(task, run.Execute(task));
            }
            return ValueTask.FromResult(run.Results());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<object?[]>(cancellationToken);
        }
        catch (Exception error)
        {
            return ValueTask.FromException<object?[]>(error);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => "sync";
}
