using System.Globalization;
using LazyDist.Distributed.Center;
using LazyDist.Distributed.Wire;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

public sealed partial class CenterHost
{
    /// <summary>Turns a message from a worker or client into an event.</summary>
    private void Receive(int id, PeerRole role, Envelope envelope, WireConnection connection)
    {
        var message = envelope.Header;
        if (role == PeerRole.Client && message is SubmitGraphMessage submitted && GraphAdmission.Check(submitted) is { } refusal)
        {
            GraphAdmission.Refuse(connection, submitted, refusal, _log); // to this client only; it stays connected
            return;
        }
        SchedulerEvent? stimulus = (role, message) switch
        {
            (PeerRole.Worker, TaskFinishedMessage m) => new TaskFinishedEvent(id, m.Key.ToTaskKey(), m.NBytes, m.FetchedBytes, m.HeldKeys),
            (PeerRole.Worker, TaskErredMessage m) => new TaskErredEvent(id, m.Key.ToTaskKey(), new ErrorInfo(m.ExceptionType, m.Text, m.StackTrace)),
            (PeerRole.Worker, FetchFailedMessage m) => new FetchFailedEvent(id, m.Task.ToTaskKey(), m.Dependency.ToTaskKey(), m.Holder),
            (PeerRole.Worker, HeartbeatMessage m) => new HeartbeatEvent(id, m.HeldBytes, m.HeldKeys, _time.GetUtcNow()),
            (PeerRole.Client, SubmitGraphMessage m) => new GraphSubmittedEvent(id,
                [.. m.Tasks.Select(t => new TaskSpec(t.Key.ToTaskKey(), [.. t.Dependencies.Select(d => d.ToTaskKey())], t.Node, t.Priority))],
                [.. m.Wanted.Select(k => k.ToTaskKey())]),
            (PeerRole.Client, ReleaseKeysMessage m) => new KeysReleasedEvent(id, [.. m.Keys.Select(k => k.ToTaskKey())]),
            (PeerRole.Client, ReportMissingMessage m) => new MissingReportedEvent(id, m.Key.ToTaskKey(), m.Holder),
            _ => null,
        };
        if (stimulus is not null)
        {
            Post(stimulus);
            return;
        }
        if (ReceiveCode(id, role, envelope, connection))
            return;
        if (role == PeerRole.Client && message is GetStatsMessage stats)
        {
            lock (_gate)
            {
                connection.Send(new StatsMessage(_state.TransferredBytes, _state.PeakKeys, _state.WorkerCount, _state.ThreadCount, _state.PeakBytes,
                    _state.HeldBytes, _state.Workers.Values.Sum(w => w.HasWhat.Count)));
                if (stats.ResetPeak)
                    _state.ResetPeak();
            }
            return;
        }
        throw new WireProtocolException($"a {role} may not send {message.GetType().Name}");
    }

    /// <summary>Feeds one event to the state machine and carries out its instructions (all non-blocking sends).</summary>
    private void Post(SchedulerEvent stimulus)
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested && stimulus is not (WorkerLeftEvent or ClientLeftEvent))
                return;
            string id = (++_stimulus).ToString(CultureInfo.InvariantCulture);
            IReadOnlyList<SchedulerInstruction> instructions;
            try
            {
                instructions = _state.Handle(stimulus with { StimulusId = id });
            }
            catch (InvalidOperationException e)
            {
                _log.LogCritical(e, "scheduler state broken by {Event}", stimulus);
                throw;
            }
            foreach (var instruction in instructions)
                Carry(instruction);
            if (_waiters.Count > 0)
                WakeWaiters();
        }
    }

    private void Carry(SchedulerInstruction instruction)
    {
        switch (instruction)
        {
            case ComputeTaskInstruction i:
                ToWorker(i.WorkerId, new ComputeTaskMessage(WireKey.From(i.Key), i.Node, i.Priority,
                    [.. i.Dependencies.Select(d => new DependencyInfo(WireKey.From(d.Key), [.. d.Holders], d.NBytes))], i.Session));
                break;
            case DeleteKeysInstruction i:
                ToWorker(i.WorkerId, new DeleteKeysMessage([.. i.Keys.Select(WireKey.From)]));
                break;
            case CancelTaskInstruction i:
                ToWorker(i.WorkerId, new CancelTaskMessage(WireKey.From(i.Key)));
                break;
            case KeyInMemoryInstruction i:
                ToClient(i.ClientId, new KeyInMemoryMessage(WireKey.From(i.Key), [.. i.Holders], i.NBytes));
                break;
            case KeyErredInstruction i:
                ToClient(i.ClientId, new KeyErredMessage(WireKey.From(i.Key), WireKey.From(i.FailedKey), i.Error.ExceptionType, i.Error.Message, i.Error.StackTrace));
                break;
            case RemoveWorkerInstruction i:
                _log.LogWarning("removing worker {Id}: {Reason}", i.WorkerId, i.Reason);
                if (_workers.Remove(i.WorkerId, out var connection))
                    _ = connection.DisposeAsync().AsTask();
                break;
        }
    }

    private void ToWorker(int id, WireMessage message)
    {
        if (_workers.TryGetValue(id, out var connection))
            connection.Send(message);
    }

    private void ToClient(int id, WireMessage message)
    {
        if (_clients.TryGetValue(id, out var connection))
            connection.Send(message);
    }
}
