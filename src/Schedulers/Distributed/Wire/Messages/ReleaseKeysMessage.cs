using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: the client no longer needs these keys.</summary>
/// <param name="Keys">The keys to let go.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record ReleaseKeysMessage(
    [property: Key(0)] WireKey[] Keys,
    [property: Key(1)] string StimulusId = "") : WireMessage;
