using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: an input of a task could not be fetched from the peer said to hold it.</summary>
/// <param name="Task">The task that needed the input.</param>
/// <param name="Dependency">The input.</param>
/// <param name="Holder">The peer's data address.</param>
[MessagePackObject]
internal sealed record FetchFailedMessage(
    [property: Key(0)] WireKey Task,
    [property: Key(1)] WireKey Dependency,
    [property: Key(2)] string Holder) : WireMessage;
