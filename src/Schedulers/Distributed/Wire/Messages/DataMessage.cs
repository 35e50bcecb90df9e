using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>A worker's answer to <see cref="GetDataMessage"/>: one value header per key, payloads follow in order.</summary>
/// <param name="Keys">The keys, in request order.</param>
/// <param name="Values">How each value is encoded; a missing key has <see cref="ValueHeader.Missing"/> set and no payload.</param>
[MessagePackObject]
internal sealed record DataMessage(
    [property: Key(0)] WireKey[] Keys,
    [property: Key(1)] ValueHeader[] Values) : WireMessage;
