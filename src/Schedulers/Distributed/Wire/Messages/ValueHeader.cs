using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>How one value is encoded in its payload frame (see <see cref="ValueCodec"/>).</summary>
/// <param name="Kind">Which of ValueCodec's encodings the payload uses.</param>
/// <param name="Missing">The key was not held; no payload follows for it.</param>
[MessagePackObject]
internal sealed record ValueHeader([property: Key(0)] ValueKind Kind, [property: Key(1)] bool Missing);
