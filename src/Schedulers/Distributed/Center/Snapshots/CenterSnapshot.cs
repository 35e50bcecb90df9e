namespace LazyDist.Distributed.Center;

/// <summary>
/// What a center is doing at one moment, copied under its lock so a dashboard, a metrics
/// endpoint or a performance report reads it without touching the state machine.
/// </summary>
/// <param name="Time">When it was taken, by the center's clock.</param>
/// <param name="Prefixes">Per key group, its tasks by status, ordered by name.</param>
/// <param name="Workers">The connected workers, ordered by name.</param>
/// <param name="HeldBytes">Bytes of results held by all workers.</param>
/// <param name="TransferredBytes">Bytes workers fetched from each other, in all.</param>
/// <param name="CompletedTasks">Results received from workers, in all.</param>
/// <param name="Clients">Clients connected.</param>
internal sealed record CenterSnapshot(
    DateTimeOffset Time,
    IReadOnlyList<PrefixCounts> Prefixes,
    IReadOnlyList<WorkerView> Workers,
    long HeldBytes,
    long TransferredBytes,
    long CompletedTasks,
    int Clients)
{
    /// <summary>Executor threads of all workers.</summary>
    public int Threads => Workers.Sum(w => w.Threads);
}
