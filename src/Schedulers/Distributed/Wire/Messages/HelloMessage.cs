using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>The first message on every connection: who is calling, with what protocol and token.</summary>
/// <param name="ProtocolVersion">The sender's protocol version.</param>
/// <param name="Token">The shared secret; empty when none is configured.</param>
/// <param name="Role">What the sender is.</param>
/// <param name="Name">The sender's name, for logs.</param>
/// <param name="DataAddress">A worker's data endpoint (host:port) that peers and clients fetch from.</param>
/// <param name="Threads">A worker's executor threads.</param>
[MessagePackObject]
internal sealed record HelloMessage(
    [property: Key(0)] int ProtocolVersion,
    [property: Key(1)] string Token,
    [property: Key(2)] PeerRole Role,
    [property: Key(3)] string Name,
    [property: Key(4)] string? DataAddress,
    [property: Key(5)] int Threads) : WireMessage;
