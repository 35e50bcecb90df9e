using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>One measurement of a worker process's memory in a <see cref="PerformanceMessage"/>.</summary>
/// <param name="UtcTicks">When the center received it, by the center's clock.</param>
/// <param name="Worker">The worker's name.</param>
/// <param name="ProcessBytes">Its process's resident memory.</param>
[MessagePackObject]
internal sealed record MemoryPoint(
    [property: Key(0)] long UtcTicks,
    [property: Key(1)] string Worker,
    [property: Key(2)] long ProcessBytes);
