using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client: a wanted key is in memory on these workers.</summary>
/// <param name="Key">The key now in memory.</param>
/// <param name="Holders">Data addresses of the workers that hold it.</param>
/// <param name="NBytes">Its size in bytes.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record KeyInMemoryMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] string[] Holders,
    [property: Key(2)] long NBytes,
    [property: Key(3)] string StimulusId = "") : WireMessage;
