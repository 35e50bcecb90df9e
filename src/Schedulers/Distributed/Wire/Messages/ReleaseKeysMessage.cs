using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: the client no longer needs these keys.</summary>
/// <param name="Keys">The keys.</param>
[MessagePackObject]
internal sealed record ReleaseKeysMessage(
    [property: Key(0)] WireKey[] Keys) : WireMessage;
