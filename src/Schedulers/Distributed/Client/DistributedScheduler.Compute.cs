using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class DistributedScheduler
{
    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">A task's function captures a value that cannot travel, or a literal cannot be serialized; the message names the task and the value.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    public async ValueTask<object?[]> ComputeAsync(TaskGraph graph, IReadOnlyList<TaskKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        if (keys.Count == 0)
            return [];
        var culled = graph.Cull(keys);
        culled.Validate(keys);
        var order = culled.Order(keys);
        var userCode = new HashSet<System.Reflection.Assembly>();
        var tasks = culled.Select(p => new SubmittedTask(WireKey.From(p.Key), [.. p.Value.Dependencies.Select(WireKey.From)],
            TaskGraphSerializer.SerializeNode(p.Key, p.Value, userCode), order[p.Key])).ToArray();
        await EnsureCodeAsync(userCode).WaitAsync(cancellationToken).ConfigureAwait(false);
        var wanted = keys.Distinct().ToList();
        var waits = new Dictionary<TaskKey, Task<object?>>();
        lock (_pending)
        {
            ThrowIfLost();
            foreach (var key in wanted)
            {
                if (!_pending.TryGetValue(key, out var pending))
                    _pending[key] = pending = new PendingKey();
                pending.Users++;
                waits[key] = pending.Value.Task;
            }
            _center.Send(new SubmitGraphMessage(tasks, [.. wanted.Select(WireKey.From)]));
        }
        try
        {
            await Task.WhenAll(waits.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
            return [.. keys.Select(k => waits[k].Result)];
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            Release(wanted);
        }
    }

    /// <summary>Drops this computation's interest in keys; the center is told when no computation here wants them.</summary>
    private void Release(List<TaskKey> keys)
    {
        var released = new List<WireKey>();
        lock (_pending)
        {
            foreach (var key in keys)
            {
                if (_pending.TryGetValue(key, out var pending) && --pending.Users == 0)
                {
                    _pending.Remove(key);
                    released.Add(WireKey.From(key));
                }
            }
            if (released.Count > 0 && _lost is null)
                _center.Send(new ReleaseKeysMessage([.. released]));
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var envelope = await _center.ReceiveAsync(_closing.Token).ConfigureAwait(false);
                switch (envelope.Header)
                {
                    case KeyInMemoryMessage m:
                        OnKeyInMemory(m.Key.ToTaskKey(), m.Holders);
                        break;
                    case KeyErredMessage m:
                        Complete(m.Key.ToTaskKey(), p => p.Value.TrySetException(
                            new TaskFailedException(m.FailedKey.ToTaskKey(), m.ExceptionType, m.Text, m.StackTrace)));
                        break;
                    case NeedCodeMessage m:
                        OnNeedCode(m);
                        break;
                    case StatsMessage m:
                        TaskCompletionSource<ClusterStatistics>? request;
                        lock (_pending)
                            _statsRequests.TryDequeue(out request);
                        request?.TrySetResult(new ClusterStatistics(m.TransferredBytes, m.PeakKeys, m.Workers, m.Threads, m.PeakBytes));
                        break;
                    default:
                        throw new WireProtocolException($"the center may not send a client {envelope.Header.GetType().Name}");
                }
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or WireProtocolException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            var lost = new IOException($"the connection to the center at {CenterAddress} is lost: {e.Message}", e);
            List<PendingKey> waiting;
            List<TaskCompletionSource<ClusterStatistics>> stats;
            lock (_pending)
            {
                _lost = e;
                waiting = [.. _pending.Values];
                stats = [.. _statsRequests];
                _statsRequests.Clear();
            }
            waiting.ForEach(p => p.Value.TrySetException(lost));
            stats.ForEach(s => s.TrySetException(lost));
            FailCodeRequests(lost);
        }
    }

    private void OnKeyInMemory(TaskKey key, string[] holders)
    {
        lock (_pending)
        {
            if (!_pending.TryGetValue(key, out var pending) || pending.Gathering || pending.Value.Task.IsCompleted)
                return;
            pending.Gathering = true;
        }
        _ = GatherAsync(key, holders);
    }

    /// <summary>Fetches a result from the first holder that has it; tells the center about holders that did not.</summary>
    private async Task GatherAsync(TaskKey key, string[] holders)
    {
        foreach (var holder in holders)
        {
            try
            {
                var value = (await _workers.FetchAsync(holder, [key], _closing.Token).ConfigureAwait(false))[0];
                Complete(key, p => p.Value.TrySetResult(value));
                return;
            }
            catch (Exception e) when (e is IOException or MissingDataException)
            {
                lock (_pending)
                {
                    if (_lost is null)
                        _center.Send(new ReportMissingMessage(WireKey.From(key), holder));
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        lock (_pending)
        {
            if (_pending.TryGetValue(key, out var pending))
                pending.Gathering = false; // the center will say where it is once recomputed
        }
    }

    private void Complete(TaskKey key, Action<PendingKey> complete)
    {
        PendingKey? pending;
        lock (_pending)
            _pending.TryGetValue(key, out pending);
        if (pending is not null)
            complete(pending);
    }
}
