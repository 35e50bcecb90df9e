using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class WorkerHost
{
    private async Task ReceiveFromCenterAsync(WireConnection center)
    {
        while (true)
        {
            var envelope = await center.ReceiveAsync(_stopping.Token).ConfigureAwait(false);
            if (ReceiveCode(envelope))
                continue;
            WorkerEvent stimulus = envelope.Header switch
            {
                ComputeTaskMessage m => new ComputeTaskEvent(m.Key.ToTaskKey(), m.Node, m.Priority,
                    [.. m.Dependencies.Select(d => new DependencyLocation(d.Key.ToTaskKey(), d.Holders, d.NBytes))], m.Session),
                DeleteKeysMessage m => new DeleteKeysEvent([.. m.Keys.Select(k => k.ToTaskKey())]),
                CancelTaskMessage m => new CancelTaskEvent(m.Key.ToTaskKey()),
                var other => throw new WireProtocolException($"the center may not send {other.GetType().Name}"),
            };
            lock (_gate)
                Post(stimulus);
        }
    }

    /// <summary>Feeds an event to the state machine and carries out its instructions. Callers hold the lock.</summary>
    private void Post(WorkerEvent stimulus)
    {
        foreach (var instruction in _state.Handle(stimulus))
        {
            switch (instruction)
            {
                case Worker.ExecuteInstruction i:
                    _queue.Add((i, _epoch));
                    break;
                case FetchInstruction i:
                    _ = FetchAsync(i.Key, i.Holder, _epoch);
                    break;
                case ReportFinishedInstruction i:
                    _center?.Send(new TaskFinishedMessage(WireKey.From(i.Key), i.NBytes, i.FetchedBytes, i.HeldKeys));
                    break;
                case ReportErredInstruction i:
                    _center?.Send(new TaskErredMessage(WireKey.From(i.Key), i.Error.ExceptionType, ErrorText.Bound(i.Error.Message)!, ErrorText.Bound(i.Error.StackTrace)));
                    break;
                case ReportFetchFailedInstruction i:
                    _center?.Send(new FetchFailedMessage(WireKey.From(i.Task), WireKey.From(i.Dependency), i.Holder));
                    break;
                case DropInstruction i:
                    foreach (var key in i.Keys)
                        _store.Drop(key);
                    break;
            }
        }
    }

    /// <summary>One executor thread: runs tasks with inputs from the store; a throwing task fails alone.</summary>
    private void ExecuteLoop()
    {
        foreach (var (task, epoch) in _queue.GetConsumingEnumerable())
            Execute(task, epoch);
    }

    // Not inlined: nothing of a finished task (its node, its session's types) stays on a waiting executor's stack,
    // so an ended session's load context can be collected.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void Execute(Worker.ExecuteInstruction task, int epoch)
    {
        object? result = null;
        bool owned = false;
        ErrorInfo? error = null;
        try
        {
            var code = CodeFor(task.Session);
            var node = TaskNode.Deserialize(task.Key, task.Node, code);
            if ((node.Op.Traits & OpTraits.RetainsNoInput) == 0)
            {
                foreach (var dep in node.Dependencies)
                    _store.MayBeRetained(dep);
            }
            result = node.Execute(key => CodedValue.Materialize(_store.Get(key), code));
            ResultLimit.Check(task.Key, result, _options.MaxResultBytes); // fail here, by name and size, rather than when a peer asks for it
            owned = (node.Op.Traits & OpTraits.ReturnsFreshArray) != 0;
        }
        catch (Exception e)
        {
            var cause = e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : e;
            error = new ErrorInfo(cause.GetType().FullName ?? cause.GetType().Name, cause.Message, cause.StackTrace);
        }
        lock (_gate)
        {
            if (epoch != _epoch)
                return;
            if (error is null)
            {
                _store.Put(task.Key, result, owned);
                Post(new ExecuteDoneEvent(task.Key, ValueCodec.SizeOf(result)));
            }
            else
            {
                Post(new ExecuteFailedEvent(task.Key, error));
            }
        }
    }

    private async Task FetchAsync(TaskKey key, string holder, int epoch)
    {
        WorkerEvent outcome;
        object? value = null;
        try
        {
            value = (await _peers.FetchAsync(holder, [key], _stopping.Token).ConfigureAwait(false))[0];
            outcome = new FetchDoneEvent(key, ValueCodec.SizeOf(value));
        }
        catch (Exception e) when (e is IOException or MissingDataException or OperationCanceledException)
        {
            if (_stopping.IsCancellationRequested)
                return;
            _log.LogWarning("could not fetch {Key} from {Holder}: {Reason}", key, holder, e.Message);
            outcome = new Worker.FetchFailedEvent(key, holder);
        }
        lock (_gate)
        {
            if (epoch != _epoch)
                return;
            if (outcome is FetchDoneEvent)
                _store.Put(key, value, owned: true);
            Post(outcome);
        }
    }
}
