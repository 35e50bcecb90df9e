using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: forget a task that has not started (its inputs were lost).</summary>
/// <param name="Key">The task.</param>
[MessagePackObject]
internal sealed record CancelTaskMessage(
    [property: Key(0)] WireKey Key) : WireMessage;
