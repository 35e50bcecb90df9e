namespace LazyDist.Distributed;

/// <summary>A key a client waits for, shared by the computations that want it.</summary>
internal sealed class PendingKey
{
    public TaskCompletionSource<object?> Value { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Users { get; set; }

    /// <summary>Whether a gather from workers is under way, so a repeated notice does not start another.</summary>
    public bool Gathering { get; set; }
}
