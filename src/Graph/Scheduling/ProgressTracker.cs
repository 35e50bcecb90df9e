using System.Diagnostics;

namespace LazyDist.Graph;

/// <summary>
/// Counts a run's finished tasks per key group and reports to an <see cref="IProgress{T}"/> at
/// most every <see cref="Interval"/> and once at the end, so a run of tiny tasks pays one
/// array increment per task. Not thread-safe: callers serialize, as they do for <see cref="RunStatistics"/>.
/// </summary>
internal sealed class ProgressTracker
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly IProgress<ComputeProgress> _progress;
    private readonly string[] _names;
    private readonly int[] _prefixOf;
    private readonly int[] _totals;
    private readonly int[] _done;
    private readonly long _intervalTicks = (long)(Interval.TotalSeconds * Stopwatch.Frequency);
    private long _lastReport = Stopwatch.GetTimestamp();
    private int _completed;

    /// <summary>A tracker for a run of the tasks <paramref name="keys"/> (one per task, in any order the caller indexes them by).</summary>
    public ProgressTracker(IReadOnlyList<TaskKey> keys, IProgress<ComputeProgress> progress)
    {
        _progress = progress;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        _prefixOf = new int[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            string name = KeyPrefix.Of(keys[i]);
            if (!index.TryGetValue(name, out int p))
                index[name] = p = index.Count;
            _prefixOf[i] = p;
        }
        _names = new string[index.Count];
        foreach (var (name, p) in index)
            _names[p] = name;
        _totals = new int[_names.Length];
        foreach (int p in _prefixOf)
            _totals[p]++;
        _done = new int[_names.Length];
    }

    /// <summary>The run's key groups, in the order <see cref="Report(IReadOnlyList{long}, long)"/> takes their counts.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Task <paramref name="task"/> finished; reports when the interval has passed.</summary>
    public void Completed(int task, long heldBytes)
    {
        _done[_prefixOf[task]]++;
        _completed++;
        long now = Stopwatch.GetTimestamp();
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
