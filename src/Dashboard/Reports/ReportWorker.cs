using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;

namespace LazyDist.Dashboard.Reports;

/// <summary>One worker in a performance report, with what its tasks fetched and what its process sent and received inside the window.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its data endpoint ("" when it left before either edge).</param>
/// <param name="Threads">Executor threads (0 when unknown).</param>
/// <param name="Tasks">Runs inside the window on it.</param>
/// <param name="Fetches">Runs inside the window on it that fetched inputs from peers.</param>
/// <param name="FetchedBytes">Bytes those runs fetched.</param>
/// <param name="SentBytes">Payload bytes its process served to peers and clients between the edges (null unless connected at both).</param>
/// <param name="ReceivedBytes">Payload bytes its process fetched from peers between the edges (null unless connected at both).</param>
internal sealed record ReportWorker(string Name, string Address, int Threads, int Tasks, int Fetches, long FetchedBytes, long? SentBytes, long? ReceivedBytes)
{
    public static IReadOnlyList<ReportWorker> Of(IReadOnlyList<PerformanceWorker> start, IReadOnlyList<PerformanceWorker> end, IReadOnlyList<TaskRunView> runs)
    {
        var names = start.Select(w => w.Name).Concat(end.Select(w => w.Name)).Concat(runs.Select(r => r.Worker)).Distinct().Order(StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var before = start.FirstOrDefault(w => w.Name == name);
            var after = end.FirstOrDefault(w => w.Name == name);
            var known = after ?? before;
            var mine = runs.Where(r => r.Worker == name).ToList();
            var fetching = mine.Where(r => r.FetchedBytes > 0).ToList();
            bool both = before is not null && after is not null;
            return new ReportWorker(
                name,
                known?.Address ?? "",
                known?.Threads ?? 0,
                mine.Count,
                fetching.Count,
                fetching.Sum(r => r.FetchedBytes),
                both ? after!.SentBytes - before!.SentBytes : null,
                both ? after!.ReceivedBytes - before!.ReceivedBytes : null);
        })];
    }
}
