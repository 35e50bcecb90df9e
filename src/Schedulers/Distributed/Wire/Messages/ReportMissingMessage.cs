using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: a worker said to hold a key did not have it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Holder">The worker's data address.</param>
[MessagePackObject]
internal sealed record ReportMissingMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] string Holder) : WireMessage;
