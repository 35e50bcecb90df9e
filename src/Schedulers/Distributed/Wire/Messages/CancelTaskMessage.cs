using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: forget a task that has not started (its inputs were lost).</summary>
/// <param name="Key">The task to forget.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record CancelTaskMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] string StimulusId = "") : WireMessage;
