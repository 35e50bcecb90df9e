using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client: a worker needs this assembly the client offered; send its bytes (<see cref="CodeMessage"/>).</summary>
/// <param name="Hash">SHA-256 of the assembly.</param>
[MessagePackObject]
internal sealed record FetchCodeMessage(
    [property: Key(0)] string Hash) : WireMessage;
