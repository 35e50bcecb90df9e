using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;

namespace LazyDist.Dashboard.Reports;

/// <summary>
/// What ran inside a performance report's callback, from the center's answers at its start and
/// at its end: the runs that started at or after the start and stopped at or before the end (a run
/// straddling either edge is left out and counted), memory measured between them, and each worker's traffic.
/// </summary>
/// <param name="Began">When the callback began, by the center's clock.</param>
/// <param name="Ended">When it ended, by the center's clock (the client's, plus the start, when the center could not be asked).</param>
/// <param name="Runs">The runs inside, oldest first.</param>
/// <param name="Straddling">Runs that stopped inside but started before the callback began: left out.</param>
/// <param name="FellOut">Runs of the window the center's ring no longer kept at the end (it keeps <paramref name="RunsKept"/>).</param>
/// <param name="RunsKept">How many runs the center keeps.</param>
/// <param name="Memory">Worker memory inside the window: each worker's last measurement at both edges, and every one between, oldest first.</param>
/// <param name="Workers">Every worker connected at either edge or that ran a task inside.</param>
/// <param name="TransferredBytes">Bytes workers fetched from each other between the edges, as the center counts them.</param>
/// <param name="Failure">What the callback threw, if it did.</param>
/// <param name="Unanswered">Why the center could not be asked at the end, if it could not.</param>
internal sealed record PerformanceWindow(
    DateTimeOffset Began,
    DateTimeOffset Ended,
    IReadOnlyList<TaskRunView> Runs,
    int Straddling,
    long FellOut,
    int RunsKept,
    IReadOnlyList<(DateTimeOffset Time, string Worker, long ProcessBytes)> Memory,
    IReadOnlyList<ReportWorker> Workers,
    long TransferredBytes,
    Exception? Failure,
    Exception? Unanswered)
{
    /// <summary>The window between <paramref name="start"/> and <paramref name="end"/> (null when the center could not be asked at the end).</summary>
    public static PerformanceWindow Of(PerformanceMessage start, PerformanceMessage? end, TimeSpan elapsed, Exception? failure, Exception? unanswered)
    {
        var began = At(start.NowUtcTicks);
        var ended = end is null ? began + elapsed : At(end.NowUtcTicks);
        var stopped = (end?.Runs ?? []).Where(r => r.StoppedUtcTicks <= end!.NowUtcTicks).ToList();
        var inside = stopped.Where(r => r.StartedUtcTicks >= start.NowUtcTicks)
            .Select(r => new TaskRunView(r.Key, r.Prefix, r.Worker, r.Thread, At(r.StartedUtcTicks), At(r.StoppedUtcTicks), r.NBytes, r.Failed, r.FetchedBytes))
            .ToList();
        long recorded = end is null ? 0 : end.RunsRecorded - start.RunsRecorded;
        var memory = new List<(DateTimeOffset, string, long)>();
        memory.AddRange(start.Workers.Where(w => w.ProcessBytes > 0).Select(w => (began, w.Name, w.ProcessBytes)));
        memory.AddRange((end?.Memory ?? []).Where(m => m.UtcTicks <= end!.NowUtcTicks).Select(m => (At(m.UtcTicks), m.Worker, m.ProcessBytes)));
        memory.AddRange((end?.Workers ?? []).Where(w => w.ProcessBytes > 0).Select(w => (ended, w.Name, w.ProcessBytes)));
        return new PerformanceWindow(
            began,
            ended,
            inside,
            stopped.Count - inside.Count,
            Math.Max(0, recorded - (end?.Runs.Length ?? 0)),
            end?.RunsKept ?? start.RunsKept,
            memory,
            ReportWorker.Of(start.Workers, end?.Workers ?? [], inside),
            end is null ? 0 : end.TransferredBytes - start.TransferredBytes,
            failure,
            unanswered);
    }

    /// <summary>Runs inside that threw.</summary>
    public int Erred => Runs.Count(r => r.Failed);

    private static DateTimeOffset At(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
