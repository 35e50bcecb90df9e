using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client, answering an offer: send the bytes of these (the ones the center lacks; maybe none).</summary>
/// <param name="Hashes">SHA-256 of each assembly wanted.</param>
[MessagePackObject]
internal sealed record NeedCodeMessage(
    [property: Key(0)] string[] Hashes) : WireMessage;
