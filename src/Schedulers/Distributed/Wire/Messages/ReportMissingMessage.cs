using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: a worker said to hold a key did not have it.</summary>
/// <param name="Key">The key the worker did not have.</param>
/// <param name="Holder">The worker's data address.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record ReportMissingMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] string Holder,
    [property: Key(2)] string StimulusId = "") : WireMessage;
