using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>The center's record of one task: metadata only, never its value. Only <see cref="SchedulerState"/>'s transitions change <see cref="Status"/>.</summary>
internal sealed class CenterTask(TaskKey key, NodeBytes node, long priority, long sequence, int session, TaskPrefix prefix)
{
    public TaskKey Key { get; } = key;
    public NodeBytes Node { get; } = node;
    public long Priority { get; } = priority;

    /// <summary>The client session that submitted it first: whose user code its node may call.</summary>
    public int Session { get; } = session;

    /// <summary>Submission order, to break priority ties deterministically.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>The counters of its key group.</summary>
    public TaskPrefix Prefix { get; } = prefix;

    private SmallSet<CenterTask> _dependents;
    private SmallSet<CenterTask> _waitingOn;
    private SmallSet<int> _wantedBy;
    private SmallSet<CenterWorker> _whoHas;

    public CenterTaskStatus Status { get; set; }

    /// <summary>The tasks it reads, in the order of its node's references.</summary>
    public CenterTask[] Dependencies { get; set; } = [];

    /// <summary>The tasks that read it.</summary>
    public ref SmallSet<CenterTask> Dependents => ref _dependents;

    /// <summary>Inputs not in memory, while <see cref="CenterTaskStatus.Waiting"/>.</summary>
    public ref SmallSet<CenterTask> WaitingOn => ref _waitingOn;

    /// <summary>Dependents that are waiting, queued or processing: while positive, a result in memory is needed.</summary>
    public int PendingDependents { get; set; }

    /// <summary>The clients that hold it.</summary>
    public ref SmallSet<int> WantedBy => ref _wantedBy;

    public CenterWorker? ProcessingOn { get; set; }

    /// <summary>The workers that hold its result.</summary>
    public ref SmallSet<CenterWorker> WhoHas => ref _whoHas;

    public long NBytes { get; set; }

    /// <summary>What few tasks need (a failure, workers lost running it), made on first use: a million tasks do without it.</summary>
    private Troubles? _troubles;

    /// <summary>Names of the workers that died while running this task (made on the first).</summary>
    public List<string>? KilledWorkers
    {
        get => _troubles?.KilledWorkers;
        set => (_troubles ??= new()).KilledWorkers = value;
    }

    /// <summary>Its worker answered a steal request that it keeps it (it runs there already): it is not asked again while there.</summary>
    public bool KeptByWorker { get; set; }

    /// <summary>How many more times the task is run again when its own code throws.</summary>
    public int RetriesLeft { get; set; }

    public ErrorInfo? Error
    {
        get => _troubles?.Error;
        set
        {
            if (value is not null || _troubles is not null)
                (_troubles ??= new()).Error = value;
        }
    }

    public TaskKey FailedKey
    {
        get => _troubles?.FailedKey ?? default;
        set
        {
            if (!value.IsEmpty || _troubles is not null)
                (_troubles ??= new()).FailedKey = value;
        }
    }

    public bool IsPending => Status is CenterTaskStatus.Waiting or CenterTaskStatus.Queued or CenterTaskStatus.NoWorker or CenterTaskStatus.Processing;

    public bool IsNeeded => PendingDependents > 0 || WantedBy.Count > 0;

    public override string ToString() => $"{Key} ({Status})";

    private sealed class Troubles
    {
        public List<string>? KilledWorkers { get; set; }
        public ErrorInfo? Error { get; set; }
        public TaskKey FailedKey { get; set; }
    }
}
