using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>The answer to a refused <see cref="HelloMessage"/>; the connection closes after it.</summary>
/// <param name="Reason">Why, in one sentence.</param>
[MessagePackObject]
internal sealed record RefusedMessage(
    [property: Key(0)] string Reason) : WireMessage;
