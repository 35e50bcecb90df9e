using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// The values a worker holds, and which of their buffers it may recycle when they are dropped:
/// an array this worker owns alone (made by an operation that returns a fresh array, or received
/// from a peer), not read by a local operation that might keep it, and not being sent right now.
/// A held value may be spilled (<see cref="Spill"/>): written to a file and let go in memory; the
/// first read of it (by a task or for a peer) reads the file back once, deletes it, and keeps the
/// value in memory again, noting the key for the state machine (<see cref="TakeUnspilled"/>).
/// </summary>
internal sealed partial class WorkerStore
{
    // A plain dictionary under the store's lock: every write took the lock already, and a concurrent dictionary made a
    // node per value that lived as long as the value (a tiny task's result is mostly that node and its box).
    private readonly Dictionary<TaskKey, object?> _values = [];
    private readonly HashSet<TaskKey> _owned = [];
    private readonly Dictionary<TaskKey, int> _sending = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _values.Count;
        }
    }

    /// <summary>The value of a held key, read back from disk if it was spilled.</summary>
    /// <exception cref="IOException">A spilled value's file could not be read.</exception>
    public bool TryGet(TaskKey key, out object? value)
    {
        bool found;
        lock (_gate)
            found = _values.TryGetValue(key, out value);
        return found && Resident(key, ref value); // a spilled value is read back outside the lock
    }

    public object? Get(TaskKey key) =>
        TryGet(key, out var value) ? value : throw new KeyNotFoundException($"{key} is not on this worker");

    /// <summary>Stores a value; <paramref name="owned"/> says no one else references it.</summary>
    public void Put(TaskKey key, object? value, bool owned)
    {
        lock (_gate)
        {
            _values[key] = value;
            if (owned && value is Array)
                _owned.Add(key);
            else
                _owned.Remove(key);
        }
    }

    /// <summary>An operation that may keep its inputs read this key: never recycle it.</summary>
    public void MayBeRetained(TaskKey key)
    {
        lock (_gate)
            _owned.Remove(key);
    }

    /// <summary>Looks a value up to send it; it is not recycled until <see cref="SendDone"/>.</summary>
    public bool TryGetForSending(TaskKey key, out object? value)
    {
        if (!TryGet(key, out value))
            return false;
        lock (_gate)
        {
            if (!_values.TryGetValue(key, out var now) || !ReferenceEquals(now, value))
                return false; // dropped (or spilled again) meanwhile: the reader asks another holder
            _sending[key] = _sending.GetValueOrDefault(key) + 1;
            return true;
        }
    }

    public void SendDone(TaskKey key)
    {
        lock (_gate)
        {
            if (_sending.TryGetValue(key, out int n) && n > 1)
                _sending[key] = n - 1;
            else
                _sending.Remove(key);
        }
    }

    public void Drop(TaskKey key)
    {
        object? recycle = null;
        lock (_gate)
        {
            if (!_values.Remove(key, out var value))
                return;
            if (value is SpilledValue spilled)
                spilled.Delete();
            else if (_owned.Remove(key) && !_sending.ContainsKey(key))
                recycle = value;
        }
        if (recycle is not null)
            ChunkPool.Return(recycle);
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var value in _values.Values)
                (value as SpilledValue)?.Delete();
            _values.Clear();
            _owned.Clear();
            _unspilled.Clear();
        }
    }
}
