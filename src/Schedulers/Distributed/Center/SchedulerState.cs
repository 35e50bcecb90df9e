using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>
/// The center's brain, as a state machine with no I/O (dask.distributed's <c>SchedulerState</c>):
/// <see cref="Handle"/> takes one event and returns the instructions it causes. No sockets,
/// threads or clocks inside; time arrives in events. The host feeds it one event at a time.
/// </summary>
/// <remarks>
/// Policies. A ready task with inputs goes to the worker holding the most of its input bytes,
/// ties to the least occupied. A ready root task (no inputs) is queued and admitted only while a
/// worker runs fewer tasks than its threads allow, lowest priority number first, so a wide graph
/// never floods worker memory. A result in memory that no pending dependent and no client needs
/// is deleted from its holders at once. A lost worker's running tasks go back to waiting and its
/// results are recomputed from lineage where still needed; a task that was running on
/// <see cref="SchedulerOptions.AllowedFailures"/> + 1 dying workers fails as a worker killer.
/// The center holds metadata only: values go worker to worker and worker to client.
/// </remarks>
internal sealed partial class SchedulerState(SchedulerOptions options)
{
    private readonly Dictionary<TaskKey, CenterTask> _tasks = [];
    private readonly Dictionary<int, CenterWorker> _workers = [];
    private readonly Dictionary<int, HashSet<CenterTask>> _wantedByClient = [];
    private readonly Dictionary<int, int> _sessionTasks = [];
    private readonly SortedSet<CenterTask> _queuedRoots = new(ByPriority.Instance);
    private readonly SortedSet<CenterTask> _noWorker = new(ByPriority.Instance);
    private readonly List<SchedulerInstruction> _out = [];
    private readonly HashSet<CenterTask> _touched = [];
    private readonly Dictionary<int, List<TaskKey>> _deletes = [];
    private string _stimulus = "";
    private long _sequence;
    private long _generation;

    /// <summary>The options in force.</summary>
    public SchedulerOptions Options { get; } = options;

    /// <summary>Bytes workers fetched from each other, in all.</summary>
    public long TransferredBytes { get; private set; }

    /// <summary>The most keys held by all workers at once since <see cref="ResetPeak"/>.</summary>
    public int PeakKeys { get; private set; }

    /// <summary>The most bytes of results held by all workers at once since <see cref="ResetPeak"/> (fetched copies not counted).</summary>
    public long PeakBytes { get; private set; }

    /// <summary>Bytes of results held by all workers now.</summary>
    public long HeldBytes { get; private set; }

    /// <summary>Results received from workers, in all.</summary>
    public long CompletedTasks { get; private set; }

    /// <summary>Workers connected.</summary>
    public int WorkerCount => _workers.Count;

    /// <summary>Executor threads of all workers.</summary>
    public int ThreadCount => _workers.Values.Sum(w => w.Threads);

    /// <summary>The known tasks (for tests and the status page).</summary>
    public IReadOnlyDictionary<TaskKey, CenterTask> Tasks => _tasks;

    /// <summary>The connected workers.</summary>
    public IReadOnlyDictionary<int, CenterWorker> Workers => _workers;

    /// <summary>Tasks the center knows whose node came from <paramref name="session"/>: while any remain, workers may need its code.</summary>
    public int TasksOf(int session) => _sessionTasks.GetValueOrDefault(session);

    /// <summary>Starts a new peak-keys measurement.</summary>
    public void ResetPeak()
    {
        // A worker's last report may be a heartbeat old: start from what the center knows it holds.
        foreach (var worker in _workers.Values)
            worker.ReportedKeys = worker.HasWhat.Count;
        PeakKeys = _workers.Values.Sum(w => w.ReportedKeys);
        PeakBytes = HeldBytes;
    }

    /// <summary>Applies one event and returns what the host must do.</summary>
    public IReadOnlyList<SchedulerInstruction> Handle(SchedulerEvent stimulus)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        _out.Clear();
        _deletes.Clear();
        _stimulus = stimulus.StimulusId;
        switch (stimulus)
        {
            case WorkerJoinedEvent e: WorkerJoined(e); break;
            case WorkerLeftEvent e: RemoveWorker(e.WorkerId, e.Reason); break;
            case GraphSubmittedEvent e: GraphSubmitted(e); break;
            case TaskFinishedEvent e: TaskFinished(e); break;
            case TaskErredEvent e: TaskErred(e); break;
            case FetchFailedEvent e: FetchFailed(e); break;
            case KeysReleasedEvent e: Release(e.ClientId, e.Keys); break;
            case ClientLeftEvent e: Release(e.ClientId, [.. WantedBy(e.ClientId).Select(t => t.Key)]); _wantedByClient.Remove(e.ClientId); break;
            case MissingReportedEvent e: MissingReported(e); break;
            case HeartbeatEvent e: Heartbeat(e); break;
            case TickEvent e: Tick(e); break;
            default: throw new ArgumentException($"unknown event {stimulus.GetType().Name}", nameof(stimulus));
        }
        Admit();
        foreach (var (worker, keys) in _deletes)
            _out.Add(new DeleteKeysInstruction(worker, keys, _stimulus));
        if (Options.Validate)
            CheckTouched();
        return [.. _out];
    }

    private void GraphSubmitted(GraphSubmittedEvent e)
    {
        long generation = ++_generation;
        var added = new List<(CenterTask Task, TaskSpec Spec)>();
        foreach (var spec in e.Tasks)
        {
            if (_tasks.TryGetValue(spec.Key, out var known))
            {
                if (known.Status == CenterTaskStatus.Erred && !known.IsNeeded)
                    SetStatus(known, CenterTaskStatus.Released); // a resubmitted failure is tried again
                continue;
            }
            var task = new CenterTask(spec.Key, spec.Node, (generation << 40) + spec.Priority, _sequence++, e.ClientId);
            _tasks[spec.Key] = task;
            _sessionTasks[e.ClientId] = _sessionTasks.GetValueOrDefault(e.ClientId) + 1;
            added.Add((task, spec));
        }
        foreach (var (task, spec) in added)
        {
            foreach (var depKey in spec.Dependencies)
            {
                if (!_tasks.TryGetValue(depKey, out var dep))
                {
                    Reject(e, added.Select(a => a.Task), new ErrorInfo(typeof(GraphValidationException).FullName!,
                        $"task {task.Key} depends on {depKey}, which is not in the graph", null));
                    return;
                }
                task.Dependencies.Add(dep);
                dep.Dependents.Add(task);
            }
        }
        var clientWants = WantedBy(e.ClientId);
        foreach (var key in e.Wanted)
        {
            if (!_tasks.TryGetValue(key, out var task))
            {
                Reject(e, added.Select(a => a.Task), new ErrorInfo(typeof(GraphValidationException).FullName!, $"requested key {key} is not in the graph", null));
                return;
            }
            task.WantedBy.Add(e.ClientId);
            clientWants.Add(task);
        }
        foreach (var key in e.Wanted)
        {
            var task = _tasks[key];
            Need(task);
            if (task.Status == CenterTaskStatus.Memory)
                Emit(new KeyInMemoryInstruction(e.ClientId, key, Holders(task), task.NBytes, _stimulus));
            else if (task.Status == CenterTaskStatus.Erred)
                Emit(new KeyErredInstruction(e.ClientId, key, task.FailedKey, task.Error!, _stimulus));
        }
    }

    private void Reject(GraphSubmittedEvent e, IEnumerable<CenterTask> added, ErrorInfo error)
    {
        foreach (var task in added.ToList())
        {
            foreach (var dep in task.Dependencies)
                dep.Dependents.Remove(task);
            Remove(task);
        }
        foreach (var key in e.Wanted)
        {
            if (_tasks.TryGetValue(key, out var task))
            {
                task.WantedBy.Remove(e.ClientId);
                WantedBy(e.ClientId).Remove(task);
            }
            Emit(new KeyErredInstruction(e.ClientId, key, key, error, _stimulus));
        }
    }

    private void TaskFinished(TaskFinishedEvent e)
    {
        if (!_workers.TryGetValue(e.WorkerId, out var worker))
            return;
        worker.ReportedKeys = e.HeldKeys;
        TransferredBytes += e.FetchedBytes;
        PeakKeys = Math.Max(PeakKeys, _workers.Values.Sum(w => w.ReportedKeys));
        if (!_tasks.TryGetValue(e.Key, out var task) || task.Status is CenterTaskStatus.Released or CenterTaskStatus.Erred)
        {
            DeleteLater(worker, e.Key); // nobody needs it any more
            return;
        }
        if (task.WhoHas.Count == 0)
            task.NBytes = e.NBytes;
        AddHolder(task, worker);
        CompletedTasks++;
        if (task.Status != CenterTaskStatus.Memory)
        {
            // Normally it was processing there; a result from elsewhere (a cancelled or repeated run) counts too.
            Unschedule(task);
            SetStatus(task, CenterTaskStatus.Memory);
            foreach (var dependent in task.Dependents)
            {
                if (dependent.Status == CenterTaskStatus.Waiting && dependent.WaitingOn.Remove(task) && dependent.WaitingOn.Count == 0)
                    MakeReady(dependent);
            }
            foreach (int client in task.WantedBy)
                Emit(new KeyInMemoryInstruction(client, task.Key, Holders(task), task.NBytes, _stimulus));
        }
        CheckRelease(task);
    }

    private void TaskErred(TaskErredEvent e)
    {
        if (!_tasks.TryGetValue(e.Key, out var task) || task.ProcessingOn?.Id != e.WorkerId)
            return; // stale: the task was cancelled or moved
        Fail(task, e.Error);
    }

    private void Heartbeat(HeartbeatEvent e)
    {
        if (_workers.TryGetValue(e.WorkerId, out var worker))
        {
            worker.LastSeen = e.Now;
            worker.ReportedKeys = e.HeldKeys;
        }
    }

    private void Tick(TickEvent e)
    {
        foreach (var worker in _workers.Values.Where(w => e.Now - w.LastSeen > Options.HeartbeatTimeout).ToList())
        {
            string reason = $"no heartbeat for {(e.Now - worker.LastSeen).TotalSeconds:F0} s";
            Emit(new RemoveWorkerInstruction(worker.Id, reason, _stimulus));
            RemoveWorker(worker.Id, reason);
        }
    }

    private void AddHolder(CenterTask task, CenterWorker worker)
    {
        Touch(task);
        if (!task.WhoHas.Add(worker))
            return;
        worker.HasWhat.Add(task);
        HeldBytes += task.NBytes;
        PeakBytes = Math.Max(PeakBytes, HeldBytes);
    }

    private void RemoveHolder(CenterTask task, CenterWorker worker, bool fromWorkerToo = true)
    {
        Touch(task);
        if (!task.WhoHas.Remove(worker))
            return;
        if (fromWorkerToo)
            worker.HasWhat.Remove(task);
        HeldBytes -= task.NBytes;
    }

    private void Remove(CenterTask task)
    {
        _tasks.Remove(task.Key);
        if (--_sessionTasks[task.Session] == 0)
            _sessionTasks.Remove(task.Session);
    }

    private void Touch(CenterTask task)
    {
        if (Options.Validate)
            _touched.Add(task);
    }

    private HashSet<CenterTask> WantedBy(int client)
    {
        if (!_wantedByClient.TryGetValue(client, out var wanted))
            _wantedByClient[client] = wanted = [];
        return wanted;
    }

    private static List<string> Holders(CenterTask task) => [.. task.WhoHas.OrderBy(w => w.Id).Select(w => w.Address)];

    private void Emit(SchedulerInstruction instruction) => _out.Add(instruction);

    private void DeleteLater(CenterWorker worker, TaskKey key)
    {
        if (!_deletes.TryGetValue(worker.Id, out var keys))
            _deletes[worker.Id] = keys = [];
        keys.Add(key);
    }

    /// <summary>Orders by priority, then submission order.</summary>
    private sealed class ByPriority : IComparer<CenterTask>
    {
        public static readonly ByPriority Instance = new();

        public int Compare(CenterTask? x, CenterTask? y)
        {
            int byPriority = x!.Priority.CompareTo(y!.Priority);
            return byPriority != 0 ? byPriority : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
