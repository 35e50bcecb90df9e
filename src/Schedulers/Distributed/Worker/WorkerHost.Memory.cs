using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Distributed.Worker;
using LazyDist.Graph;
using Microsoft.Extensions.Logging;

namespace LazyDist.Distributed;

/// <summary>
/// Memory: samples the process's memory on the host's clock and feeds it to the state machine, which
/// decides; carries out its spills on a background task (one batch at a time, no sample taken while
/// one runs, and a collection after it so the next sample sees the memory freed) and its pauses.
/// </summary>
public sealed partial class WorkerHost
{
    private readonly MemoryPolicy? _memory;
    private SpillDirectory? _spillDirectory;
    private ITimer? _memoryMonitor;
    private int _spilling;

    /// <summary>Bytes this worker wrote to disk to free memory, in all (statistics and tests).</summary>
    internal long SpilledBytes => _store.SpilledBytes;

    /// <summary>Bytes this worker read back from disk, in all.</summary>
    internal long UnspilledBytes => _store.UnspilledBytes;

    /// <summary>Whether the worker is paused for memory now.</summary>
    internal bool Paused
    {
        get
        {
            lock (_gate)
                return _state.Paused;
        }
    }

    /// <summary>Reads the memory policy and, when it spills, makes the local directory; then starts sampling.</summary>
    private void StartMemoryMonitor()
    {
        if (_memory is null)
            return;
        if (_memory.Spill is not null)
            _spillDirectory = SpillDirectory.Create(_options.LocalDirectory, _options.Name);
        _log.LogInformation("worker {Name}: memory limit {Limit}; spill at {Spill}, pause at {Pause}, terminate at {Terminate}{Directory}",
            _options.Name, Megabytes(_memory.Limit), Megabytes(_memory.Spill), Megabytes(_memory.Pause), Megabytes(_memory.Terminate),
            _spillDirectory is null ? "" : $"; spilling to {_spillDirectory.Path}");
        _memoryMonitor = _time.CreateTimer(_ => SampleMemory(), null, _options.MemoryMonitorInterval, _options.MemoryMonitorInterval);
    }

    private void StopMemoryMonitor()
    {
        _memoryMonitor?.Dispose();
        _store.Clear();
        _spillDirectory?.Dispose();
    }

    /// <summary>One sample, unless a spill is still being written (its memory is not freed yet).</summary>
    private void SampleMemory()
    {
        if (Volatile.Read(ref _spilling) != 0 || _stopping.IsCancellationRequested)
            return;
        long use = ProcessMemory.Measure();
        lock (_gate)
        {
            PostUnspilled();
            Post(new MemorySampledEvent(use, _ids.Next("memory", _options.Name)));
            _reports?.Flush();
        }
    }

    /// <summary>Tells the state machine which spilled values the store read back. Callers hold the lock.</summary>
    private void PostUnspilled()
    {
        var keys = _store.TakeUnspilled();
        if (keys.Count > 0)
            Post(new KeysUnspilledEvent(keys, _ids.Next("unspilled", _options.Name)));
    }

    /// <summary>Carries out a memory instruction; false when <paramref name="instruction"/> is not one. Callers hold the lock.</summary>
    private bool CarryMemory(WorkerInstruction instruction)
    {
        switch (instruction)
        {
            case SpillInstruction i:
                Volatile.Write(ref _spilling, 1);
                int epoch = _epoch;
                _ = Task.Run(() => Spill(i.Keys, epoch));
                return true;
            case PauseInstruction i:
                _log.LogWarning("worker {Name} paused: memory {Use} is above {Threshold} ({Percent:F0}% of its {Limit} limit); it runs no new tasks until it falls below, and still serves its data",
                    _options.Name, Megabytes(i.ProcessBytes), Megabytes(i.Threshold), 100.0 * i.Threshold / i.Limit, Megabytes(i.Limit));
                _reports?.Add(new WorkerPausedMessage(true, i.ProcessBytes, i.Limit));
                return true;
            case ResumeInstruction i:
                _log.LogInformation("worker {Name} resumed: memory {Use} is below {Threshold}", _options.Name, Megabytes(i.ProcessBytes), Megabytes(i.Threshold));
                _reports?.Add(new WorkerPausedMessage(false, i.ProcessBytes, _memory?.Limit ?? 0));
                return true;
            case TerminateInstruction i:
                // The line a nanny acts on: it restarts this worker.
                _log.LogError("worker {Name} memory exceeded terminate threshold: {Use} is above {Threshold} ({Percent:F0}% of its {Limit} limit); its nanny should restart it",
                    _options.Name, Megabytes(i.ProcessBytes), Megabytes(i.Threshold), 100.0 * i.Threshold / i.Limit, Megabytes(i.Limit));
                return true;
            case NothingToSpillInstruction i:
                _log.LogWarning("worker {Name} is paused at {Use} (pause at {Threshold}) and has nothing left to spill ({Spilled} on disk): its memory is held by running tasks or outside its results; it stays paused until that memory is freed",
                    _options.Name, Megabytes(i.ProcessBytes), Megabytes(i.Threshold), Megabytes(i.SpilledBytes));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes one spill batch to disk; values that cannot be written stay in memory and are named once each.</summary>
    private void Spill(ValueList<TaskKey> keys, int epoch)
    {
        var failed = new List<(TaskKey Key, string Reason)>();
        long written = 0;
        try
        {
            foreach (var key in keys)
            {
                try
                {
                    written += _store.Spill(key, _spillDirectory!);
                }
                catch (Exception e) when (e is NotSupportedException or IOException or UnauthorizedAccessException)
                {
                    failed.Add((key, e.Message));
                }
            }
            if (written > 0)
                GC.Collect(); // the arrays let go are large objects: collect them now, so the next sample sees them gone
            lock (_gate)
            {
                if (epoch != _epoch)
                    return;
                foreach (var (key, reason) in failed)
                {
                    _log.LogWarning("worker {Name} cannot spill {Key}; it stays in memory: {Reason}", _options.Name, LogText.Of(key.ToString()), LogText.Of(reason));
                    Post(new SpillFailedEvent(key, _ids.Next("spill-failed", _options.Name)));
                }
                _reports?.Flush();
            }
        }
        finally
        {
            Volatile.Write(ref _spilling, 0);
        }
    }

    private static string Megabytes(long? bytes) => bytes is { } b ? $"{b / 1e6:F0} MB" : "never";
}
