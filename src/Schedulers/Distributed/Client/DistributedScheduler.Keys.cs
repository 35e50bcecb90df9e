using System.Collections.Concurrent;
using System.Reflection;
using LazyDist.Distributed.Center;
using LazyDist.Distributed.Client;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// Keys this client wants the cluster to keep, and fetching their values on demand: the caller's
/// side of <see cref="ClientState"/>. A key is held without being fetched; a value is fetched only
/// when asked for, from the holders the center last reported.
/// </summary>
public sealed partial class DistributedScheduler
{
    /// <summary>The most tasks serialized before a part of a submission is sent.</summary>
    private const int PartSize = 10_000;

    private readonly ConcurrentQueue<PendingKey> _droppedLeases = new();
    private int _drainQueued;

    /// <summary>Sends tasks to the center and takes one interest in each entry of <paramref name="wanted"/> (repeats count).</summary>
    /// <param name="tasks">The tasks; remote nodes are not sent (the center holds those keys already).</param>
    /// <param name="wanted">The keys to hold.</param>
    /// <param name="userCode">The user assemblies that the tasks given already serialized need; the others' are found here.</param>
    /// <param name="retries">How many times each task runs again when its own code throws; <see cref="Retries"/> when null.</param>
    /// <param name="distinct">The keys of <paramref name="tasks"/> are known to be distinct (a run order): no set of them is made.</param>
    /// <returns>The interests, one per entry of <paramref name="wanted"/>.</returns>
    /// <remarks>
    /// The one place graphs leave this client. Returns at once: when the tasks need user code the
    /// center has not answered for yet, the graph is sent once it has, and every later message
    /// waits its turn behind it, so the center always reads them in order.
    /// </remarks>
    /// <exception cref="NotSupportedException">A task cannot be serialized, or needs another build of an assembly this session uses; the message names it.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    internal PendingKey[] SubmitTasks(IReadOnlyList<OutgoingTask> tasks, IReadOnlyList<TaskKey> wanted, HashSet<Assembly>? userCode = null, int? retries = null, bool distinct = false)
    {
        userCode ??= [];
        int taskRetries = retries ?? Retries;
        var ordered = InputsFirst(tasks);
        var seen = distinct ? null : new HashSet<TaskKey>(tasks.Count);
        var specs = new List<TaskSpec>(Math.Min(tasks.Count, PartSize));
        string stimulus = _ids.Next("graph-submitted", _name);
        for (int i = 0; i < ordered.Count; i++)
        {
            var task = ordered[i];
            if (task.Node.IsRemote || (seen is not null && !seen.Add(task.Key)))
                continue; // the center holds a remote key already; a repeated pure task is sent once
            specs.Add(new TaskSpec(task.Key, task.Node.DependencyArray, task.Serialized ?? Parts(TaskGraphSerializer.SerializeNodeParts(task.Key, task.Node, userCode)), task.Priority, taskRetries));
            if (specs.Count == PartSize && i < ordered.Count - 1)
            {
                // A big graph goes part by part as it is serialized: the center starts on it meanwhile.
                var code = OffersFor(userCode);
                _parts.WaitForRoom();
                lock (_gate)
                {
                    ThrowIfLost();
                    Post(new SubmitEvent([.. specs], [], code, stimulus, More: true));
                }
                specs.Clear();
            }
        }
        var lastCode = OffersFor(userCode);
        lock (_gate)
        {
            ThrowIfLost();
            Post(new SubmitEvent([.. specs], [.. wanted], lastCode, stimulus));
            var interests = new PendingKey[wanted.Count];
            for (int i = 0; i < interests.Length; i++)
                interests[i] = _handles[wanted[i]];
            return interests;
        }
    }

    private static NodeBytes Parts((byte[] Head, byte[] Args) node) => new(node.Head, node.Args);

    /// <summary>The tasks by priority, which puts every input before the tasks that read it (as they come, when already so).</summary>
    private static IReadOnlyList<OutgoingTask> InputsFirst(IReadOnlyList<OutgoingTask> tasks)
    {
        for (int i = 1; i < tasks.Count; i++)
        {
            if (tasks[i].Priority < tasks[i - 1].Priority)
                return [.. tasks.OrderBy(t => t.Priority)];
        }
        return tasks;
    }

    /// <summary>Waits for a wanted key's value and fetches a copy from a holder (shared with anyone asking meanwhile).</summary>
    /// <exception cref="TaskFailedException">The key's task or one it depends on failed.</exception>
    /// <exception cref="OperationCanceledException">The key was cancelled, or <paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="IOException">The center was lost.</exception>
    internal async Task<object?> GetValueAsync(PendingKey pending, CancellationToken cancellationToken)
    {
        TaskCompletionSource<object?> requested;
        lock (_gate)
        {
            switch (pending.Status)
            {
                case FutureStatus.Error:
                    throw pending.Error!;
                case FutureStatus.Cancelled:
                    throw Cancelled(pending.Key);
            }
            ThrowIfLost();
            if (!_handles.TryGetValue(pending.Key, out var current) || !ReferenceEquals(current, pending))
                throw new InvalidOperationException($"key {pending.Key} was released by this client: its value may no longer be on the cluster");
            requested = pending.Requested ??= new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(new ValueWantedEvent(pending.Key, _ids.Next("value-wanted", _name)));
        }
        return await requested.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops interests; the center is told about keys nothing here wants any more.</summary>
    internal void Release(IEnumerable<PendingKey> interests)
    {
        var dropped = interests.Select(p => new KeyInterest(p.Key, p.Incarnation)).ToArray();
        if (dropped.Length == 0)
            return;
        lock (_gate)
            Post(new InterestsReleasedEvent(dropped, _ids.Next("keys-released", _name)));
    }

    /// <summary>Cancels keys: this client drops them at once, whoever here wanted them.</summary>
    internal void CancelKeys(IEnumerable<PendingKey> keys)
    {
        var cancelled = keys.Where(p => p.Status != FutureStatus.Cancelled).Select(p => new KeyInterest(p.Key, p.Incarnation)).ToArray();
        if (cancelled.Length == 0)
            return;
        lock (_gate)
            Post(new KeysCancelledEvent(cancelled, _ids.Next("keys-cancelled", _name)));
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
        Release(batch);
    }

    /// <summary>Fetches values from one worker in one request (dask's gather groups keys by worker the same way).</summary>
    private async Task GatherAsync(string holder, ValueList<TaskKey> keys)
    {
        (bool Found, object? Value, string? Unreadable)[] values;
        try
        {
            values = await _workers.FetchEachAsync(holder, keys.Items, _closing.Token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            values = new (bool, object?, string?)[keys.Count]; // unreachable: none found there
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return; // closing: losing the center fails what waits
        }
        var found = new List<TaskKey>(keys.Count);
        var missing = new List<TaskKey>();
        var unreadable = new List<UnreadableValue>();
        var arrived = new Dictionary<TaskKey, object?>(keys.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            if (values[i].Unreadable is { } reason)
            {
                unreadable.Add(new UnreadableValue(keys[i], reason));
            }
            else if (values[i].Found)
            {
                found.Add(keys[i]);
                arrived[keys[i]] = values[i].Value;
            }
            else
            {
                missing.Add(keys[i]);
            }
        }
        lock (_gate)
            Post(new GatheredEvent(holder, [.. found], [.. missing], _ids.Next("gathered", _name)) { Unreadable = [.. unreadable] }, arrived);
    }

    /// <summary>Hands a fetched value to everyone waiting for it.</summary>
    private void Deliver(TaskKey key, object? value)
    {
        if (!_handles.TryGetValue(key, out var pending) || pending.Requested is not { } request)
            return;
        pending.Requested = null;
        try
        {
            request.TrySetResult(CodedValue.Materialize(value, resolver: null)); // user types, read with this process's assemblies
        }
        catch (Exception e)
        {
            request.TrySetException(new InvalidOperationException($"the value of {key} came back but cannot be read here: {e.Message}", e));
        }
    }
}
