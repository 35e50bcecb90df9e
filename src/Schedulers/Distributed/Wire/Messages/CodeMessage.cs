using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>
/// An assembly's bytes, in one payload: client to center after <see cref="NeedCodeMessage"/>, and
/// center to worker after <see cref="GetCodeMessage"/> (then without payload when not found).
/// </summary>
/// <param name="Hash">SHA-256 of the bytes; the receiver checks it.</param>
/// <param name="Found">Whether the payload follows.</param>
[MessagePackObject]
internal sealed record CodeMessage(
    [property: Key(0)] string Hash,
    [property: Key(1)] bool Found) : WireMessage;
