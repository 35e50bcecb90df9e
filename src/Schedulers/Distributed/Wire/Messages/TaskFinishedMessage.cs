using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: a task's result is in the worker's memory.</summary>
/// <param name="Key">The task that finished.</param>
/// <param name="NBytes">The result's size in bytes.</param>
/// <param name="FetchedBytes">Bytes the worker fetched from peers for this task.</param>
/// <param name="HeldKeys">How many keys the worker holds now.</param>
/// <param name="Thread">The executor thread it ran on.</param>
/// <param name="StartedTicks">When it started: UTC ticks by the worker's clock.</param>
/// <param name="StoppedTicks">When it stopped: UTC ticks by the worker's clock.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record TaskFinishedMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] long NBytes,
    [property: Key(2)] long FetchedBytes,
    [property: Key(3)] int HeldKeys,
    [property: Key(4)] int Thread,
    [property: Key(5)] long StartedTicks,
    [property: Key(6)] long StoppedTicks,
    [property: Key(7)] string StimulusId = "") : WireMessage;
