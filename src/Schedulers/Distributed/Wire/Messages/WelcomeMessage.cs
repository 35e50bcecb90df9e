using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>The answer to an accepted <see cref="HelloMessage"/>.</summary>
/// <param name="AssignedId">The id the center gave the connection.</param>
/// <param name="Name">The center's or worker's name.</param>
[MessagePackObject]
internal sealed record WelcomeMessage(
    [property: Key(0)] int AssignedId,
    [property: Key(1)] string Name) : WireMessage;
