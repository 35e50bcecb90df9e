using LazyDist.Graph;

namespace LazyDist.Cli.Scripting;

/// <summary>
/// The scheduler a script sees when <c>lazydist run</c>'s stderr is a terminal: every compute on
/// it (through <c>Scheduler</c> or as the default) runs on the chosen scheduler with progress bars
/// drawn while it runs (<see cref="ProgressReporter"/>), cleared when it ends, so the script's own
/// output between computes stays clean. A caller's own progress sink gets the same reports.
/// </summary>
internal sealed class ProgressScheduler(IScheduler inner, TextWriter error) : IScheduler, IReportsProgress, IReportsRunStatistics
{
    /// <summary>The scheduler that runs the work.</summary>
    public IScheduler Inner => inner;

    /// <inheritdoc/>
    public RunStatistics? LastRun => (inner as IReportsRunStatistics)?.LastRun;

    /// <inheritdoc/>
    public async ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default) =>
        await ProgressReporter.RunAsync(error, bars => inner.ComputeAsync(graph, keys, bars, cancellationToken).AsTask()).ConfigureAwait(false);

    /// <inheritdoc/>
    public async ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return await ProgressReporter.RunAsync(error, bars => inner.ComputeAsync(graph, keys, bars is null ? progress : new Both(bars, progress), cancellationToken).AsTask()).ConfigureAwait(false);
    }

    /// <summary>The chosen scheduler's name (<c>processes:2</c>, …).</summary>
    public override string? ToString() => inner.ToString();

    private sealed class Both(IProgress<ComputeProgress> first, IProgress<ComputeProgress> second) : IProgress<ComputeProgress>
    {
        public void Report(ComputeProgress value)
        {
            first.Report(value);
            second.Report(value);
        }
    }
}
