using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client: the answer to a <see cref="GetPerformanceMessage"/>, from what the center keeps for its dashboard.</summary>
/// <param name="NowUtcTicks">When it was answered, by the center's clock.</param>
/// <param name="RunsRecorded">Task runs the center heard of since it started, in all (so a reader can tell how many fell out of the ring).</param>
/// <param name="RunsKept">How many runs the center's ring keeps.</param>
/// <param name="Runs">The kept runs that stopped at or after the time asked, oldest first.</param>
/// <param name="Memory">The kept memory measurements of worker processes taken at or after the time asked, oldest first.</param>
/// <param name="Workers">The workers connected now.</param>
/// <param name="TransferredBytes">Bytes workers fetched from each other, in all.</param>
[MessagePackObject]
internal sealed record PerformanceMessage(
    [property: Key(0)] long NowUtcTicks,
    [property: Key(1)] long RunsRecorded,
    [property: Key(2)] int RunsKept,
    [property: Key(3)] PerformanceRun[] Runs,
    [property: Key(4)] MemoryPoint[] Memory,
    [property: Key(5)] PerformanceWorker[] Workers,
    [property: Key(6)] long TransferredBytes) : WireMessage;
