using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: a client session's user assemblies, by name and hash (empty when the session has ended).</summary>
/// <param name="Session">The client session.</param>
/// <param name="Assemblies">Its assemblies.</param>
[MessagePackObject]
internal sealed record ManifestMessage(
    [property: Key(0)] int Session,
    [property: Key(1)] CodeInfo[] Assemblies) : WireMessage;
