using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: the user assemblies this session's operations need; the center answers <see cref="NeedCodeMessage"/>.</summary>
/// <param name="Assemblies">The assemblies, by name and hash.</param>
[MessagePackObject]
internal sealed record OfferCodeMessage(
    [property: Key(0)] CodeInfo[] Assemblies) : WireMessage;
