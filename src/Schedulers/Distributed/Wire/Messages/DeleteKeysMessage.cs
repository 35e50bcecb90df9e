using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: drop these keys from memory now.</summary>
/// <param name="Keys">The keys.</param>
[MessagePackObject]
internal sealed record DeleteKeysMessage(
    [property: Key(0)] WireKey[] Keys) : WireMessage;
