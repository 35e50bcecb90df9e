using LazyDist.Distributed.States;
using static LazyDist.Distributed.Center.CenterTaskStatus;

namespace LazyDist.Distributed.Center;

/// <summary>The transition table: the only place a task's status changes (dask's <c>_TRANSITIONS_TABLE</c>).</summary>
internal sealed partial class SchedulerState
{
    /// <summary>The bookkeeping of one legal move; <c>worker</c> is the worker a task goes to processing on.</summary>
    private delegate void Move(SchedulerState state, CenterTask task, CenterWorker? worker);

    private static readonly Move Nothing = static (_, _, _) => { };
    private static readonly Move StopWaiting = static (_, task, _) => task.WaitingOn.Clear();
    private static readonly Move LeaveQueue = static (state, task, _) => state._queuedRoots.Remove(task);
    private static readonly Move LeaveNoWorker = static (state, task, _) => state._noWorker.Remove(task);
    private static readonly Move StopProcessing = static (state, task, _) =>
    {
        state._steals.Remove(task); // a steal of it in flight is over: its answer no longer matches
        task.ProcessingOn!.Processing.Remove(task);
        task.ProcessingOn = null;
    };

    /// <summary>Every legal (from, to) move and what it does besides changing the status; anything else is impossible.</summary>
    private static readonly Dictionary<(CenterTaskStatus From, CenterTaskStatus To), Move> Table = new()
    {
        [(Released, Waiting)] = static (_, task, _) => StartWaiting(task),
        [(Released, Erred)] = Nothing,
        [(Released, Forgotten)] = static (state, task, _) => state.Remove(task),

        [(Waiting, Queued)] = static (state, task, _) => { task.WaitingOn.Clear(); state._queuedRoots.Add(task); },
        [(Waiting, NoWorker)] = static (state, task, _) => { task.WaitingOn.Clear(); state._noWorker.Add(task); },
        [(Waiting, Processing)] = static (state, task, worker) => { task.WaitingOn.Clear(); state.StartProcessing(task, worker!); },
        [(Waiting, Memory)] = StopWaiting, // a result from a run the center had given up on still counts
        [(Waiting, Released)] = StopWaiting,
        [(Waiting, Erred)] = StopWaiting,

        [(Queued, Processing)] = static (state, task, worker) => { state._queuedRoots.Remove(task); state.StartProcessing(task, worker!); },
        [(Queued, Memory)] = LeaveQueue,
        [(Queued, Released)] = LeaveQueue,
        [(Queued, Erred)] = LeaveQueue,

        [(NoWorker, Processing)] = static (state, task, worker) => { state._noWorker.Remove(task); state.StartProcessing(task, worker!); },
        [(NoWorker, Waiting)] = static (state, task, _) => { state._noWorker.Remove(task); StartWaiting(task); },
        [(NoWorker, Memory)] = LeaveNoWorker,
        [(NoWorker, Released)] = LeaveNoWorker,
        [(NoWorker, Erred)] = LeaveNoWorker,

        [(Processing, Memory)] = StopProcessing,
        [(Processing, Erred)] = StopProcessing,
        [(Processing, Released)] = StopProcessing,
        [(Processing, Processing)] = static (state, task, worker) => { StopProcessing(state, task, worker); state.StartProcessing(task, worker!); }, // stolen
        [(Processing, Waiting)] = static (state, task, worker) => { StopProcessing(state, task, worker); StartWaiting(task); },

        [(Memory, Released)] = Nothing, // its holders are let go first
        [(Erred, Released)] = static (_, task, _) => task.Error = null,
    };

    /// <summary>The table as an array indexed by (from, to), for the hot path.</summary>
    private static readonly Move?[,] Moves = ToArray(Table);

    /// <summary>The legal moves, for documentation and tests.</summary>
    public static IReadOnlyCollection<(CenterTaskStatus From, CenterTaskStatus To)> LegalMoves => Table.Keys;

    private static Move?[,] ToArray(Dictionary<(CenterTaskStatus From, CenterTaskStatus To), Move> table)
    {
        int n = Enum.GetValues<CenterTaskStatus>().Length;
        var moves = new Move?[n, n];
        foreach (var ((from, to), move) in table)
            moves[(int)from, (int)to] = move;
        return moves;
    }

    /// <summary>
    /// Moves a task to <paramref name="to"/> through the table, keeps its inputs' pending-dependent
    /// counts and its prefix's counters right, and logs the move with the current stimulus.
    /// </summary>
    /// <exception cref="ImpossibleTransitionException">The table has no such move.</exception>
    private void Transition(CenterTask task, CenterTaskStatus to, CenterWorker? worker = null)
    {
        var from = task.Status;
        if (Moves[(int)from, (int)to] is not { } move)
            throw new ImpossibleTransitionException("scheduler", task.Key, from.ToString(), to.ToString(), _stimulus, _log.Tell(task.Key));
        Touch(task);
        bool wasPending = task.IsPending;
        move(this, task, worker);
        task.Status = to;
        task.Prefix.Moved(from, to);
        _log.Add(new TransitionRecord<CenterTaskStatus>(task.Key, from, to, _stimulus, _now));
        bool isPending = task.IsPending;
        if (wasPending == isPending)
            return;
        foreach (var dep in task.Dependencies)
        {
            dep.PendingDependents += isPending ? 1 : -1;
            if (!isPending)
                CheckRelease(dep);
        }
    }

    private static void StartWaiting(CenterTask task)
    {
        task.WaitingOn.Clear();
        foreach (var dep in task.Dependencies)
        {
            if (dep.Status != Memory)
                task.WaitingOn.Add(dep);
        }
    }

    private void StartProcessing(CenterTask task, CenterWorker worker)
    {
        task.ProcessingOn = worker;
        task.KeptByWorker = false;
        worker.Processing.Add(task);
        var deps = task.Dependencies.Length == 0 ? [] : new DependencyLocation[task.Dependencies.Length];
        for (int i = 0; i < deps.Length; i++)
        {
            var dep = task.Dependencies[i];
            deps[i] = new DependencyLocation(dep.Key, Holders(dep), dep.NBytes);
        }
        Emit(new ComputeTaskInstruction(worker.Id, task.Key, task.Node, task.Priority, deps, task.Session, _stimulus));
    }

    private void Remove(CenterTask task)
    {
        _tasks.Remove(task.Key);
        if (--_sessionTasks[task.Session] == 0)
            _sessionTasks.Remove(task.Session);
    }
}
