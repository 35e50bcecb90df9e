using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: answer (with a <see cref="WorkersJoinedMessage"/>) once at least this many workers are connected.</summary>
/// <param name="RequestId">The client's number for the request, echoed in the answer.</param>
/// <param name="Count">Workers wanted.</param>
[MessagePackObject]
internal sealed record WaitForWorkersMessage(
    [property: Key(0)] long RequestId,
    [property: Key(1)] int Count) : WireMessage;
