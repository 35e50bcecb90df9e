using System.Globalization;
using LazyDist.Graph;
using LazyDist.Schedulers.Local;

namespace LazyDist.Schedulers;

/// <summary>
/// Runs tasks on N threads of this process (dask's <c>scheduler="threads"</c>). Ready tasks run in
/// static priority order; an intermediate result is dropped the moment its last dependent has
/// run, unless it was requested; nothing is serialized or copied.
/// </summary>
public sealed class ThreadedScheduler : IScheduler, IReportsRunStatistics, IReportsProgress
{
    /// <summary>A shared scheduler with one thread per core: the default for collections.</summary>
    public static ThreadedScheduler Default { get; } = new();

    /// <summary>A scheduler with <paramref name="threads"/> threads (default: one per core).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is zero or negative.</exception>
    public ThreadedScheduler(int? threads = null)
    {
        if (threads is { } n)
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(threads));
        Threads = threads ?? Environment.ProcessorCount;
    }

    /// <summary>The number of threads a run uses.</summary>
    public int Threads { get; }

    /// <inheritdoc/>
    public RunStatistics? LastRun { get; private set; }

    /// <inheritdoc/>
    /// <remarks>
    /// On a task's exception or on cancellation no further task starts and the returned task ends
    /// at once; tasks already running finish on their threads and their results are discarded.
    /// </remarks>
    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default) =>
        Run(graph, keys, null, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress, CancellationToken cancellationToken = default) =>
        Run(graph, keys, progress, cancellationToken);

    private ValueTask<object?[]> Run(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress>? progress, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return ValueTask.FromCanceled<object?[]>(cancellationToken);
        LocalRun run;
        try
        {
            run = LocalRun.Prepare(graph, keys);
        }
        catch (Exception error)
        {
            return ValueTask.FromException<object?[]>(error);
        }
        LastRun = run.Statistics;
        if (progress is not null)
            run.Track(progress);
        if (run.IsFinished)
            return ValueTask.FromResult(run.Results());
        return new ValueTask<object?[]>(new ThreadedRun(run, Math.Min(Threads, run.Statistics.TotalTasks), cancellationToken).Completion);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"threads:{Threads}");
}
