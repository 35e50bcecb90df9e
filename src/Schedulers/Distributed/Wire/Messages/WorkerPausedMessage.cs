using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: it paused for memory (runs no new tasks, still serves its data), or resumed.</summary>
/// <param name="Paused">Paused (true) or running again (false).</param>
/// <param name="ProcessBytes">The memory it measured.</param>
/// <param name="Limit">Its memory limit.</param>
[MessagePackObject]
internal sealed record WorkerPausedMessage(
    [property: Key(0)] bool Paused,
    [property: Key(1)] long ProcessBytes,
    [property: Key(2)] long Limit) : WireMessage;
