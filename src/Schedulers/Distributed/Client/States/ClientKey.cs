using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>The client's record of one key it holds; only <see cref="ClientState"/>'s transitions change <see cref="Status"/>.</summary>
internal sealed class ClientKey(TaskKey key, long incarnation)
{
    public TaskKey Key { get; } = key;

    /// <summary>Which record of this key it is: a key released and submitted again gets a new one.</summary>
    public long Incarnation { get; } = incarnation;

    public ClientKeyStatus Status { get; set; }

    /// <summary>Computations and handles here that hold the key; at zero the center is told.</summary>
    public int Users { get; set; }

    /// <summary>The workers that held it at the center's last report; empty while none is known.</summary>
    public ValueList<string> Holders { get; set; }

    /// <summary>The value's size, as the center reported it.</summary>
    public long NBytes { get; set; }

    /// <summary>Why it failed, when erred, cancelled or lost.</summary>
    public ClientError? Error { get; set; }

    /// <summary>Someone here waits for the value and it has not been delivered yet.</summary>
    public bool Awaited { get; set; }

    /// <summary>The holder it is being fetched from (queued or in flight), or null.</summary>
    public string? GatheringFrom { get; set; }

    /// <summary>Holders that did not have it since the center's last report.</summary>
    public HashSet<string> Tried { get; } = new(StringComparer.Ordinal);

    public override string ToString() => $"{Key} ({Status}, {Users} users)";
}
