using LazyDist.Graph;

namespace LazyDist.Distributed;

/// <summary>
/// A key this client wants the cluster to keep, shared by everything here that wants it: running
/// computations, futures, remote proxies (<see cref="Users"/> counts them). The center keeps the
/// key while this count is positive. Its value is fetched only when someone asks for it, from the
/// holders the center last reported; nothing is cached here, so the data stays on the workers.
/// All fields are guarded by the client's lock, except the completion sources.
/// </summary>
internal sealed class PendingKey(TaskKey key)
{
    public TaskKey Key { get; } = key;

    /// <summary>Computations and handles that want the key; at zero the center is told.</summary>
    public int Users { get; set; }

    /// <summary>Where the key stands, as a future shows it.</summary>
    public FutureStatus Status { get; set; } = FutureStatus.Pending;

    /// <summary>Why it failed, when <see cref="Status"/> is <see cref="FutureStatus.Error"/>.</summary>
    public Exception? Error { get; set; }

    /// <summary>The workers that held it at the center's last report; empty while none is known.</summary>
    public IReadOnlyList<string> Holders { get; set; } = [];

    /// <summary>Counts the center's reports of holders, so a gather that failed can tell whether newer ones came meanwhile.</summary>
    public int HoldersVersion { get; set; }

    /// <summary>The value's size on its holder, as the center reported it.</summary>
    public long NBytes { get; set; }

    /// <summary>Completes (never faults) once the key is in memory, failed, was cancelled, or the center was lost.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The value asked for and not yet fetched, shared by everyone asking meanwhile; null when nobody asks.</summary>
    public TaskCompletionSource<object?>? Requested { get; set; }

    /// <summary>Whether a fetch from the holders is under way, so a repeated report does not start another.</summary>
    public bool Gathering { get; set; }

    public override string ToString() => $"{Key} ({Status}, {Users} users)";
}
