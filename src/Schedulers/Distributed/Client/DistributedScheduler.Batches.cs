using LazyDist.Distributed.Wire;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    // Values asked for, by the worker to fetch them from; a holder's entry exists while a fetch from it runs.
    private readonly Dictionary<string, List<(PendingKey Pending, IReadOnlyList<string> Holders, int Version)>> _fetchQueues = new(StringComparer.Ordinal);

    /// <summary>
    /// Fetches a value from its first holder, in one request with every other value asked of that
    /// holder meanwhile (dask's gather groups keys by worker the same way): ten thousand small
    /// results come back in a few requests, not ten thousand.
    /// </summary>
    private void StartGather(PendingKey pending, IReadOnlyList<string> holders, int version)
    {
        string holder = holders[0];
        lock (_fetchQueues)
        {
            if (_fetchQueues.TryGetValue(holder, out var queued))
            {
                queued.Add((pending, holders, version)); // the running fetch from this holder takes it next
                return;
            }
            _fetchQueues[holder] = [(pending, holders, version)];
        }
        _ = FetchBatchesAsync(holder);
    }

    private async Task FetchBatchesAsync(string holder)
    {
        while (true)
        {
            List<(PendingKey Pending, IReadOnlyList<string> Holders, int Version)> batch;
            lock (_fetchQueues)
            {
                batch = _fetchQueues[holder];
                if (batch.Count == 0)
                {
                    _fetchQueues.Remove(holder);
                    return;
                }
                _fetchQueues[holder] = [];
            }
            object?[] values;
            try
            {
                values = await _workers.FetchAsync(holder, [.. batch.Select(b => b.Pending.Key)], _closing.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or MissingDataException)
            {
                foreach (var (pending, holders, version) in batch)
                    _ = GatherAsync(pending, holders, version); // one by one, trying the other holders and telling the center
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return; // closing: losing the center fails what waits
            }
            for (int i = 0; i < batch.Count; i++)
                Deliver(batch[i].Pending, values[i]);
        }
    }
}
