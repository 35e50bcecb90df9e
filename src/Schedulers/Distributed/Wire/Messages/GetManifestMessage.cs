using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: which user assemblies does this client session have (answered by <see cref="ManifestMessage"/>)?</summary>
/// <param name="Session">The client session.</param>
[MessagePackObject]
internal sealed record GetManifestMessage(
    [property: Key(0)] int Session) : WireMessage;
