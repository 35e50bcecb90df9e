using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>
/// The latest task runs the center heard of, in a ring of fixed size: what a task stream draws.
/// Recording stores references only (no formatting), so it costs the same whether anyone watches.
/// Not thread-safe: the center's lock guards it.
/// </summary>
internal sealed class TaskRunLog(int capacity)
{
    private readonly (TaskRun Run, string Worker, long FetchedBytes, bool Failed)[] _ring = new (TaskRun, string, long, bool)[capacity];
    private long _count;

    /// <summary>Runs recorded, in all.</summary>
    public long Count => _count;

    /// <summary>How many runs the ring keeps.</summary>
    public int Capacity => _ring.Length;

    public void Add(TaskRun run, string worker, long fetchedBytes, bool failed)
    {
        _ring[_count % _ring.Length] = (run, worker, fetchedBytes, failed);
        _count++;
    }

    /// <summary>The runs still in the ring that stopped at or after <paramref name="since"/>, oldest first.</summary>
    public List<TaskRunView> Since(DateTimeOffset since) => Format(Latest(since, _ring.Length, out _));

    /// <summary>
    /// The latest <paramref name="most"/> runs still in the ring that stopped at or after
    /// <paramref name="since"/>, oldest first, as references (copied, not formatted: what the
    /// center's lock is held for); <paramref name="total"/> counts all that did.
    /// </summary>
    public Entry[] Latest(DateTimeOffset since, int most, out int total)
    {
        long first = Math.Max(0, _count - _ring.Length);
        var kept = new List<Entry>();
        total = 0;
        for (long i = _count - 1; i >= first; i--)
        {
            var (run, worker, fetched, failed) = _ring[i % _ring.Length];
            if (run.Stopped < since)
                continue;
            total++;
            if (kept.Count < most)
                kept.Add(new Entry(run, worker, fetched, failed));
        }
        kept.Reverse();
        return [.. kept];
    }

    /// <summary>Runs as views: keys and groups named. Needs no lock.</summary>
    public static List<TaskRunView> Format(IReadOnlyList<Entry> entries) =>
        [.. entries.Select(e => new TaskRunView(e.Run.Key.ToString(), KeyPrefix.Of(e.Run.Key), e.Worker, e.Run.Thread, e.Run.Started, e.Run.Stopped, e.Run.NBytes, e.Failed, e.FetchedBytes))];

    /// <summary>A recorded run, unformatted.</summary>
    internal readonly record struct Entry(TaskRun Run, string Worker, long FetchedBytes, bool Failed);
}
