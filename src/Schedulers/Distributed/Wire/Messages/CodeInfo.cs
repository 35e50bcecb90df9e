using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>A user assembly by content: simple name, SHA-256 (64 lower-case hex digits) and size.</summary>
/// <param name="Name">The simple name.</param>
/// <param name="Hash">SHA-256 of the bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Root">Whether a submitted operation names it (sent at once); the others, assemblies those
/// reference, are sent only when a worker asks for them.</param>
[MessagePackObject]
internal sealed record CodeInfo(
    [property: Key(0)] string Name,
    [property: Key(1)] string Hash,
    [property: Key(2)] long Size,
    [property: Key(3)] bool Root = true);
