using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Distributed.Wire;
using LazyDist.Graph;
using static LazyDist.Distributed.Worker.WorkerKeyStatus;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// A worker's brain as a state machine with no I/O (dask.distributed's <c>WorkerState</c>):
/// <see cref="Handle"/> takes an event and returns instructions for the host.
/// </summary>
/// <remarks>
/// One record per key (<see cref="WorkerKey"/>), whatever brought it here: a task from the center,
/// an input fetched from a peer, or both, so a value is stored at most once and is never dropped
/// while a local task or the center still counts on it. A task waits until its inputs are here;
/// inputs held by peers are fetched directly from them, each key once however many tasks need it,
/// the keys wanted from one peer in one request, trying the next holder when one fails. Ready
/// tasks run by priority on at most <c>threads</c> executors. A fetched copy is dropped when the
/// last local task that read it has run; a result stays until the center deletes it. An input that
/// cannot be had (no holder has it, or it vanished) gives its tasks back to the center, which
/// fetches it elsewhere or recomputes it: never the task's own failure.
/// </remarks>
internal sealed partial class WorkerState
{
    private readonly Dictionary<TaskKey, WorkerKey> _keys = [];
    private readonly SortedSet<WorkerKey> _ready = new(Comparer<WorkerKey>.Create(
        (a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Sequence.CompareTo(b.Sequence)));
    private readonly List<WorkerInstruction> _out = [];
    private readonly HeadWindow<long> _heads = new(); // the node heads this connection carried, as the center's window for it
    private readonly Dictionary<string, List<TaskKey>> _fetches = new(StringComparer.Ordinal);
    private readonly List<TaskKey> _drops = [];
    private readonly HashSet<WorkerKey> _touched = [];
    private readonly TransitionLog<WorkerKeyStatus> _log;
    private readonly TimeProvider _time;
    private string _stimulus = "";
    private DateTimeOffset _now;
    private long _sequence;
    private int _executing;
    private long _fetchedBytes;
    private int _heldKeys;
    private long _heldBytes;

    /// <param name="threads">Executor threads; at least one.</param>
    /// <param name="address">This worker's data address, named when it tells the center an input it was said to hold is not here.</param>
    /// <param name="validate">Check the invariants of every key an event touched after that event (tests).</param>
    /// <param name="time">The clock of the transition log and of report times.</param>
    /// <param name="logLength">How many moves the transition log keeps.</param>
    /// <param name="memory">The memory limit and its thresholds; null for none (no spilling, no pausing).</param>
    public WorkerState(int threads, string address = "", bool validate = false, TimeProvider? time = null, int logLength = 10_000, MemoryPolicy? memory = null)
    {
        MemoryLimits = memory;
        Threads = threads > 0 ? threads : throw new ArgumentOutOfRangeException(nameof(threads), threads, "a worker needs at least one thread");
        Address = address;
        Validate = validate;
        _time = time ?? TimeProvider.System;
        _log = new TransitionLog<WorkerKeyStatus>(logLength);
    }

    /// <summary>Executor threads.</summary>
    public int Threads { get; }

    /// <summary>This worker's data address.</summary>
    public string Address { get; }

    /// <summary>Whether invariants are checked after every event.</summary>
    public bool Validate { get; }

    /// <summary>Keys whose values are stored here: results and fetched copies.</summary>
    public int HeldKeys => _heldKeys;

    /// <summary>Bytes of values stored here.</summary>
    public long HeldBytes => _heldBytes;

    /// <summary>Tasks running now.</summary>
    public int RunningTasks => _executing;

    /// <summary>Whether a value is stored here.</summary>
    public bool Holds(TaskKey key) => _keys.TryGetValue(key, out var k) && k.IsHeld;

    /// <summary>Where a key is now (<see cref="Forgotten"/> when unknown).</summary>
    public WorkerKeyStatus StatusOf(TaskKey key) => _keys.TryGetValue(key, out var k) ? k.Status : Forgotten;

    /// <summary>The moves of <paramref name="key"/> still in the transition log, oldest first.</summary>
    public IReadOnlyList<TransitionRecord<WorkerKeyStatus>> Story(TaskKey key) => _log.Story(key);

    /// <summary>Applies one event and returns what the host must do.</summary>
    /// <exception cref="ArgumentException">An event this machine does not know.</exception>
    /// <exception cref="ImpossibleTransitionException">A bug: a move the table does not allow, or (in validate mode) a broken invariant.</exception>
    /// <exception cref="WireProtocolException">The center broke the protocol (a node head sent twice on one connection); nothing changed, and the host closes that connection.</exception>
    public IReadOnlyList<WorkerInstruction> Handle(WorkerEvent stimulus)
    {
        ArgumentNullException.ThrowIfNull(stimulus);
        _out.Clear();
        _stimulus = stimulus.StimulusId;
        _now = _time.GetUtcNow();
        switch (stimulus)
        {
            case ComputeTaskEvent e: Compute(e); break;
            case FetchDoneEvent e: FetchDone(e); break;
            case FetchFailedEvent e: FetchFailed(e); break;
            case ExecuteDoneEvent e: ExecuteDone(e); break;
            case ExecuteFailedEvent e: ExecuteFailed(e); break;
            case InputMissingEvent e: InputMissing(e); break;
            case DeleteKeysEvent e: Delete(e.Keys); break;
            case CancelTaskEvent e: Cancel(e.Key); break;
            case StealRequestEvent e: StealRequested(e.Key); break;
            case MemorySampledEvent e: MemorySampled(e.ProcessBytes); break;
            case KeysUnspilledEvent e: Unspilled(e.Keys); break;
            case SpillFailedEvent e: SpillFailed(e.Key); break;
            default: throw new ArgumentException($"the worker has no handler for {stimulus.GetType().Name}", nameof(stimulus));
        }
        StartReady();
        Flush();
        if (Validate)
            CheckTouched();
        return [.. _out];
    }

    private void Compute(ComputeTaskEvent e)
    {
        if (!TryNode(e, out var node))
            return;
        if (_keys.TryGetValue(e.Key, out var known))
        {
            switch (known.Status)
            {
                case Memory or Spilled:
                    known.Reported = true; // a copy fetched for a local task is now the center's result too
                    _out.Add(new ReportFinishedInstruction(new TaskRun(known.Key, known.NBytes, -1, _now, _now), TakeFetchedBytes(), _heldKeys, _stimulus));
                    break;
                case Flight:
                    Assign(known, e, node);
                    known.Requested = true; // report it when it arrives; compute it if no peer has it
                    break;
            }
            return; // waiting, ready or executing: sent twice, runs once
        }
        var task = new WorkerKey(e.Key);
        Assign(task, e, node);
        _keys[e.Key] = task;
        Start(task);
    }

    private void Assign(WorkerKey task, ComputeTaskEvent e, NodeBytes node)
    {
        task.Node = node;
        task.Priority = e.Priority;
        task.Sequence = _sequence++;
        task.Session = e.Session;
        task.Inputs = e.Dependencies;
    }

    /// <summary>
    /// The node a task names: whole, or its arguments after a head that came with it (kept in the
    /// head window for the tasks after it) or that the window keeps. A head the window does not keep
    /// means the two ends' windows disagree, a bug: the task fails, naming the head, and is not kept.
    /// </summary>
    private bool TryNode(ComputeTaskEvent e, out NodeBytes node)
    {
        node = e.Node;
        if (e.HeadId == 0)
            return true;
        byte[] head;
        if (e.Head.Count > 0)
        {
            head = e.Head.Items;
            if (_heads.TryGet(e.HeadId, out _, out _)) // before any change: the connection closes and a new one starts both windows empty
                throw new WireProtocolException($"the center sent node head {e.HeadId} a second time on one connection (with task {e.Key}): the two ends' head windows disagree");
            _heads.Add(e.HeadId, e.HeadId, head);
        }
        else if (!_heads.TryGet(e.HeadId, out _, out head))
        {
            var error = new ErrorInfo(typeof(InvalidOperationException).FullName!,
                $"task {e.Key} names node head {e.HeadId}, which this worker's connection to the center never carried or no longer keeps ({_heads.Count} heads kept)", null);
            _out.Add(new ReportErredInstruction(new TaskRun(e.Key, 0, -1, _now, _now), error, _stimulus));
            return false;
        }
        node = new NodeBytes(head, e.Node.Items);
        return true;
    }

    /// <summary>Links a task to its inputs (fetching those not here) and makes it waiting or ready.</summary>
    private void Start(WorkerKey task)
    {
        foreach (var input in task.Inputs.AsSpan())
        {
            if (input.Holders.Count == 0 && !_keys.ContainsKey(input.Key))
            {
                // The center named no holder and it is not here: the task cannot run here.
                _out.Add(new ReportFetchFailedInstruction(task.Key, input.Key, [], _stimulus));
                Transition(task, Forgotten);
                return;
            }
        }
        foreach (var input in task.Inputs.AsSpan())
        {
            if (!_keys.TryGetValue(input.Key, out var dep))
            {
                _keys[input.Key] = dep = new WorkerKey(input.Key) { NBytes = input.NBytes };
                foreach (var holder in input.Holders.AsSpan())
                    dep.AddHolder(holder);
                Transition(dep, Flight);
            }
            else if (dep.Status == Flight)
            {
                foreach (var holder in input.Holders.AsSpan())
                {
                    if (!dep.Holders.Contains(holder) && !dep.Tried.Contains(holder))
                        dep.AddHolder(holder);
                }
            }
            task.AddDependency(dep);
            dep.AddDependent(task);
            if (!dep.IsHeld)
                task.AddWaitingOn(dep);
        }
        Transition(task, task.WaitingOn.Count == 0 ? Ready : Waiting);
    }

    private void FetchDone(FetchDoneEvent e)
    {
        if (!_keys.TryGetValue(e.Key, out var dep) || dep.Status != Flight)
            return; // not awaited (any more): the host throws the value away
        _fetchedBytes += e.NBytes;
        if (!dep.IsUsed && !dep.Requested)
        {
            Transition(dep, Forgotten); // nobody here needs it any more
            return;
        }
        dep.NBytes = e.NBytes;
        _out.Add(new StoreInstruction(dep.Key, _stimulus));
        Transition(dep, Memory);
        if (dep.Requested)
        {
            dep.Requested = false;
            dep.Reported = true;
            _out.Add(new ReportFinishedInstruction(new TaskRun(dep.Key, dep.NBytes, -1, _now, _now), TakeFetchedBytes(), _heldKeys, _stimulus));
        }
        InputArrived(dep);
    }

    private void FetchFailed(FetchFailedEvent e)
    {
        if (!_keys.TryGetValue(e.Key, out var dep) || dep.Status != Flight)
            return;
        dep.AddTried(e.Holder);
        if (dep.Holders.Count > 0)
        {
            QueueFetch(dep);
            return;
        }
        if (dep.Requested)
        {
            // No peer has it, but the center asked this worker for it: compute it here.
            dep.Requested = false;
            Start(dep);
            return;
        }
        // No holder left: give the tasks that needed it back to the center, which refetches or recomputes it.
        foreach (var task in dep.Dependents.ToList())
        {
            _out.Add(new ReportFetchFailedInstruction(task.Key, dep.Key, [.. dep.Tried], _stimulus));
            Transition(task, Forgotten);
        }
        if (_keys.ContainsKey(dep.Key))
            Transition(dep, Forgotten);
    }

    private void ExecuteDone(ExecuteDoneEvent e)
    {
        if (!_keys.TryGetValue(e.Run.Key, out var task) || task.Status != Executing)
            return; // not running here (any more): the host throws the value away
        _executing--;
        task.NBytes = e.Run.NBytes;
        _out.Add(new StoreInstruction(task.Key, _stimulus));
        Transition(task, Memory);
        task.Reported = true;
        _out.Add(new ReportFinishedInstruction(e.Run, TakeFetchedBytes(), _heldKeys, _stimulus));
        InputArrived(task);
    }

    private void ExecuteFailed(ExecuteFailedEvent e)
    {
        if (!_keys.TryGetValue(e.Run.Key, out var task) || task.Status != Executing)
            return;
        _executing--;
        Transition(task, Forgotten);
        _out.Add(new ReportErredInstruction(e.Run, e.Error, _stimulus));
    }

    private void InputMissing(InputMissingEvent e)
    {
        if (!_keys.TryGetValue(e.Key, out var task) || task.Status != Executing)
            return;
        _executing--;
        _out.Add(new ReportFetchFailedInstruction(task.Key, e.Dependency, [Address], _stimulus));
        Transition(task, Forgotten);
        if (_keys.TryGetValue(e.Dependency, out var dep) && dep.IsHeld)
        {
            // The store disagrees with the records: believe the store, and let the center hear so.
            foreach (var other in dep.Dependents.ToList())
            {
                _out.Add(new ReportFetchFailedInstruction(other.Key, dep.Key, [Address], _stimulus));
                Transition(other, Forgotten);
            }
            Transition(dep, Forgotten);
        }
    }

    private void Delete(ValueList<TaskKey> keys)
    {
        foreach (var key in keys)
        {
            if (!_keys.TryGetValue(key, out var known))
                continue;
            if (known.IsHeld && known.Reported)
            {
                known.Reported = false;
                ReleaseIfUnused(known); // a local task still reading it keeps it until it has run
            }
            else if (known.Status == Flight)
            {
                known.Requested = false;
            }
        }
    }

    private void Cancel(TaskKey key)
    {
        if (!_keys.TryGetValue(key, out var task))
            return;
        switch (task.Status)
        {
            case Waiting or Ready:
                Transition(task, Forgotten);
                break;
            case Flight:
                task.Requested = false;
                break;
            // Executing: a running task cannot be stopped; its result is reported and the center decides.
        }
    }

    /// <summary>A key is in memory now: tasks here that waited for it may be ready.</summary>
    private void InputArrived(WorkerKey key)
    {
        foreach (var task in key.Dependents)
        {
            if (task.Status == Waiting && task.StopWaitingOn(key) && task.WaitingOn.Count == 0)
                Transition(task, Ready);
        }
    }

    /// <summary>A fetched copy nobody here reads and the center does not count on is dropped.</summary>
    private void ReleaseIfUnused(WorkerKey key)
    {
        if (key.IsHeld && !key.Reported && !key.IsUsed)
            Transition(key, Forgotten);
    }

    private void StartReady()
    {
        while (_executing < Threads && _ready.Count > 0 && !_paused)
        {
            var task = _ready.Min!;
            Transition(task, Executing);
            foreach (var dep in task.Dependencies)
                dep.LastUsed = _sequence++;
            _executing++;
            _out.Add(new ExecuteInstruction(task.Key, task.Node!.Value, task.Session, _stimulus));
        }
    }

    private void QueueFetch(WorkerKey key)
    {
        string holder = key.Holders.Dequeue();
        if (!_fetches.TryGetValue(holder, out var keys))
            _fetches[holder] = keys = [];
        keys.Add(key.Key);
    }

    /// <summary>Emits the drops and the fetches of this event, one fetch per peer.</summary>
    private void Flush()
    {
        if (_spills.Count > 0)
        {
            _out.Insert(FirstExecute(), new SpillInstruction([.. _spills], _stimulus));
            _spills.Clear();
        }
        if (_drops.Count > 0)
        {
            _out.Insert(FirstExecute(), new DropInstruction([.. _drops], _stimulus));
            _drops.Clear();
        }
        foreach (var (holder, keys) in _fetches)
            _out.Insert(FirstExecute(), new FetchInstruction(holder, [.. keys], _stimulus));
        _fetches.Clear();
    }

    private int FirstExecute()
    {
        int i = _out.Count;
        while (i > 0 && _out[i - 1] is ExecuteInstruction)
            i--;
        return i;
    }

    private long TakeFetchedBytes()
    {
        long bytes = _fetchedBytes;
        _fetchedBytes = 0;
        return bytes;
    }
}
