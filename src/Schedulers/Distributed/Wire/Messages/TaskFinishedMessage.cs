using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: a task's result is in the worker's memory.</summary>
/// <param name="Key">The task.</param>
/// <param name="NBytes">The result's size in bytes.</param>
/// <param name="FetchedBytes">Bytes the worker fetched from peers for this task.</param>
/// <param name="HeldKeys">How many keys the worker holds now.</param>
[MessagePackObject]
internal sealed record TaskFinishedMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] long NBytes,
    [property: Key(2)] long FetchedBytes,
    [property: Key(3)] int HeldKeys) : WireMessage;
