using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Client to center: how many results of each of these key groups have arrived, in all (answered by <see cref="ProgressMessage"/>, in order).</summary>
/// <param name="Prefixes">The key groups of a run the client follows.</param>
[MessagePackObject]
internal sealed record GetProgressMessage(
    [property: Key(0)] string[] Prefixes) : WireMessage;
