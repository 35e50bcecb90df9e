using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: send the bytes of this assembly (answered by <see cref="CodeMessage"/>).</summary>
/// <param name="Hash">SHA-256 of the assembly.</param>
[MessagePackObject]
internal sealed record GetCodeMessage(
    [property: Key(0)] string Hash) : WireMessage;
