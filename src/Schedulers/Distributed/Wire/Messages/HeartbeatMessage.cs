using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: still alive, and what it holds.</summary>
/// <param name="HeldBytes">Bytes of data held.</param>
/// <param name="HeldKeys">Keys held.</param>
[MessagePackObject]
internal sealed record HeartbeatMessage(
    [property: Key(0)] long HeldBytes,
    [property: Key(1)] int HeldKeys) : WireMessage;
