namespace LazyDist.Distributed.Center;

/// <summary>
/// The center's counters for the tasks whose keys share a prefix (<c>inc</c> for <c>('inc', 3)</c>,
/// <c>sum</c> for <c>sum-3c1f…</c>, as dask's <c>key_split</c>): how many are in each status now,
/// how many finished, and how long they ran. Kept up to date by every transition, so a status page
/// or a progress report reads them without walking the tasks.
/// </summary>
internal sealed class TaskPrefix(string name)
{
    private readonly int[] _counts = new int[Enum.GetValues<CenterTaskStatus>().Length];

    public string Name { get; } = name;

    /// <summary>Tasks of this prefix the center knows now, in <paramref name="status"/>; for <see cref="CenterTaskStatus.Forgotten"/>, those it dropped, in all (dask counts them as done).</summary>
    public int Count(CenterTaskStatus status) => _counts[(int)status];

    /// <summary>Results of this prefix that arrived from workers, in all.</summary>
    public long Finished { get; private set; }

    /// <summary>Time workers spent running this prefix's tasks, in all (from the start and stop times they report).</summary>
    public TimeSpan Duration { get; private set; }

    /// <summary>Bytes of the results that arrived, in all.</summary>
    public long ResultBytes { get; private set; }

    /// <summary>The mean run time of one task, or null before the first has finished.</summary>
    public TimeSpan? MeanDuration => Finished == 0 ? null : Duration / Finished;

    /// <summary>
    /// The expected run time of one task: an exponential average of the measured runs, each new run
    /// weighing half (as dask's <c>duration_average</c>), so it follows a change quickly; null before
    /// the first has finished. Work stealing costs tasks by it.
    /// </summary>
    public TimeSpan? AverageDuration { get; private set; }

    /// <summary>The mean size of one result, or null before the first has arrived.</summary>
    public long? MeanBytes => Finished == 0 ? null : ResultBytes / Finished;

    internal void Moved(CenterTaskStatus from, CenterTaskStatus to)
    {
        if (from != CenterTaskStatus.Forgotten)
            _counts[(int)from]--;
        _counts[(int)to]++; // Forgotten: a running total, never decremented (a new task comes "from" Forgotten)
    }

    /// <param name="duration">How long it ran.</param>
    /// <param name="nbytes">The size of its result.</param>
    /// <param name="measured">False for a result a worker held already (no run to measure): it leaves the average alone.</param>
    internal void Ran(TimeSpan duration, long nbytes, bool measured = true)
    {
        Finished++;
        duration = duration > TimeSpan.Zero ? duration : TimeSpan.Zero;
        Duration += duration;
        ResultBytes += nbytes;
        if (measured)
            AverageDuration = AverageDuration is { } average ? (average + duration) / 2 : duration;
    }

    public override string ToString() => $"{Name}: {string.Join(", ", Enum.GetValues<CenterTaskStatus>().Where(s => Count(s) > 0).Select(s => $"{s}={Count(s)}"))}";
}
