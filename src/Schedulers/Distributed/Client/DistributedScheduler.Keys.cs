using System.Collections.Concurrent;
using System.Reflection;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// Keys this client wants the cluster to keep (<see cref="PendingKey"/>, refcounted), and fetching
/// their values on demand. A key is held without being fetched: the center keeps it in memory
/// while this client wants it, and says where it is; a value is fetched only when asked for, from
/// those holders. When every holder fails, the center is told and the next report is awaited.
/// </summary>
public sealed partial class DistributedScheduler
{
    private readonly ConcurrentQueue<PendingKey> _droppedLeases = new();
    private int _drainQueued;
    private Task _sendsInOrder = Task.CompletedTask;

    /// <summary>Sends tasks to the center and takes one interest in each entry of <paramref name="wanted"/> (repeats count).</summary>
    /// <param name="tasks">The tasks; remote nodes are not sent (the center holds those keys already).</param>
    /// <param name="wanted">The keys to hold.</param>
    /// <param name="userCode">The user assemblies that the tasks given already serialized need; the others' are found here.</param>
    /// <returns>The interests, one per entry of <paramref name="wanted"/>.</returns>
    /// <remarks>
    /// The one place graphs leave this client. Returns at once: when the tasks need user code the
    /// center has not got yet, the graph is sent once it has, and every later submission, release and
    /// statistics request waits its turn behind it, so the center always reads them in order.
    /// </remarks>
    /// <exception cref="NotSupportedException">A task cannot be serialized; the message names it.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    internal PendingKey[] SubmitTasks(IReadOnlyList<OutgoingTask> tasks, IReadOnlyList<TaskKey> wanted, HashSet<Assembly>? userCode = null)
    {
        userCode ??= [];
        var seen = new HashSet<TaskKey>();
        var wire = new List<SubmittedTask>(tasks.Count);
        foreach (var task in tasks)
        {
            if (task.Node.IsRemote || !seen.Add(task.Key))
                continue; // the center holds a remote key already; a repeated pure task is sent once
            wire.Add(new SubmittedTask(WireKey.From(task.Key), [.. task.Node.Dependencies.Select(WireKey.From)],
                task.Serialized ?? TaskGraphSerializer.SerializeNode(task.Key, task.Node, userCode), task.Priority));
        }
        var code = EnsureCodeAsync(userCode);
        var interests = new PendingKey[wanted.Count];
        lock (_pending)
        {
            ThrowIfLost();
            for (int i = 0; i < interests.Length; i++)
            {
                if (!_pending.TryGetValue(wanted[i], out var pending))
                    _pending[wanted[i]] = pending = new PendingKey(wanted[i]);
                pending.Users++;
                interests[i] = pending;
            }
            SendInOrder(new SubmitGraphMessage([.. wire], [.. wanted.Distinct().Select(WireKey.From)]), code, interests);
        }
        return interests;
    }

    /// <summary>
    /// Sends a message to the center after every message sent this way before it and, for a graph,
    /// after the user code it needs (<paramref name="code"/>); at once when nothing is waiting.
    /// Call under the lock. When the code cannot be sent, <paramref name="failing"/> keys fail with why.
    /// </summary>
    private void SendInOrder(WireMessage message, Task? code = null, IReadOnlyList<PendingKey>? failing = null)
    {
        if (_sendsInOrder.IsCompleted && (code is null || code.IsCompletedSuccessfully))
        {
            _center.Send(message);
            return;
        }
        _sendsInOrder = SendLaterAsync(_sendsInOrder, message, code ?? Task.CompletedTask, failing ?? []);
    }

    private async Task SendLaterAsync(Task previous, WireMessage message, Task code, IReadOnlyList<PendingKey> failing)
    {
        await previous.ConfigureAwait(false); // never faults
        try
        {
            await code.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            foreach (var pending in failing.Distinct())
                OnKeyErred(pending.Key, e);
            return;
        }
        lock (_pending)
        {
            if (_lost is not null || _closing.IsCancellationRequested)
                return;
            try
            {
                _center.Send(message);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The connection is closing; the receive loop reports the loss.
            }
        }
    }

    /// <summary>Waits for a wanted key's value and fetches a copy from a holder (shared with anyone asking meanwhile).</summary>
    /// <exception cref="TaskFailedException">The key's task or one it depends on failed.</exception>
    /// <exception cref="OperationCanceledException">The key was cancelled, or <paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    internal async Task<object?> GetValueAsync(PendingKey pending, CancellationToken cancellationToken)
    {
        TaskCompletionSource<object?> requested;
        IReadOnlyList<string>? holders = null;
        int version = 0;
        lock (_pending)
        {
            switch (pending.Status)
            {
                case FutureStatus.Error:
                    throw pending.Error!;
                case FutureStatus.Cancelled:
                    throw Cancelled(pending.Key);
            }
            ThrowIfLost();
            if (!_pending.TryGetValue(pending.Key, out var current) || !ReferenceEquals(current, pending))
                throw new InvalidOperationException($"key {pending.Key} was released by this client: its value may no longer be on the cluster");
            requested = pending.Requested ??= new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (pending.Status == FutureStatus.Finished && !pending.Gathering && pending.Holders.Count > 0)
            {
                pending.Gathering = true;
                holders = pending.Holders;
                version = pending.HoldersVersion;
            }
        }
        if (holders is not null)
            StartGather(pending, holders, version);
        return await requested.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops interests; the center is told about keys nothing here wants any more.</summary>
    internal void Release(IEnumerable<PendingKey> interests)
    {
        var released = new List<WireKey>();
        var orphans = new List<(PendingKey Key, TaskCompletionSource<object?> Request)>();
        lock (_pending)
        {
            foreach (var pending in interests)
            {
                if (pending.Users <= 0 || !_pending.TryGetValue(pending.Key, out var current) || !ReferenceEquals(current, pending))
                    continue; // cancelled meanwhile, which released it
                if (--pending.Users > 0)
                    continue;
                _pending.Remove(pending.Key);
                released.Add(WireKey.From(pending.Key));
                if (pending.Requested is { } request)
                    orphans.Add((pending, request));
                pending.Requested = null;
            }
            if (released.Count > 0 && _lost is null && !_closing.IsCancellationRequested)
                SendInOrder(new ReleaseKeysMessage([.. released]));
        }
        foreach (var (pending, request) in orphans)
            request.TrySetException(new InvalidOperationException($"key {pending.Key} was released while its value was awaited"));
    }

    /// <summary>Cancels keys: this client drops them at once, whoever here wanted them.</summary>
    internal void CancelKeys(IEnumerable<PendingKey> keys)
    {
        var released = new List<WireKey>();
        var cancelled = new List<(PendingKey Key, TaskCompletionSource<object?>? Request)>();
        lock (_pending)
        {
            foreach (var pending in keys)
            {
                if (pending.Status == FutureStatus.Cancelled)
                    continue;
                if (_pending.TryGetValue(pending.Key, out var current) && ReferenceEquals(current, pending))
                {
                    _pending.Remove(pending.Key);
                    released.Add(WireKey.From(pending.Key));
                }
                pending.Status = FutureStatus.Cancelled;
                pending.Users = 0;
                cancelled.Add((pending, pending.Requested));
                pending.Requested = null;
            }
            if (released.Count > 0 && _lost is null && !_closing.IsCancellationRequested)
                SendInOrder(new ReleaseKeysMessage([.. released]));
        }
        foreach (var (pending, request) in cancelled)
        {
            request?.TrySetException(Cancelled(pending.Key));
            pending.Done.TrySetResult();
        }
    }

    /// <summary>Called by a dropped handle's finalizer: queues the release for a pool thread, without locking here.</summary>
    internal void EnqueueRelease(PendingKey pending)
    {
        _droppedLeases.Enqueue(pending);
        if (Interlocked.Exchange(ref _drainQueued, 1) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static client => client.ReleaseDropped(), this, preferLocal: false);
    }

    private void ReleaseDropped()
    {
        Volatile.Write(ref _drainQueued, 0);
        var batch = new List<PendingKey>();
        while (_droppedLeases.TryDequeue(out var pending))
            batch.Add(pending);
        if (batch.Count > 0)
            Release(batch);
    }

    private void OnKeyInMemory(TaskKey key, string[] holders)
    {
        PendingKey? pending;
        bool gather = false;
        int version;
        lock (_pending)
        {
            if (!_pending.TryGetValue(key, out pending))
                return;
            pending.Status = FutureStatus.Finished;
            pending.Error = null;
            pending.Holders = holders;
            version = ++pending.HoldersVersion;
            if (pending.Requested is not null && !pending.Gathering)
                gather = pending.Gathering = true;
        }
        pending.Done.TrySetResult();
        if (gather)
            StartGather(pending, holders, version);
    }

    private void OnKeyErred(TaskKey key, Exception error)
    {
        PendingKey? pending;
        TaskCompletionSource<object?>? request;
        lock (_pending)
        {
            if (!_pending.TryGetValue(key, out pending))
                return;
            pending.Status = FutureStatus.Error;
            pending.Error = error;
            request = pending.Requested;
            pending.Requested = null;
        }
        request?.TrySetException(error);
        pending.Done.TrySetResult();
    }

    /// <summary>The center is gone: everything waiting fails with <paramref name="cause"/>, pending keys become errors.</summary>
    private void OnLost(Exception cause)
    {
        var lost = new IOException($"the connection to the center at {CenterAddress} is lost: {cause.Message}", cause);
        List<PendingKey> keys;
        List<TaskCompletionSource<object?>> requests = [];
        List<TaskCompletionSource<ClusterStatistics>> stats;
        lock (_pending)
        {
            _lost = cause;
            keys = [.. _pending.Values];
            foreach (var pending in keys)
            {
                if (pending.Status == FutureStatus.Pending)
                {
                    pending.Status = FutureStatus.Error;
                    pending.Error = lost;
                }
                if (pending.Requested is { } request)
                    requests.Add(request);
                pending.Requested = null;
            }
            stats = [.. _statsRequests];
            _statsRequests.Clear();
        }
        requests.ForEach(r => r.TrySetException(lost));
        keys.ForEach(p => p.Done.TrySetResult());
        stats.ForEach(s => s.TrySetException(lost));
        FailCodeRequests(lost);
    }

    /// <summary>
    /// Fetches one value from the first holder that has it (the fallback when a batch failed); tells
    /// the center about holders that did not, and then tries the holders it reported meanwhile, or
    /// waits for its next report.
    /// </summary>
    private async Task GatherAsync(PendingKey pending, IReadOnlyList<string> holders, int version)
    {
        while (true)
        {
            foreach (var holder in holders)
            {
                object? value;
                try
                {
                    value = (await _workers.FetchAsync(holder, [pending.Key], _closing.Token).ConfigureAwait(false))[0];
                }
                catch (Exception e) when (e is IOException or MissingDataException)
                {
                    lock (_pending)
                    {
                        if (_lost is null && !_closing.IsCancellationRequested)
                            _center.Send(new ReportMissingMessage(WireKey.From(pending.Key), holder));
                    }
                    continue;
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
                {
                    return; // closing: losing the center fails what waits
                }
                Deliver(pending, value);
                return;
            }
            lock (_pending)
            {
                if (pending.HoldersVersion == version || pending.Status != FutureStatus.Finished || pending.Requested is null)
                {
                    pending.Gathering = false;
                    if (pending.HoldersVersion == version)
                        pending.Holders = []; // the center will say where it is once it knows (or has recomputed it)
                    return;
                }
                holders = pending.Holders;
                version = pending.HoldersVersion;
            }
        }
    }

    /// <summary>Hands a fetched value to everyone waiting for it.</summary>
    private void Deliver(PendingKey pending, object? value)
    {
        TaskCompletionSource<object?>? request;
        lock (_pending)
        {
            request = pending.Requested;
            pending.Requested = null;
            pending.Gathering = false;
        }
        try
        {
            request?.TrySetResult(CodedValue.Materialize(value, resolver: null)); // user types, read with this process's assemblies
        }
        catch (Exception e)
        {
            request?.TrySetException(new InvalidOperationException($"the value of {pending.Key} came back but cannot be read here: {e.Message}", e));
        }
    }

    private static OperationCanceledException Cancelled(TaskKey key) => new($"key {key} was cancelled");
}
