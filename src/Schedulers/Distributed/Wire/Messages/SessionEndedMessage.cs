using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to workers: a client left; unload its code once its tasks are done with it.</summary>
/// <param name="Session">The client session.</param>
[MessagePackObject]
internal sealed record SessionEndedMessage(
    [property: Key(0)] int Session) : WireMessage;
