using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>One task run in a <see cref="PerformanceMessage"/>.</summary>
/// <param name="Key">The task's key, as text.</param>
/// <param name="Prefix">Its key group.</param>
/// <param name="Worker">The worker's name.</param>
/// <param name="Thread">The executor thread, from 0.</param>
/// <param name="StartedUtcTicks">When it started, by the worker's clock.</param>
/// <param name="StoppedUtcTicks">When it stopped, by the worker's clock.</param>
/// <param name="NBytes">Its result's size (0 when it failed).</param>
/// <param name="FetchedBytes">Bytes of inputs the worker fetched from peers for it.</param>
/// <param name="Failed">Whether it threw.</param>
[MessagePackObject]
internal sealed record PerformanceRun(
    [property: Key(0)] string Key,
    [property: Key(1)] string Prefix,
    [property: Key(2)] string Worker,
    [property: Key(3)] int Thread,
    [property: Key(4)] long StartedUtcTicks,
    [property: Key(5)] long StoppedUtcTicks,
    [property: Key(6)] long NBytes,
    [property: Key(7)] long FetchedBytes,
    [property: Key(8)] bool Failed);
