using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to worker: drop these keys from memory now.</summary>
/// <param name="Keys">The keys to drop.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record DeleteKeysMessage(
    [property: Key(0)] WireKey[] Keys,
    [property: Key(1)] string StimulusId = "") : WireMessage;
