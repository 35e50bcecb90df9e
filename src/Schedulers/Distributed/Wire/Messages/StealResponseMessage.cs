using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: the answer to a <see cref="StealRequestMessage"/>.</summary>
/// <param name="Key">The task the center asked back.</param>
/// <param name="Stolen">True when the worker dropped the task (it was only queued); false when it keeps it (running or done) or does not have it.</param>
/// <param name="StimulusId">The stimulus id of the request.</param>
[MessagePackObject]
internal sealed record StealResponseMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] bool Stolen,
    [property: Key(2)] string StimulusId = "") : WireMessage;
