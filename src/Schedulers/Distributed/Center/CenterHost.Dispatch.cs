using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    /// <summary>Turns a message from a worker or client into an event (the one table of messages in), or handles a request.</summary>
    /// <exception cref="WireProtocolException">The peer may not send this message; its connection is closed.</exception>
    private void Receive(int id, PeerRole role, Envelope envelope, WireConnection connection)
    {
        if (envelope.Header is not BatchMessage batch)
        {
            Receive(id, role, envelope.Header, envelope, connection);
            return;
        }
        // One step: every event of the batch under one lock, and what they cause sent coalesced at its end.
        lock (_gate)
        {
            _depth++;
            try
            {
                foreach (var item in batch.Messages)
                {
                    if (item is BatchMessage)
                        throw new WireProtocolException("a batch may not hold a batch");
                    Receive(id, role, item, null, connection); // a batch's messages carry no payloads: no envelope for each
                }
            }
            finally
            {
                EndStep();
            }
        }
    }

    /// <summary>One message; <paramref name="envelope"/> is the one it came in, null for a message of a batch (which has no payloads).</summary>
    private void Receive(int id, PeerRole role, WireMessage message, Envelope? envelope, WireConnection connection)
    {
        if (role == PeerRole.Client && message is SubmitGraphMessage submitted && GraphAdmission.Check(submitted) is { } refusal)
        {
            GraphAdmission.Refuse(connection, submitted, refusal, _log); // to this client only; it stays connected
            return;
        }
        SchedulerEvent? stimulus = (role, message) switch
        {
            (PeerRole.Worker, TaskFinishedMessage m) => new TaskFinishedEvent(id,
                new TaskRun(m.Key.ToTaskKey(), m.NBytes, m.Thread, Ticks(m.StartedTicks), Ticks(m.StoppedTicks)), m.FetchedBytes, m.HeldKeys, m.StimulusId),
            (PeerRole.Worker, TaskErredMessage m) => new TaskErredEvent(id,
                new TaskRun(m.Key.ToTaskKey(), 0, m.Thread, Ticks(m.StartedTicks), Ticks(m.StoppedTicks)), new ErrorInfo(m.ExceptionType, m.Text, m.StackTrace), m.StimulusId),
            (PeerRole.Worker, FetchFailedMessage m) => new FetchFailedEvent(id, m.Task.ToTaskKey(), m.Dependency.ToTaskKey(), m.Holders, m.StimulusId),
            (PeerRole.Worker, StealResponseMessage m) => new StealResponseEvent(id, m.Key.ToTaskKey(), m.Stolen, m.StimulusId),
            (PeerRole.Worker, HeartbeatMessage m) => new HeartbeatEvent(id, m.HeldBytes, m.HeldKeys, _ids.Next("heartbeat", NameOf(id)), m.SpilledBytes),
            (PeerRole.Worker, WorkerPausedMessage m) => new WorkerPausedEvent(id, m.Paused, m.ProcessBytes, m.Limit, _ids.Next(m.Paused ? "paused" : "resumed", NameOf(id))),
            (PeerRole.Client, SubmitGraphMessage m) => new GraphSubmittedEvent(id, ToSpecs(m.Tasks, m.Heads ?? []), ToKeys(m.Wanted), m.StimulusId, m.More),
            (PeerRole.Client, ReleaseKeysMessage m) => new KeysReleasedEvent(id, ToKeys(m.Keys), m.StimulusId),
            (PeerRole.Client, ReportMissingMessage m) => new MissingReportedEvent(id, m.Key.ToTaskKey(), m.Holder, m.StimulusId),
            _ => null,
        };
        if (role == PeerRole.Worker && message is WorkerRestartedMessage restarted)
        {
            stimulus = new WorkerRestartedEvent(id, LogText.Of(restarted.Reason), _ids.Next("worker-restarted", NameOf(id)));
            _log.LogWarning("worker {Name} {Reason}; restarted by its nanny", LogText.Of(NameOf(id)), LogText.Of(restarted.Reason));
        }
        if (stimulus is not null)
        {
            Post(stimulus);
            return;
        }
        if (ReceiveCode(id, role, envelope ?? new Envelope(message), connection))
            return;
        if (role == PeerRole.Client && message is WaitForWorkersMessage wait)
        {
            _ = AnswerWhenWorkersAsync(id, connection, wait);
            return;
        }
        if (role == PeerRole.Worker && message is WorkerMetricsMessage metrics)
        {
            lock (_gate)
                ReceiveMetrics(id, metrics);
            return;
        }
        if (role == PeerRole.Client && message is GetProgressMessage progress)
        {
            lock (_gate)
                Queue(connection, AnswerProgress(progress));
            return;
        }
        if (role == PeerRole.Client && message is GetPerformanceMessage performance)
        {
            lock (_gate)
                Queue(connection, AnswerPerformance(performance));
            return;
        }
        if (role == PeerRole.Client && message is GetStatsMessage stats)
        {
            lock (_gate)
            {
                Queue(connection, new StatsMessage(_state.TransferredBytes, _state.PeakKeys, _state.WorkerCount, _state.ThreadCount, _state.PeakBytes,
                    _state.HeldBytes, _state.Workers.Values.Sum(w => w.HasWhat.Count), _state.Workers.Values.Sum(w => w.SpilledBytes)));
                if (stats.ResetPeak)
                    _state.ResetPeak();
            }
            return;
        }
        throw new WireProtocolException($"a {role} may not send {message.GetType().Name}");
    }

    private static DateTimeOffset Ticks(long utcTicks) =>
        utcTicks >= DateTimeOffset.MinValue.UtcTicks && utcTicks <= DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(utcTicks, TimeSpan.Zero) : default;

    private static ValueList<TaskKey> ToKeys(WireKey[] keys)
    {
        if (keys.Length == 0)
            return Array.Empty<TaskKey>(); // most tasks
        var result = new TaskKey[keys.Length];
        for (int i = 0; i < keys.Length; i++)
            result[i] = keys[i].ToTaskKey();
        return result;
    }

    /// <summary>The tasks of a part; a node with a head keeps the part's one copy of it (admission checked the indexes).</summary>
    private static ValueList<TaskSpec> ToSpecs(SubmittedTask[] tasks, byte[][] heads)
    {
        var specs = new TaskSpec[tasks.Length];
        for (int i = 0; i < tasks.Length; i++)
        {
            var t = tasks[i];
            var node = t.Head < 0 ? t.Node : new NodeBytes(heads[t.Head], t.Node);
            specs[i] = new TaskSpec(t.Key.ToTaskKey(), ToKeys(t.Dependencies), node, t.Priority, Math.Max(0, t.Retries));
        }
        return specs;
    }

    /// <summary>Feeds one event to the state machine and carries out its instructions (all non-blocking sends, coalesced per connection until the step ends).</summary>
    private void Post(SchedulerEvent stimulus)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested && stimulus is not (WorkerLeftEvent or ClientLeftEvent))
                return;
            _depth++;
            try
            {
                Handle(stimulus);
            }
            finally
            {
                EndStep();
            }
        }
    }

    private void Handle(SchedulerEvent stimulus)
    {
        long started = System.Diagnostics.Stopwatch.GetTimestamp();
        // The machine's own list, copied into a reused one: carrying an instruction out may feed another event in (a closed connection).
        var instructions = _carrying ?? [];
        _carrying = null;
        BeforeEvent(stimulus);
        try
        {
            instructions.AddRange(_state.HandleInPlace(stimulus));
        }
        catch (InvalidOperationException e)
        {
            _log.LogCritical(e, "scheduler state broken by {Event}", stimulus);
            throw;
        }
        foreach (var instruction in instructions)
            Carry(instruction);
        instructions.Clear();
        _carrying = instructions;
        RecordRun(stimulus);
        AfterEvent(stimulus);
        _busyTicks += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        if (_waiters.Count > 0)
            WakeWaiters();
    }

    /// <summary>Carries out one instruction (the one table of instructions out); an unknown one is a bug and throws.</summary>
    private void Carry(SchedulerInstruction instruction)
    {
        switch (instruction)
        {
            case ComputeTaskInstruction i:
                var deps = i.Dependencies.Count == 0 ? [] : new DependencyInfo[i.Dependencies.Count];
                for (int d = 0; d < deps.Length; d++)
                    deps[d] = new DependencyInfo(WireKey.From(i.Dependencies[d].Key), i.Dependencies[d].Holders.Items, i.Dependencies[d].NBytes);
                if (_workers.TryGetValue(i.WorkerId, out var worker))
                    Queue(worker, ComputeMessage(worker, i, deps));
                break;
            case DeleteKeysInstruction i:
                ToWorker(i.WorkerId, new DeleteKeysMessage(WireKey.FromAll(i.Keys), i.StimulusId));
                break;
            case CancelTaskInstruction i:
                ToWorker(i.WorkerId, new CancelTaskMessage(WireKey.From(i.Key), i.StimulusId));
                break;
            case StealRequestInstruction i:
                ToWorker(i.WorkerId, new StealRequestMessage(WireKey.From(i.Key), i.StimulusId));
                break;
            case KeyInMemoryInstruction i:
                ToClient(i.ClientId, new KeyInMemoryMessage(WireKey.From(i.Key), i.Holders.Items, i.NBytes, i.StimulusId));
                break;
            case KeyErredInstruction i:
                ToClient(i.ClientId, new KeyErredMessage(WireKey.From(i.Key), WireKey.From(i.FailedKey), i.Error.ExceptionType, i.Error.Message, i.Error.StackTrace, i.StimulusId));
                break;
            case TaskRetriedInstruction i:
                _log.LogWarning("task {Key} failed on {Worker} ({Type}: {Message}); running it again ({Left} retries left)",
                    LogText.Of(i.Key.ToString()), i.Worker, i.Error.ExceptionType, LogText.Of(i.Error.Message), i.RetriesLeft);
                break;
            case AllWorkersPausedInstruction i:
                _log.LogWarning("every worker is paused for memory ({Workers}); {Tasks} tasks wait for one to resume. " +
                    "Workers resume once spilling frees their memory; one that has nothing left to spill says so in its log", i.Workers, i.WaitingTasks);
                break;
            case RemoveWorkerInstruction i:
                _log.LogWarning("removing worker {Id}: {Reason}", i.WorkerId, i.Reason);
                if (_workers.Remove(i.WorkerId, out var connection))
                    _ = connection.DisposeAsync().AsTask();
                break;
            default:
                throw new InvalidOperationException($"the center host cannot carry out {instruction}");
        }
    }

    /// <summary>
    /// A task for one worker connection: a node with a head names it by id once the connection has
    /// carried it (see <see cref="HeadWindow{TKey}"/>), so most tasks carry only their own bytes.
    /// Callers hold the lock, and the message must be queued on <paramref name="connection"/> at once.
    /// </summary>
    private ComputeTaskMessage ComputeMessage(WireConnection connection, ComputeTaskInstruction i, DependencyInfo[] deps)
    {
        var key = WireKey.From(i.Key);
        var head = i.Node.Head;
        if (head.Length == 0)
            return new ComputeTaskMessage(key, i.Node.Tail, i.Priority, deps, i.Session, i.StimulusId);
        if (!_sentHeads.TryGetValue(connection, out var window))
            _sentHeads[connection] = window = new HeadWindow<byte[]>(ReferenceEqualityComparer.Instance);
        if (window.TryGet(head, out long id, out _))
            return new ComputeTaskMessage(key, i.Node.Tail, i.Priority, deps, i.Session, i.StimulusId, id);
        id = ++_headIds;
        window.Add(head, id, head);
        return new ComputeTaskMessage(key, i.Node.Tail, i.Priority, deps, i.Session, i.StimulusId, id, head);
    }

    private void ToWorker(int id, WireMessage message)
    {
        if (_workers.TryGetValue(id, out var connection))
            Queue(connection, message);
    }

    private void ToClient(int id, WireMessage message)
    {
        if (_clients.TryGetValue(id, out var connection))
            Queue(connection, message);
    }

    /// <summary>Adds a message to what this step sends to <paramref name="connection"/>. Callers hold the lock.</summary>
    private void Queue(WireConnection connection, WireMessage message)
    {
        if (!_batches.TryGetValue(connection, out var batch))
        {
            _batches[connection] = batch = new OutgoingBatch(connection);
            _dirty.Add(batch);
        }
        else if (batch.IsEmpty)
        {
            _dirty.Add(batch);
        }
        batch.Add(message);
        if (_depth == 0)
            EndStep();
    }

    /// <summary>Ends one step: when it is the outermost, what it queued goes out, one batch per connection.</summary>
    private void EndStep()
    {
        if (_depth > 0 && --_depth > 0)
            return;
        foreach (var batch in _dirty)
            batch.Flush();
        _dirty.Clear();
    }

    /// <summary>Forgets the batch of a connection that closed.</summary>
    private void DropBatch(WireConnection connection)
    {
        lock (_gate)
        {
            _batches.Remove(connection);
            _sentHeads.Remove(connection);
        }
    }
}
