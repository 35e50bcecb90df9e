using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: still alive, and what it holds.</summary>
/// <param name="HeldBytes">Bytes of data held.</param>
/// <param name="HeldKeys">Keys held.</param>
/// <param name="SpilledBytes">Bytes it wrote to disk to free memory, in all.</param>
[MessagePackObject]
internal sealed record HeartbeatMessage(
    [property: Key(0)] long HeldBytes,
    [property: Key(1)] int HeldKeys,
    [property: Key(2)] long SpilledBytes = 0) : WireMessage;
