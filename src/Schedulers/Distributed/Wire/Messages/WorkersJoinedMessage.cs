using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client: the workers a <see cref="WaitForWorkersMessage"/> asked for are connected.</summary>
/// <param name="RequestId">The request answered.</param>
/// <param name="Workers">Workers connected now.</param>
[MessagePackObject]
internal sealed record WorkersJoinedMessage(
    [property: Key(0)] long RequestId,
    [property: Key(1)] int Workers) : WireMessage;
