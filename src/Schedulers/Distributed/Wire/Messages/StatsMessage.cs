using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client: cluster counters.</summary>
/// <param name="TransferredBytes">Bytes fetched worker to worker since the center started.</param>
/// <param name="PeakKeys">The most keys held by all workers at once since the last reset.</param>
/// <param name="Workers">Workers connected.</param>
/// <param name="Threads">Their executor threads in all.</param>
/// <param name="PeakBytes">The most bytes of results held by all workers at once since the last reset.</param>
/// <param name="HeldBytes">Bytes of results held by all workers now.</param>
/// <param name="HeldKeys">Results held by all workers now (a key held twice counts twice).</param>
/// <param name="SpilledBytes">Bytes the workers wrote to disk to free memory, in all (as of their last heartbeats).</param>
[MessagePackObject]
internal sealed record StatsMessage(
    [property: Key(0)] long TransferredBytes,
    [property: Key(1)] int PeakKeys,
    [property: Key(2)] int Workers,
    [property: Key(3)] int Threads,
    [property: Key(4)] long PeakBytes,
    [property: Key(5)] long HeldBytes,
    [property: Key(6)] int HeldKeys,
    [property: Key(7)] long SpilledBytes = 0) : WireMessage;
