using System.Collections.Concurrent;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Spilling: held values to files and back, each file written once and read at most once.</summary>
internal sealed partial class WorkerStore
{
    private readonly ConcurrentQueue<TaskKey> _unspilled = new();
    private long _spilledBytes;
    private long _spilledKeys;
    private long _unspilledBytes;

    /// <summary>Bytes written to disk, in all.</summary>
    public long SpilledBytes => Interlocked.Read(ref _spilledBytes);

    /// <summary>Values written to disk, in all.</summary>
    public long SpilledKeys => Interlocked.Read(ref _spilledKeys);

    /// <summary>Bytes read back from disk, in all.</summary>
    public long UnspilledBytes => Interlocked.Read(ref _unspilledBytes);

    /// <summary>
    /// Writes the value of <paramref name="key"/> to a new file in <paramref name="directory"/> and lets
    /// go of it in memory. Returns the bytes written: 0 when the key is not here in memory (dropped or
    /// already spilled). Its buffer is not recycled while it is being written.
    /// </summary>
    /// <exception cref="NotSupportedException">The value has no wire form.</exception>
    /// <exception cref="IOException">The disk refused.</exception>
    public long Spill(TaskKey key, SpillDirectory directory)
    {
        object? value;
        lock (_gate)
        {
            if (!_values.TryGetValue(key, out value) || value is SpilledValue)
                return 0;
            _sending[key] = _sending.GetValueOrDefault(key) + 1;
        }
        string file = directory.NewFile();
        try
        {
            long bytes = SpillFile.Write(file, value);
            lock (_gate)
            {
                if (_values.TryGetValue(key, out var now) && ReferenceEquals(now, value))
                {
                    _values[key] = new SpilledValue(file, bytes);
                    _owned.Remove(key); // a running task may still read the array: never recycle it
                    Interlocked.Add(ref _spilledBytes, bytes);
                    Interlocked.Increment(ref _spilledKeys);
                    return bytes;
                }
            }
            SpillDirectory.Delete(file); // dropped while it was written
            return 0;
        }
        catch
        {
            SpillDirectory.Delete(file);
            throw;
        }
        finally
        {
            SendDone(key);
        }
    }

    /// <summary>Keys read back from disk since the last call, for the state machine.</summary>
    public ValueList<TaskKey> TakeUnspilled()
    {
        if (_unspilled.IsEmpty)
            return Array.Empty<TaskKey>();
        var keys = new List<TaskKey>();
        while (_unspilled.TryDequeue(out var key))
            keys.Add(key);
        return keys.ToArray();
    }

    /// <summary>Turns <paramref name="value"/> into the value itself when it is on disk (read once, however many ask); false when it was dropped meanwhile.</summary>
    private bool Resident(TaskKey key, ref object? value)
    {
        if (value is not SpilledValue spilled)
            return true;
        if (!spilled.TryLoad(out value))
            return false;
        lock (_gate)
        {
            if (_values.TryGetValue(key, out var now) && ReferenceEquals(now, spilled))
            {
                _values[key] = value; // not owned: a task reading it may keep it
                _unspilled.Enqueue(key);
                Interlocked.Add(ref _unspilledBytes, spilled.Bytes);
            }
        }
        return true;
    }

    /// <summary>A value on disk: its file, read back at most once, deleted once read or dropped.</summary>
    private sealed class SpilledValue(string file, long bytes)
    {
        private readonly Lock _gate = new();
        private object? _loaded;
        private bool _read;
        private bool _deleted;

        public long Bytes { get; } = bytes;

        public bool TryLoad(out object? value)
        {
            lock (_gate)
            {
                if (!_read)
                {
                    if (_deleted)
                    {
                        value = null;
                        return false;
                    }
                    _loaded = SpillFile.Read(file);
                    _read = true;
                    SpillDirectory.Delete(file);
                }
                value = _loaded;
                return true;
            }
        }

        public void Delete()
        {
            lock (_gate)
            {
                _deleted = true;
                if (!_read)
                    SpillDirectory.Delete(file);
                _loaded = null;
            }
        }
    }
}
