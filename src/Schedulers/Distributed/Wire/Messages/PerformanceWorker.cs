using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>One connected worker in a <see cref="PerformanceMessage"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Address">Its data endpoint.</param>
/// <param name="Threads">Executor threads.</param>
/// <param name="SentBytes">Payload bytes it served to peers and clients, in all (its last report).</param>
/// <param name="ReceivedBytes">Payload bytes it fetched from peers, in all (its last report).</param>
/// <param name="ProcessBytes">Its process's resident memory (its last report; 0 before the first).</param>
[MessagePackObject]
internal sealed record PerformanceWorker(
    [property: Key(0)] string Name,
    [property: Key(1)] string Address,
    [property: Key(2)] int Threads,
    [property: Key(3)] long SentBytes,
    [property: Key(4)] long ReceivedBytes,
    [property: Key(5)] long ProcessBytes);
