using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: send cluster counters.</summary>
/// <param name="ResetPeak">Start a new peak-keys measurement after answering.</param>
[MessagePackObject]
internal sealed record GetStatsMessage(
    [property: Key(0)] bool ResetPeak) : WireMessage;
