using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// A worker's brain as a state machine with no I/O (dask.distributed's <c>WorkerState</c>):
/// <see cref="Handle"/> takes an event and returns instructions for the host.
/// </summary>
/// <remarks>
/// A task from the center waits until its inputs are here: inputs held by peers are fetched
/// directly from them, each key once however many tasks need it, trying the next holder when one
/// fails. Ready tasks run by priority on at most <c>threads</c> executors. A fetched copy is
/// dropped when the last local task that needed it has run; the worker's own results stay until
/// the center says to delete them.
/// </remarks>
internal sealed class WorkerState(int threads)
{
    private readonly Dictionary<TaskKey, WorkerTask> _tasks = [];
    private readonly Dictionary<TaskKey, long> _results = [];
    private readonly Dictionary<TaskKey, Copy> _copies = [];
    private readonly SortedSet<WorkerTask> _ready = new(Comparer<WorkerTask>.Create(
        (a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Sequence.CompareTo(b.Sequence)));
    private readonly List<WorkerInstruction> _out = [];
    private long _sequence;
    private int _executing;
    private long _fetchedBytes;

    /// <summary>Executor threads.</summary>
    public int Threads { get; } = threads > 0 ? threads : throw new ArgumentOutOfRangeException(nameof(threads), threads, "a worker needs at least one thread");

    /// <summary>Keys whose values are stored here: results and fetched copies.</summary>
    public int HeldKeys => _results.Count + _copies.Count(c => c.Value.Stored);

    /// <summary>Bytes of values stored here.</summary>
    public long HeldBytes => _results.Values.Sum() + _copies.Values.Where(c => c.Stored).Sum(c => c.NBytes);

    /// <summary>Tasks running now.</summary>
    public int Executing => _executing;

    /// <summary>Tasks known and not finished.</summary>
    public int PendingTasks => _tasks.Count;

    /// <summary>Whether a value is stored here.</summary>
    public bool Holds(TaskKey key) => _results.ContainsKey(key) || (_copies.TryGetValue(key, out var copy) && copy.Stored);

    /// <summary>Applies one event and returns what the host must do.</summary>
    public IReadOnlyList<WorkerInstruction> Handle(WorkerEvent stimulus)
    {
        _out.Clear();
        switch (stimulus)
        {
            case ComputeTaskEvent e: Compute(e); break;
            case FetchDoneEvent e: FetchDone(e); break;
            case FetchFailedEvent e: FetchFailed(e); break;
            case ExecuteDoneEvent e: Finished(e.Key, e.NBytes, error: null); break;
            case ExecuteFailedEvent e: Finished(e.Key, 0, e.Error); break;
            case DeleteKeysEvent e: Delete(e.Keys); break;
            case CancelTaskEvent e: Cancel(e.Key); break;
            default: throw new ArgumentException($"unknown event {stimulus.GetType().Name}", nameof(stimulus));
        }
        StartReady();
        return [.. _out];
    }

    private void Compute(ComputeTaskEvent e)
    {
        if (_results.TryGetValue(e.Key, out long nbytes))
        {
            _out.Add(new ReportFinishedInstruction(e.Key, nbytes, 0, HeldKeys));
            return;
        }
        if (_tasks.ContainsKey(e.Key))
            return;
        var unreachable = e.Dependencies.FirstOrDefault(d => d.Holders.Count == 0 && !_results.ContainsKey(d.Key) && !_copies.ContainsKey(d.Key));
        if (unreachable is not null)
        {
            _out.Add(new ReportFetchFailedInstruction(e.Key, unreachable.Key, ""));
            return;
        }
        var task = new WorkerTask(e.Key, e.Node, e.Priority, _sequence++, [.. e.Dependencies.Select(d => d.Key)], e.Session);
        _tasks[e.Key] = task;
        foreach (var dep in e.Dependencies)
        {
            if (_results.ContainsKey(dep.Key))
                continue;
            if (!_copies.TryGetValue(dep.Key, out var copy))
            {
                _copies[dep.Key] = copy = new Copy(new Queue<string>(dep.Holders), dep.NBytes);
                TryFetchNext(dep.Key, copy);
            }
            copy.Users++;
            if (!copy.Stored)
                task.Missing.Add(dep.Key);
        }
        if (task.Missing.Count == 0)
            _ready.Add(task);
    }

    private bool TryFetchNext(TaskKey key, Copy copy)
    {
        if (!copy.Holders.TryDequeue(out var holder))
            return false;
        copy.Source = holder;
        _out.Add(new FetchInstruction(key, holder));
        return true;
    }

    private void FetchDone(FetchDoneEvent e)
    {
        if (!_copies.TryGetValue(e.Key, out var copy) || copy.Stored)
        {
            _out.Add(new DropInstruction([e.Key])); // nobody here needs it any more
            return;
        }
        copy.Stored = true;
        copy.NBytes = e.NBytes;
        _fetchedBytes += e.NBytes;
        foreach (var task in _tasks.Values.Where(t => t.Missing.Remove(e.Key) && t.Missing.Count == 0).ToList())
            _ready.Add(task);
    }

    private void FetchFailed(FetchFailedEvent e)
    {
        if (!_copies.TryGetValue(e.Key, out var copy) || copy.Stored)
            return;
        if (TryFetchNext(e.Key, copy))
            return;
        // No holder left: give the tasks that needed it back to the center.
        foreach (var task in _tasks.Values.Where(t => t.Missing.Contains(e.Key)).ToList())
            Abandon(task, e.Key, e.Holder);
    }

    private void Abandon(WorkerTask task, TaskKey dependency, string holder)
    {
        Forget(task);
        _out.Add(new ReportFetchFailedInstruction(task.Key, dependency, holder));
    }

    private void Finished(TaskKey key, long nbytes, ErrorInfo? error)
    {
        _executing--;
        if (!_tasks.TryGetValue(key, out var task) || !task.Executing)
            return;
        Forget(task);
        if (error is not null)
        {
            _out.Add(new ReportErredInstruction(key, error));
            return;
        }
        _results[key] = nbytes;
        _out.Add(new ReportFinishedInstruction(key, nbytes, _fetchedBytes, HeldKeys));
        _fetchedBytes = 0;
    }

    /// <summary>Removes a task and releases the fetched copies it was using.</summary>
    private void Forget(WorkerTask task)
    {
        _tasks.Remove(task.Key);
        _ready.Remove(task);
        var drop = new List<TaskKey>();
        foreach (var dep in task.Dependencies)
        {
            if (_copies.TryGetValue(dep, out var copy) && --copy.Users <= 0)
            {
                _copies.Remove(dep);
                if (copy.Stored)
                    drop.Add(dep);
            }
        }
        if (drop.Count > 0)
            _out.Add(new DropInstruction(drop));
    }

    private void Delete(IReadOnlyList<TaskKey> keys)
    {
        var drop = keys.Where(k => _results.Remove(k) && !(_copies.TryGetValue(k, out var c) && c.Stored)).ToList();
        if (drop.Count > 0)
            _out.Add(new DropInstruction(drop));
    }

    private void Cancel(TaskKey key)
    {
        // A running task cannot be stopped; its result will be reported and the center decides.
        if (_tasks.TryGetValue(key, out var task) && !task.Executing)
            Forget(task);
    }

    private void StartReady()
    {
        while (_executing < Threads && _ready.Count > 0)
        {
            var task = _ready.Min!;
            _ready.Remove(task);
            task.Executing = true;
            _executing++;
            _out.Add(new ExecuteInstruction(task.Key, task.Node, task.Session));
        }
    }

    private sealed class WorkerTask(TaskKey key, byte[] node, long priority, long sequence, List<TaskKey> dependencies, int session)
    {
        public TaskKey Key { get; } = key;
        public byte[] Node { get; } = node;
        public int Session { get; } = session;
        public long Priority { get; } = priority;
        public long Sequence { get; } = sequence;
        public List<TaskKey> Dependencies { get; } = dependencies;
        public HashSet<TaskKey> Missing { get; } = [];
        public bool Executing { get; set; }
    }

    /// <summary>An input fetched (or being fetched) from a peer for local tasks.</summary>
    private sealed class Copy(Queue<string> holders, long nbytes)
    {
        public Queue<string> Holders { get; } = holders;
        public string? Source { get; set; }
        public long NBytes { get; set; } = nbytes;
        public bool Stored { get; set; }
        public int Users { get; set; }
    }
}
