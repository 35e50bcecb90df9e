using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client or peer to a worker's data port: send these keys' values.</summary>
/// <param name="Keys">The keys whose values are asked for.</param>
[MessagePackObject]
internal sealed record GetDataMessage(
    [property: Key(0)] WireKey[] Keys) : WireMessage;
