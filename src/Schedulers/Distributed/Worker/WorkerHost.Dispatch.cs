using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;

namespace LazyDist.Distributed;

public sealed partial class WorkerHost
{
    /// <summary>Turns the center's messages into events (the one table of messages in); anything else breaks the protocol.</summary>
    private async Task ReceiveFromCenterAsync(WireConnection center)
    {
        while (true)
        {
            var envelope = await center.ReceiveAsync(_stopping.Token).ConfigureAwait(false);
            // One step: every message of a batch in turn, the reports they cause sent together at its end.
            var items = envelope.Header is BatchMessage batch ? batch.Messages : [envelope.Header];
            for (int i = 0; i < items.Length;)
            {
                // A batch's messages carry no payloads of their own: no envelope is made for each.
                if (ReceiveCode(Unbatched(items[i]), items.Length == 1 ? envelope.Payloads : [])) // without the lock: ending a session waits for its executors
                {
                    i++;
                    continue;
                }
                // The run of messages up to the next one about code under one lock: a finishing executor waits once per
                // batch, not once per task (each wait on a busy machine is a spin and a futex).
                lock (_gate)
                {
                    do
                        Receive(items[i++]);
                    while (i < items.Length && !IsAboutCode(Unbatched(items[i])));
                    _reports?.Flush();
                }
            }
        }
    }

    private static WireMessage Unbatched(WireMessage item) =>
        item is BatchMessage ? throw new WireProtocolException("a batch may not hold a batch") : item;

    /// <summary>One message from the center that is not about code. Callers hold the lock.</summary>
    private void Receive(WireMessage message)
    {
        WorkerEvent stimulus = message switch
        {
            ComputeTaskMessage m => new ComputeTaskEvent(m.Key.ToTaskKey(), m.Node, m.Priority, Locations(m.Dependencies), m.Session, m.StimulusId, m.HeadId, m.Head is { } head ? (ValueList<byte>)head : default),
            DeleteKeysMessage m => new DeleteKeysEvent(Keys(m.Keys), m.StimulusId),
            CancelTaskMessage m => new CancelTaskEvent(m.Key.ToTaskKey(), m.StimulusId),
            StealRequestMessage m => new StealRequestEvent(m.Key.ToTaskKey(), m.StimulusId),
            var other => throw new WireProtocolException($"the center may not send a worker {other.GetType().Name}"),
        };
        Post(stimulus);
    }

    private static ValueList<DependencyLocation> Locations(DependencyInfo[] dependencies)
    {
        if (dependencies.Length == 0)
            return default; // most tasks: no array for them
        var locations = new DependencyLocation[dependencies.Length];
        for (int i = 0; i < locations.Length; i++)
            locations[i] = new DependencyLocation(dependencies[i].Key.ToTaskKey(), dependencies[i].Holders, dependencies[i].NBytes);
        return locations;
    }

    private static ValueList<TaskKey> Keys(WireKey[] keys)
    {
        var result = new TaskKey[keys.Length];
        for (int i = 0; i < keys.Length; i++)
            result[i] = keys[i].ToTaskKey();
        return result;
    }

    /// <summary>
    /// Feeds an event to the state machine and carries out its instructions (the one table of
    /// instructions out); reports to the center wait in the step's batch until the caller flushes it. <paramref name="arrived"/> is the value that came with the event (a result
    /// or a fetched input): stored only if the machine says so. Callers hold the lock.
    /// </summary>
    private void Post(WorkerEvent stimulus, Arrival arrived = default)
    {
        foreach (var instruction in _state.Handle(stimulus))
        {
            switch (instruction)
            {
                case ExecuteInstruction i:
                    _queue.Add((i, _epoch));
                    break;
                case FetchInstruction i:
                    _ = FetchAsync(i.Holder, i.Keys, _epoch);
                    break;
                case StoreInstruction i when arrived.Key == i.Key:
                    _store.Put(i.Key, arrived.Value, arrived.Owned);
                    break;
                case DropInstruction i:
                    foreach (var key in i.Keys)
                        _store.Drop(key);
                    break;
                case ReportFinishedInstruction i:
                    _reports?.Add(new TaskFinishedMessage(WireKey.From(i.Run.Key), i.Run.NBytes, i.FetchedBytes, i.HeldKeys,
                        i.Run.Thread, i.Run.Started.UtcTicks, i.Run.Stopped.UtcTicks, i.StimulusId));
                    break;
                case ReportErredInstruction i:
                    _reports?.Add(new TaskErredMessage(WireKey.From(i.Run.Key), i.Error.ExceptionType, ErrorText.Bound(i.Error.Message)!, ErrorText.Bound(i.Error.StackTrace),
                        i.Run.Thread, i.Run.Started.UtcTicks, i.Run.Stopped.UtcTicks, i.StimulusId));
                    break;
                case ReportFetchFailedInstruction i:
                    _reports?.Add(new FetchFailedMessage(WireKey.From(i.Task), WireKey.From(i.Dependency), i.Holders.Items, i.StimulusId));
                    break;
                case StealResponseInstruction i:
                    _reports?.Add(new StealResponseMessage(WireKey.From(i.Key), i.Stolen, i.StimulusId));
                    break;
                case var i when CarryMemory(i):
                    break;
                default:
                    throw new InvalidOperationException($"the worker host cannot carry out {instruction}");
            }
        }
        if (_options.ValidateState)
            CheckStore();
    }

    /// <summary>In validate mode: the store holds exactly the values the machine says are here.</summary>
    private void CheckStore()
    {
        if (_store.Count != _state.HeldKeys)
            throw new InvalidOperationException($"worker {_options.Name}: the store holds {_store.Count} values but the state {_state.HeldKeys}");
    }

    /// <summary>A value that came with an event, for a <see cref="StoreInstruction"/>.</summary>
    private readonly record struct Arrival(TaskKey Key, object? Value, bool Owned);
}
