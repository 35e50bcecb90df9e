using LazyDist.Distributed.States;
using LazyDist.Graph;
using static LazyDist.Distributed.Worker.WorkerKeyStatus;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// Memory: from each sample of the process's memory the machine decides what to spill (least
/// recently used held values first, those no local task waits for before those one does, until the
/// spilled bytes cover the excess over the spill threshold), whether to pause (above the pause
/// threshold no task starts; running ones finish, data is still served and spilled) or resume, and
/// when to ask the nanny for a restart. Each is said once per crossing.
/// </summary>
internal sealed partial class WorkerState
{
    private readonly List<TaskKey> _spills = [];
    private int _spilledKeys;
    private long _spilledBytes;
    private bool _paused;
    private bool _overTerminate;
    private bool _saidNothingToSpill;

    /// <summary>The memory limit and thresholds; null for none.</summary>
    public MemoryPolicy? MemoryLimits { get; }

    /// <summary>Whether the worker is paused (runs no new tasks) for memory.</summary>
    public bool Paused => _paused;

    /// <summary>Held keys whose values are on disk now.</summary>
    public int SpilledKeys => _spilledKeys;

    /// <summary>Bytes of held values on disk now.</summary>
    public long SpilledBytes => _spilledBytes;

    private void MemorySampled(long use)
    {
        if (MemoryLimits is not { } policy)
            return;
        if (policy.Terminate is { } terminate && use > terminate)
        {
            if (!_overTerminate)
                _out.Add(new TerminateInstruction(use, terminate, policy.Limit, _stimulus));
            _overTerminate = true;
        }
        else
        {
            _overTerminate = false;
        }
        if (policy.Pause is { } pause)
        {
            if (!_paused && use > pause)
            {
                _paused = true;
                _saidNothingToSpill = false;
                _out.Add(new PauseInstruction(use, pause, policy.Limit, _stimulus));
            }
            else if (_paused && use <= pause)
            {
                _paused = false;
                _out.Add(new ResumeInstruction(use, pause, _stimulus));
            }
        }
        bool spilled = policy.Spill is { } spill && use > spill && SpillAtLeast(use - spill);
        if (_paused && !spilled && !_saidNothingToSpill)
        {
            _saidNothingToSpill = true;
            _out.Add(new NothingToSpillInstruction(use, policy.Pause!.Value, _spilledBytes, _stimulus));
        }
    }

    /// <summary>Spills held values, least recently used first, until their bytes reach <paramref name="excess"/>; false when there was nothing to spill.</summary>
    private bool SpillAtLeast(long excess)
    {
        var candidates = _keys.Values
            .Where(k => k.Status == Memory && !k.Unspillable && k.NBytes > 0)
            .OrderBy(k => k.IsUsed ? 1 : 0)
            .ThenBy(k => k.LastUsed)
            .ToList();
        long freed = 0;
        foreach (var key in candidates)
        {
            if (freed >= excess)
                break;
            freed += key.NBytes;
            Transition(key, Spilled);
        }
        return candidates.Count > 0;
    }

    private void Unspilled(ValueList<TaskKey> keys)
    {
        foreach (var key in keys)
        {
            if (_keys.TryGetValue(key, out var known) && known.Status == Spilled)
                Transition(known, Memory);
        }
    }

    private void SpillFailed(TaskKey key)
    {
        if (!_keys.TryGetValue(key, out var known) || known.Status != Spilled)
            return;
        known.Unspillable = true;
        Transition(known, Memory);
    }
}
