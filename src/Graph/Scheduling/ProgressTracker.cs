namespace LazyDist.Graph;

/// <summary>
/// Counts a run's finished tasks per key group and reports to an <see cref="IProgress{T}"/> at
/// most every <see cref="Interval"/> and once at the end. A finished task costs one array
/// increment and a countdown: the clock is read only every few tasks (see <see cref="Completed"/>).
/// Not thread-safe: callers serialize, as they do for <see cref="RunStatistics"/>.
/// </summary>
internal sealed class ProgressTracker
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The most tasks between two clock reads: a report is late by at most this many tasks.</summary>
    public const int MaxStride = 32;

    private readonly IProgress<ComputeProgress> _progress;
    private readonly TimeProvider _time;
    private readonly string[] _names;
    private readonly int[] _prefixOf;
    private readonly int[] _totals;
    private readonly int[] _done;
    private readonly long _intervalTicks;
    private long _lastReport;
    private long _lastCheck;
    private int _stride = 1;
    private int _untilCheck = 1;
    private int _completed;

    /// <summary>A tracker for a run of the tasks <paramref name="keys"/> (one per task, in any order the caller indexes them by).</summary>
    public ProgressTracker(IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress, TimeProvider? time = null)
        : this(keys.Count, i => keys[i], progress, time)
    {
    }

    /// <summary>A tracker for a run in <paramref name="runOrder"/>'s order (<see cref="TaskGraph.RunOrder"/>), without a second list of its keys.</summary>
    public ProgressTracker(IReadOnlyList<KeyValuePair<TaskKey, TaskNode>> runOrder, IProgress<ComputeProgress> progress, TimeProvider? time = null)
        : this(runOrder.Count, i => runOrder[i].Key, progress, time)
    {
    }

    private ProgressTracker(int count, Func<int, TaskKey> keyAt, IProgress<ComputeProgress> progress, TimeProvider? time)
    {
        _progress = progress;
        _time = time ?? TimeProvider.System;
        _intervalTicks = (long)(Interval.TotalSeconds * _time.TimestampFrequency);
        _lastReport = _lastCheck = _time.GetTimestamp();
        _prefixOf = new int[count];
        var groupOfName = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOfPrefix = new Dictionary<string, int>(StringComparer.Ordinal);
        string? lastName = null;
        int last = -1;
        for (int i = 0; i < count; i++)
        {
            // Keys of a layer share one name string: a reference test names most of them without hashing.
            string name = keyAt(i).Name;
            if (!ReferenceEquals(name, lastName))
            {
                if (!groupOfName.TryGetValue(name, out last))
                {
                    string prefix = KeyPrefix.Of(name);
                    if (!groupOfPrefix.TryGetValue(prefix, out last))
                        groupOfPrefix[prefix] = last = groupOfPrefix.Count;
                    groupOfName[name] = last;
                }
                lastName = name;
            }
            _prefixOf[i] = last;
        }
        _names = new string[groupOfPrefix.Count];
        foreach (var (prefix, p) in groupOfPrefix)
            _names[p] = prefix;
        _totals = new int[_names.Length];
        foreach (int p in _prefixOf)
            _totals[p]++;
        _done = new int[_names.Length];
    }

    /// <summary>The run's key groups, in the order <see cref="Report(IReadOnlyList{long}, long)"/> takes their counts.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>
    /// Task <paramref name="task"/> finished; reports when the interval has passed. The clock is read
    /// every <c>stride</c> tasks: the stride doubles (up to <see cref="MaxStride"/>) while a stride of
    /// tasks takes under an eighth of the interval and halves (down to 1) otherwise, so tiny tasks pay
    /// a countdown and slow ones are reported on time.
    /// </summary>
    public void Completed(int task, long heldBytes)
    {
        _done[_prefixOf[task]]++;
        _completed++;
        if (--_untilCheck > 0)
            return;
        long now = _time.GetTimestamp();
        _stride = (now - _lastCheck) * 8 < _intervalTicks ? Math.Min(_stride * 2, MaxStride) : Math.Max(_stride / 2, 1);
        _untilCheck = _stride;
        _lastCheck = now;
        if (now - _lastReport >= _intervalTicks)
        {
            _lastReport = now;
            Report(heldBytes);
        }
    }

    /// <summary>Reports counts told from elsewhere (a cluster's center): <paramref name="done"/> per group of <see cref="Names"/>, each kept within 0 and the group's total.</summary>
    public void Report(IReadOnlyList<long> done, long heldBytes)
    {
        _completed = 0;
        for (int p = 0; p < _names.Length; p++)
        {
            _done[p] = (int)Math.Clamp(done[p], 0, _totals[p]);
            _completed += _done[p];
        }
        Report(heldBytes);
    }

    /// <summary>Marks every task finished and reports (for a scheduler that tells only the end).</summary>
    public void Finish(long heldBytes)
    {
        Array.Copy(_totals, _done, _totals.Length);
        _completed = _prefixOf.Length;
        Report(heldBytes);
    }

    /// <summary>Reports now, whatever the interval (the run's start and end).</summary>
    public void Report(long heldBytes)
    {
        var prefixes = new PrefixProgress[_names.Length];
        for (int p = 0; p < prefixes.Length; p++)
            prefixes[p] = new PrefixProgress(_names[p], _done[p], _totals[p]);
        Array.Sort(prefixes, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        _progress.Report(new ComputeProgress(_completed, _prefixOf.Length, prefixes, heldBytes));
    }
}
