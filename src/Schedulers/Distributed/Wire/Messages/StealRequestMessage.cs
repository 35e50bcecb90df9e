using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: give up this task if it has not started (work stealing); answer with a <see cref="StealResponseMessage"/> either way.</summary>
/// <param name="Key">The task asked back.</param>
/// <param name="StimulusId">The balance pass that asked, echoed in the answer.</param>
[MessagePackObject]
internal sealed record StealRequestMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] string StimulusId = "") : WireMessage;
