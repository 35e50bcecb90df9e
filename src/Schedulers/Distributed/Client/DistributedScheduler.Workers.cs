using System.Globalization;
using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    /// <summary>How long a wait for workers goes before it says so in the log.</summary>
    private static readonly TimeSpan WaitingWarning = TimeSpan.FromSeconds(5);

    private readonly Dictionary<long, TaskCompletionSource<int>> _workerWaits = [];
    private long _nextWorkerWait;

    /// <summary>Waits until at least <paramref name="count"/> workers are connected to the center (dask's <c>wait_for_workers</c>).</summary>
    /// <param name="count">Workers wanted; at least one.</param>
    /// <param name="timeout">How long to wait before failing.</param>
    /// <param name="log">Where to warn, after a few seconds, that the wait goes on (<c>no workers connected to HOST:PORT; waiting</c>); null for nowhere.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The workers connected when the wait ended.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one worker, or a timeout that is not positive.</exception>
    /// <exception cref="TimeoutException">Fewer workers were connected at the timeout; the message says how many, to which center.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public async Task<int> WaitForWorkersAsync(int count, TimeSpan timeout, ILogger? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var answer = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        long id;
        lock (_gate)
        {
            ThrowIfLost();
            id = ++_nextWorkerWait;
            _workerWaits[id] = answer;
            Send(new WaitForWorkersMessage(id, count));
        }
        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = _time.CreateTimer(_ => expired.TrySetResult(), null, timeout, Timeout.InfiniteTimeSpan);
        using var warning = log is null || timeout <= WaitingWarning ? null
            : _time.CreateTimer(_ => _ = WarnWaitingAsync(count, log), null, WaitingWarning, Timeout.InfiniteTimeSpan);
        try
        {
            if (await Task.WhenAny(answer.Task, expired.Task).WaitAsync(cancellationToken).ConfigureAwait(false) == answer.Task)
                return await answer.Task.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
                _workerWaits.Remove(id);
        }
        int connected = (await GetStatisticsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Workers;
        if (connected >= count)
            return connected; // joined just as the time ran out
        throw new TimeoutException(connected == 0
            ? string.Create(CultureInfo.InvariantCulture, $"no workers connected to {CenterAddress} for {timeout.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"only {connected} of {count} workers connected to {CenterAddress} after {timeout.TotalSeconds:0.#} s"));
    }

    private async Task WarnWaitingAsync(int count, ILogger log)
    {
        try
        {
            int connected = (await GetStatisticsAsync().ConfigureAwait(false)).Workers;
            if (connected == 0)
                log.LogWarning("no workers connected to {Address}; waiting", CenterAddress);
            else if (connected < count)
                log.LogWarning("{Connected} of {Count} workers connected to {Address}; waiting", connected, count, CenterAddress);
        }
        catch (IOException)
        {
            // The center is gone: the wait fails with that.
        }
    }

    /// <summary>The center's answer to a wait for workers. Callers hold the lock.</summary>
    private void WorkersJoined(WorkersJoinedMessage m)
    {
        if (_workerWaits.Remove(m.RequestId, out var wait))
            wait.TrySetResult(m.Workers);
    }

    /// <summary>Every wait for workers fails: the center is gone. Callers hold the lock.</summary>
    private List<TaskCompletionSource<int>> TakeWorkerWaits()
    {
        var waits = _workerWaits.Values.ToList();
        _workerWaits.Clear();
        return waits;
    }
}
