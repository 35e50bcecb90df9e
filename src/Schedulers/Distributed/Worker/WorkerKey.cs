using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>A worker's record of one key; only <see cref="WorkerState"/>'s transitions change <see cref="Status"/>.</summary>
internal sealed class WorkerKey(TaskKey key)
{
    public TaskKey Key { get; } = key;

    public WorkerKeyStatus Status { get; set; }

    /// <summary>The task's node, when the center asked this worker to compute the key (or to hold it).</summary>
    public NodeBytes? Node { get; set; }

    public long Priority { get; set; }
    public long Sequence { get; set; }
    public int Session { get; set; }

    /// <summary>Where the center said the task's inputs are.</summary>
    public ValueList<DependencyLocation> Inputs { get; set; }

    // The collections below are made when first added to: a tiny task has no inputs, no local readers and no holders,
    // and five empty collections per key were most of what a task's record allocated. Until then each reads as a shared
    // empty one, which is never changed: add, remove and clear through the methods.
    private static readonly List<WorkerKey> NoKeys = [];
    private static readonly HashSet<WorkerKey> NoKeySet = [];
    private static readonly Queue<string> NoHolderQueue = new();
    private static readonly List<string> NoHolders = [];
    private List<WorkerKey>? _dependencies;
    private HashSet<WorkerKey>? _dependents;
    private HashSet<WorkerKey>? _waitingOn;
    private Queue<string>? _holders;
    private List<string>? _tried;

    /// <summary>The task's inputs, while it is waiting, ready or executing (add with <see cref="AddDependency"/>).</summary>
    public List<WorkerKey> Dependencies => _dependencies ?? NoKeys;

    /// <summary>Local tasks (waiting, ready or executing) that read this key: while any, its value stays (add with <see cref="AddDependent"/>).</summary>
    public HashSet<WorkerKey> Dependents => _dependents ?? NoKeySet;

    /// <summary>Inputs not in memory yet, while waiting (add with <see cref="AddWaitingOn"/>).</summary>
    public HashSet<WorkerKey> WaitingOn => _waitingOn ?? NoKeySet;

    /// <summary>Peers still to try, while in flight (add with <see cref="AddHolder"/>).</summary>
    public Queue<string> Holders => _holders ?? NoHolderQueue;

    /// <summary>Peers that did not have it, while in flight (add with <see cref="AddTried"/>).</summary>
    public List<string> Tried => _tried ?? NoHolders;

    /// <summary>Nothing was put in the shared empty collections (checked in validate mode: a direct add would show in every key).</summary>
    public static bool SharedEmptiesAreEmpty => NoKeys.Count == 0 && NoKeySet.Count == 0 && NoHolderQueue.Count == 0 && NoHolders.Count == 0;

    public void AddDependency(WorkerKey input) => (_dependencies ??= []).Add(input);

    public void AddDependent(WorkerKey task) => (_dependents ??= []).Add(task);

    public void AddWaitingOn(WorkerKey input) => (_waitingOn ??= []).Add(input);

    public void AddHolder(string holder) => (_holders ??= new()).Enqueue(holder);

    public void AddTried(string holder) => (_tried ??= []).Add(holder);

    // Removals and clears go through these too: the shared empty collections are never changed at all (a List's Clear
    // counts as a change even when empty, and another worker's thread in this process may be enumerating the same one).
    public void RemoveDependent(WorkerKey task) => _dependents?.Remove(task);

    public bool StopWaitingOn(WorkerKey input) => _waitingOn?.Remove(input) == true;

    public void ClearInputs()
    {
        _dependencies?.Clear();
        _waitingOn?.Clear();
    }

    public void ClearPeers()
    {
        _tried?.Clear();
        _holders?.Clear();
    }

    /// <summary>The center knows this worker holds the value (it was reported finished): kept until the center deletes it.</summary>
    public bool Reported { get; set; }

    /// <summary>The center asked for this key while it was being fetched: report it once it is here.</summary>
    public bool Requested { get; set; }

    public long NBytes { get; set; }

    /// <summary>When the key was last stored or read here (a sequence number): the least recently used spill first.</summary>
    public long LastUsed { get; set; }

    /// <summary>Its value could not be written to disk: it is not chosen to spill again.</summary>
    public bool Unspillable { get; set; }

    /// <summary>Whether its value is here, in memory or spilled.</summary>
    public bool IsHeld => Status is WorkerKeyStatus.Memory or WorkerKeyStatus.Spilled;

    /// <summary>Whether a local task still reads it.</summary>
    public bool IsUsed => Dependents.Count > 0;

    public override string ToString() => $"{Key} ({Status})";
}
