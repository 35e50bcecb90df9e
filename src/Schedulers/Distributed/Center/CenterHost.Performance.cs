using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    /// <summary>Memory measurements a performance report can draw: one per worker per heartbeat, so at 1 s and 2 workers, the last hour and a half.</summary>
    private const int MemoryKept = 10_000;

    private readonly MemoryLog _memory = new(MemoryKept);

    /// <summary>A client's performance-report question answered from the task-run and memory rings the center keeps anyway. Callers hold the lock.</summary>
    private PerformanceMessage AnswerPerformance(GetPerformanceMessage question)
    {
        var since = Ticks(question.SinceUtcTicks);
        var runs = _runs.Since(since).Select(r => new PerformanceRun(r.Key, r.Prefix, r.Worker, r.Thread, r.Started.UtcTicks, r.Stopped.UtcTicks, r.NBytes, r.FetchedBytes, r.Failed));
        var memory = _memory.Since(since).Select(m => new MemoryPoint(m.Time.UtcTicks, m.Worker, m.ProcessBytes));
        var workers = _state.Workers.Values.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w =>
        {
            var metrics = _metrics.GetValueOrDefault(w.Id);
            return new PerformanceWorker(w.Name, w.Address, w.Threads, metrics?.SentBytes ?? 0, metrics?.ReceivedBytes ?? 0, metrics?.ProcessBytes ?? 0);
        });
        return new PerformanceMessage(_time.GetUtcNow().UtcTicks, _runs.Count, _runs.Capacity, [.. runs], [.. memory], [.. workers], _state.TransferredBytes);
    }
}
