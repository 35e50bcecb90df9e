using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: the records a performance report draws, from <paramref name="SinceUtcTicks"/> on (answered by <see cref="PerformanceMessage"/>, in order).</summary>
/// <param name="SinceUtcTicks">The earliest time of interest, by the center's clock: runs that stopped and memory measured at or after it.</param>
[MessagePackObject]
internal sealed record GetPerformanceMessage(
    [property: Key(0)] long SinceUtcTicks) : WireMessage;
