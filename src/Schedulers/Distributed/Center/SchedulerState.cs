using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>
/// The center's brain, as a state machine with no I/O (dask.distributed's <c>SchedulerState</c>):
/// <see cref="Handle"/> takes one event and returns the instructions it causes. No sockets or
/// threads inside; time comes from the <see cref="TimeProvider"/> it is given. The host feeds it one
/// event at a time.
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
/// Every status change goes through <c>Transition</c> and its (from, to) table, and is logged with
/// the event's stimulus id: <see cref="Story"/> tells a key's history.
/// </remarks>
internal sealed partial class SchedulerState
{
    private readonly Dictionary<TaskKey, CenterTask> _tasks = [];
    private readonly Dictionary<int, CenterWorker> _workers = [];
    private readonly Dictionary<int, HashSet<CenterTask>> _wantedByClient = [];
    private readonly Dictionary<int, int> _sessionTasks = [];
    private readonly Dictionary<int, PartialSubmission> _submitting = [];
    private readonly Dictionary<string, TaskPrefix> _prefixes = new(StringComparer.Ordinal);
    private readonly SortedSet<CenterTask> _queuedRoots = new(ByPriority.Instance);
    private readonly SortedSet<CenterTask> _noWorker = new(ByPriority.Instance);
    private readonly List<SchedulerInstruction> _out = [];
    private readonly HashSet<CenterTask> _touched = [];
    private readonly Dictionary<int, List<TaskKey>> _deletes = [];
    private Stack<(CenterTask Task, bool Expanded)>? _needing = new(); // reused (a fan-in's walk is as deep as its inputs), empty between uses
    private Stack<CenterTask>? _forgetting = new();
    private readonly TransitionLog<CenterTaskStatus> _log;
    private readonly TimeProvider _time;
    private string _stimulus = "";
    private DateTimeOffset _now;
    private long _sequence;
    private long _generation;
    private int _reportedKeys;

    public SchedulerState(SchedulerOptions options, TimeProvider? time = null)
    {
        Options = options;
        _time = time ?? TimeProvider.System;
        _log = new TransitionLog<CenterTaskStatus>(options.TransitionLogLength);
    }

    /// <summary>The options in force.</summary>
    public SchedulerOptions Options { get; }

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

    /// <summary>Counters per key group (dask's task prefixes), for a status page or progress reports.</summary>
    public IReadOnlyDictionary<string, TaskPrefix> Prefixes => _prefixes;

    /// <summary>The moves of <paramref name="key"/> still in the transition log, oldest first.</summary>
    public IReadOnlyList<TransitionRecord<CenterTaskStatus>> Story(TaskKey key) => _log.Story(key);

    /// <summary>Tasks the center knows whose node came from <paramref name="session"/>: while any remain, workers may need its code.</summary>
    public int TasksOf(int session) => _sessionTasks.GetValueOrDefault(session);

    /// <summary>Starts a new peak-keys measurement.</summary>
    public void ResetPeak()
    {
        // A worker's last report may be a heartbeat old: start from what the center knows it holds.
        foreach (var worker in _workers.Values)
            Reported(worker, worker.HasWhat.Count);
        PeakKeys = _reportedKeys;
        PeakBytes = HeldBytes;
    }

    /// <summary>Applies one event and returns what the host must do.</summary>
    /// <exception cref="ArgumentException">An event this machine does not know.</exception>
    /// <exception cref="ImpossibleTransitionException">A bug: a move the table does not allow, or (in validate mode) a broken invariant.</exception>
    public IReadOnlyList<SchedulerInstruction> Handle(SchedulerEvent stimulus) => [.. HandleInPlace(stimulus)];

    /// <summary>
    /// <see cref="Handle"/> without the copy: the list returned is this machine's own, valid until the
    /// next event (the host carries the instructions out at once; a copy per event showed in its allocations).
    /// </summary>
    /// <inheritdoc cref="Handle" path="/exception"/>
    public List<SchedulerInstruction> HandleInPlace(SchedulerEvent stimulus)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        _out.Clear();
        _deletes.Clear();
        _stimulus = stimulus.StimulusId;
        _now = _time.GetUtcNow();
        switch (stimulus)
        {
            case WorkerJoinedEvent e: WorkerJoined(e); break;
            case WorkerLeftEvent e: RemoveWorker(e.WorkerId, e.Reason); break;
            case WorkerRestartedEvent e: WorkerRestarted(e); break;
            case GraphSubmittedEvent e: GraphSubmitted(e); break;
            case TaskFinishedEvent e: TaskFinished(e); break;
            case TaskErredEvent e: TaskErred(e); break;
            case FetchFailedEvent e: FetchFailed(e); break;
            case KeysReleasedEvent e: Release(e.ClientId, e.Keys); break;
            case ClientLeftEvent e: ClientLeft(e.ClientId); break;
            case MissingReportedEvent e: MissingReported(e); break;
            case HeartbeatEvent e: Heartbeat(e); break;
            case TickEvent: Tick(); break;
            case WorkerPausedEvent e: WorkerPaused(e); break;
            case BalanceEvent: Balance(); break;
            case StealResponseEvent e: StealResponse(e); break;
            default: throw new ArgumentException($"the scheduler has no handler for {stimulus.GetType().Name}", nameof(stimulus));
        }
        Admit();
        TrackUnrunnable();
        foreach (var (worker, keys) in _deletes)
            _out.Add(new DeleteKeysInstruction(worker, keys, _stimulus));
        if (Options.Validate)
            CheckTouched();
        return _out;
    }

    private void Heartbeat(HeartbeatEvent e)
    {
        if (_workers.TryGetValue(e.WorkerId, out var worker))
        {
            worker.LastSeen = _now;
            Reported(worker, e.HeldKeys);
            worker.ReportedBytes = e.HeldBytes;
            worker.SpilledBytes = e.SpilledBytes;
        }
    }

    private void Tick()
    {
        foreach (var worker in _workers.Values.Where(w => _now - w.LastSeen > Options.HeartbeatTimeout).ToList())
        {
            string reason = $"no heartbeat for {(_now - worker.LastSeen).TotalSeconds:F0} s";
            Emit(new RemoveWorkerInstruction(worker.Id, reason, _stimulus));
            RemoveWorker(worker.Id, reason);
        }
        FailUnrunnable();
    }

    /// <summary>A worker's own count of the keys it holds, kept in the running total of all workers'.</summary>
    private void Reported(CenterWorker worker, int keys)
    {
        _reportedKeys += keys - worker.ReportedKeys;
        worker.ReportedKeys = keys;
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

    private TaskPrefix PrefixOf(TaskKey key)
    {
        string name = KeyPrefix.Of(key);
        if (!_prefixes.TryGetValue(name, out var prefix))
            _prefixes[name] = prefix = new TaskPrefix(name);
        return prefix;
    }

    private static CenterWorker AnyHolder(CenterTask task)
    {
        foreach (var worker in task.WhoHas)
            return worker;
        throw new InvalidOperationException($"{task} has no holder");
    }

    private static ValueList<string> Holders(CenterTask task)
    {
        if (task.WhoHas.Count == 1)
        {
            foreach (var only in task.WhoHas)
                return new[] { only.Address };
        }
        return task.WhoHas.ToArray().OrderBy(w => w.Id).Select(w => w.Address).ToArray();
    }

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
