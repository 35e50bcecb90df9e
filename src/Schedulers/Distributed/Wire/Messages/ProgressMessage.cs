using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client: the answer to a <see cref="GetProgressMessage"/>.</summary>
/// <param name="Finished">Per key group asked, results that arrived from workers, in all (0 for a group the center does not know).</param>
/// <param name="HeldBytes">Bytes of results held by all workers now.</param>
[MessagePackObject]
internal sealed record ProgressMessage(
    [property: Key(0)] long[] Finished,
    [property: Key(1)] long HeldBytes) : WireMessage;
