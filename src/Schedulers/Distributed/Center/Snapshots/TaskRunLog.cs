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
    public List<TaskRunView> Since(DateTimeOffset since)
    {
        var runs = new List<TaskRunView>();
        long first = Math.Max(0, _count - _ring.Length);
        for (long i = first; i < _count; i++)
        {
            var (run, worker, fetched, failed) = _ring[i % _ring.Length];
            if (run.Stopped >= since)
                runs.Add(new TaskRunView(run.Key.ToString(), KeyPrefix.Of(run.Key), worker, run.Thread, run.Started, run.Stopped, run.NBytes, failed, fetched));
        }
        return runs;
    }
}
