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

    /// <summary>The task's inputs, while it is waiting, ready or executing.</summary>
    public List<WorkerKey> Dependencies { get; } = [];

    /// <summary>Local tasks (waiting, ready or executing) that read this key: while any, its value stays.</summary>
    public HashSet<WorkerKey> Dependents { get; } = [];

    /// <summary>Inputs not in memory yet, while waiting.</summary>
    public HashSet<WorkerKey> WaitingOn { get; } = [];

    /// <summary>Peers still to try, while in flight.</summary>
    public Queue<string> Holders { get; } = new();

    /// <summary>Peers that did not have it, while in flight.</summary>
    public List<string> Tried { get; } = [];

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
