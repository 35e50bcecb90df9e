using LazyDist.Distributed.States;
using LazyDist.Graph;
using static LazyDist.Distributed.Client.ClientKeyStatus;

namespace LazyDist.Distributed.Client;

/// <summary>Fetching wanted values from their holders: one request per worker at a time, the rest queued behind it.</summary>
internal sealed partial class ClientState
{
    // Keys to ask each holder for in its next request, and the holders with a request in flight.
    private readonly Dictionary<string, List<TaskKey>> _queuedGathers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _gathering = new(StringComparer.Ordinal);

    private void Wanted(TaskKey key)
    {
        if (!_keys.TryGetValue(key, out var known) || known.Status is not (Pending or Memory) || _lost)
            return; // the host answers the others at once
        known.Awaited = true;
        if (known.Status == Memory && known.GatheringFrom is null)
            QueueGather(known);
    }

    /// <summary>Asks the first holder not tried since the center's last report; with none left, waits for the next report.</summary>
    private void QueueGather(ClientKey key)
    {
        string? holder = key.Holders.FirstOrDefault(h => !key.Tried.Contains(h));
        if (holder is null)
        {
            key.GatheringFrom = null; // the center says where it is once it knows (or has recomputed it)
            return;
        }
        key.GatheringFrom = holder;
        if (!_queuedGathers.TryGetValue(holder, out var keys))
            _queuedGathers[holder] = keys = [];
        keys.Add(key.Key);
    }

    private void Gathered(GatheredEvent e)
    {
        _gathering.Remove(e.Holder);
        foreach (var found in e.Found)
        {
            if (!_keys.TryGetValue(found, out var key) || !key.Awaited || key.GatheringFrom != e.Holder)
                continue; // released or cancelled meanwhile: the host throws the value away
            key.Awaited = false;
            key.GatheringFrom = null;
            _out.Add(new DeliverInstruction(key.Key, _stimulus));
        }
        foreach (var unreadable in e.Unreadable)
        {
            if (!_keys.TryGetValue(unreadable.Key, out var key) || !key.Awaited || key.GatheringFrom != e.Holder || key.Status is not Memory)
                continue;
            key.Awaited = false;
            key.GatheringFrom = null;
            key.Error = new ClientError(ClientErrorKind.Unreadable, key.Key, key.Key, null,
                $"the value of {key.Key} from the worker at {e.Holder} could not be read: {unreadable.Reason}");
            Transition(key, Erred);
            FailWaiters(key, key.Error);
        }
        foreach (var missing in e.Missing)
        {
            if (!_keys.TryGetValue(missing, out var key) || !key.Awaited || key.GatheringFrom != e.Holder)
                continue;
            key.Tried.Add(e.Holder);
            ToCenter(new ReportMissingInstruction(key.Key, e.Holder, _stimulus), inOrder: false);
            QueueGather(key);
        }
    }

    /// <summary>Emits one request for each holder with keys queued and none in flight.</summary>
    private void FlushGathers()
    {
        if (_queuedGathers.Count == 0)
            return;
        foreach (var (holder, keys) in _queuedGathers.ToList())
        {
            if (_gathering.Contains(holder))
                continue;
            _queuedGathers.Remove(holder);
            var live = keys.Where(k => _keys.TryGetValue(k, out var key) && key.Awaited && key.GatheringFrom == holder).ToArray();
            if (live.Length == 0)
                continue;
            _gathering.Add(holder);
            _out.Add(new GatherInstruction(holder, live, _stimulus));
        }
    }
}
