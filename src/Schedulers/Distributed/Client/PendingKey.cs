using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// The host side of a key this client holds, shared by everything here that holds it (running
/// computations, futures, remote proxies): what handles show of it, mirrored from
/// <see cref="Client.ClientState"/>'s record (the one source of truth), and the completion
/// sources callers wait on. Nothing of its value is cached: the data stays on the workers.
/// Written under the client's lock; read anywhere.
/// </summary>
internal sealed class PendingKey(TaskKey key, long incarnation)
{
    public TaskKey Key { get; } = key;

    /// <summary>The state machine's record this handle mirrors.</summary>
    public long Incarnation { get; } = incarnation;

    /// <summary>Where the key stands, as a future shows it.</summary>
    public FutureStatus Status { get; set; } = FutureStatus.Pending;

    /// <summary>Why it failed, when <see cref="Status"/> is <see cref="FutureStatus.Error"/>.</summary>
    public Exception? Error { get; set; }

    /// <summary>The workers that held it at the center's last report; empty while none is known.</summary>
    public IReadOnlyList<string> Holders { get; set; } = [];

    /// <summary>Completes (never faults) once the key is in memory, failed, was cancelled, or the center was lost.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When this client saw it stop pending, as a sequence number (0 while pending): the order futures complete in.</summary>
    public long CompletedAt { get; set; }

    /// <summary>Called once, under the client's lock, when it stops pending (for <c>AsCompleted</c>, which must keep that order).</summary>
    public Action? WhenDone { get; set; }

    /// <summary>The value asked for and not yet fetched, shared by everyone asking meanwhile; null when nobody asks.</summary>
    public TaskCompletionSource<object?>? Requested { get; set; }

    public override string ToString() => $"{Key} ({Status})";
}
