using System.Diagnostics;
using LazyDist.Graph;

namespace LazyDist.Schedulers.Local;

/// <summary>
/// The one execution loop behind the local schedulers (dask's <c>get_async</c>), as state plus
/// three steps that an executor drives: <see cref="TryTake"/> the ready task of best static
/// priority, <see cref="Execute"/> it, <see cref="Complete"/> it.
/// </summary>
/// <remarks>
/// State, per task, by dense index: the tasks it waits on, the dependents still to run, and its
/// value once computed. Completing a task decrements the waiting count of each dependent (ready at
/// zero) and the pending-dependent count of each input; an input whose count reaches zero and that
/// was not requested is dropped at once (eager deletion), so memory follows the priority order.
/// <see cref="TryTake"/> and <see cref="Complete"/> are not thread-safe: a multi-threaded executor
/// calls them under one lock. <see cref="Execute"/> runs outside it: a task's inputs are complete
/// and cannot be released before the task itself completes.
/// </remarks>
internal sealed class LocalRun
{
    private readonly TaskKey[] _keys;
    private readonly TaskNode[] _nodes;
    private readonly Dictionary<TaskKey, int> _index;
    private readonly int[][] _dependencies;
    private readonly int[][] _dependents;
    private readonly int[] _waitingOn;
    private readonly int[] _pendingDependents;
    private readonly bool[] _requested;
    private readonly bool[] _recyclable;
    private readonly int[] _priority;
    private readonly object?[] _values;
    private readonly PriorityQueue<int, int> _ready = new();
    private readonly TaskKey[] _requestedKeys;
    private readonly Func<TaskKey, object?> _valueOf;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _completed;
    private ProgressTracker? _progress;

    private LocalRun(IReadOnlyList<KeyValuePair<TaskKey, TaskNode>> tasks, IReadOnlyList<TaskKey> requestedKeys)
    {
        _requestedKeys = [.. requestedKeys];
        int n = tasks.Count;
        _keys = new TaskKey[n];
        _nodes = new TaskNode[n];
        _index = new Dictionary<TaskKey, int>(n);
        _priority = new int[n];
        int i = 0;
        foreach (var (key, node) in tasks)
        {
            _keys[i] = key;
            _nodes[i] = node;
            _priority[i] = i; // the run order is the static priority order
            _index[key] = i++;
        }

        _dependencies = new int[n][];
        _waitingOn = new int[n];
        var dependentCounts = new int[n];
        for (i = 0; i < n; i++)
        {
            var deps = _nodes[i].Dependencies;
            var indices = new int[deps.Count];
            for (int d = 0; d < indices.Length; d++)
            {
                indices[d] = _index[deps[d]];
                dependentCounts[indices[d]]++;
            }
            _dependencies[i] = indices;
            _waitingOn[i] = indices.Length;
        }
        _dependents = new int[n][];
        for (i = 0; i < n; i++)
            _dependents[i] = dependentCounts[i] == 0 ? [] : new int[dependentCounts[i]];
        var filled = new int[n];
        for (i = 0; i < n; i++)
        {
            foreach (int dep in _dependencies[i])
                _dependents[dep][filled[dep]++] = i;
        }
        _pendingDependents = dependentCounts;

        _requested = new bool[n];
        foreach (var key in _requestedKeys)
            _requested[_index[key]] = true;
        _recyclable = new bool[n];
        for (i = 0; i < n; i++)
            _recyclable[i] = IsRecyclable(i);
        _values = new object?[n];
        for (i = 0; i < n; i++)
        {
            if (_waitingOn[i] == 0)
                _ready.Enqueue(i, _priority[i]);
        }
        _valueOf = ValueOf;
        Statistics = new RunStatistics(n);
    }

    /// <summary>The run's counters.</summary>
    public RunStatistics Statistics { get; }

    /// <summary>Whether every task has completed.</summary>
    public bool IsFinished => _completed == _keys.Length;

    /// <summary>How many tasks are ready and not taken.</summary>
    public int ReadyCount => _ready.Count;

    /// <summary>Validates and culls <paramref name="graph"/> for <paramref name="keys"/> and sets up the run.</summary>
    /// <exception cref="GraphValidationException">A key is missing or there is a cycle.</exception>
    public static LocalRun Prepare(TaskGraph graph, IReadOnlyList<TaskKey> keys)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(keys);
        return new LocalRun(graph.RunOrder(keys), keys);
    }

    /// <summary>Reports this run's progress to <paramref name="progress"/> from now on (once now, as it goes, once at the end).</summary>
    public void Track(IProgress<ComputeProgress> progress)
    {
        _progress = new ProgressTracker(_keys, progress);
        _progress.Report(Statistics.HeldBytes);
    }

    /// <summary>The key of task <paramref name="task"/>.</summary>
    public TaskKey KeyOf(int task) => _keys[task];

    /// <summary>Takes the ready task of lowest priority number.</summary>
    public bool TryTake(out int task) => _ready.TryDequeue(out task, out _);

    /// <summary>Runs task <paramref name="task"/>; its exception becomes a <see cref="TaskFailedException"/>.</summary>
    public object? Execute(int task)
    {
        try
        {
            return _nodes[task].Execute(_valueOf);
        }
        catch (Exception error)
        {
            throw new TaskFailedException(_keys[task], error);
        }
    }

    /// <summary>Stores a result, drops inputs nobody needs any more, and readies dependents.</summary>
    public void Complete(int task, object? value)
    {
        _values[task] = value;
        _completed++;
        Statistics.TaskCompleted(value);
        _progress?.Completed(task, Statistics.HeldBytes);
        foreach (int dep in _dependencies[task])
        {
            if (--_pendingDependents[dep] == 0 && !_requested[dep])
                Release(dep);
        }
        foreach (int dependent in _dependents[task])
        {
            if (--_waitingOn[dependent] == 0)
                _ready.Enqueue(dependent, _priority[dependent]);
        }
        if (IsFinished)
        {
            Statistics.Elapsed = _clock.Elapsed;
            _progress?.Report(Statistics.HeldBytes);
        }
    }

    /// <summary>The values of the requested keys, in request order.</summary>
    public object?[] Results()
    {
        var results = new object?[_requestedKeys.Length];
        for (int i = 0; i < results.Length; i++)
            results[i] = _values[_index[_requestedKeys[i]]];
        return results;
    }

    private void Release(int task)
    {
        var value = _values[task];
        Statistics.Released(value);
        _values[task] = null;
        if (_recyclable[task])
            ChunkPool.Return(value);
    }

    /// <summary>
    /// Whether a task's result is garbage once dropped: a fresh array, read only by operations
    /// that keep no reference to their inputs.
    /// </summary>
    private bool IsRecyclable(int task)
    {
        if ((_nodes[task].Op.Traits & OpTraits.ReturnsFreshArray) == 0 || _dependents[task].Length == 0)
            return false;
        foreach (int dependent in _dependents[task])
        {
            if ((_nodes[dependent].Op.Traits & OpTraits.RetainsNoInput) == 0)
                return false;
        }
        return true;
    }

    private object? ValueOf(TaskKey key) => _values[_index[key]];
}
