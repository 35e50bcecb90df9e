using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A worker is alive.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="HeldBytes">The heldBytes.</param>
/// <param name="HeldKeys">The heldKeys.</param>
/// <param name="Now">The now.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record HeartbeatEvent(int WorkerId, long HeldBytes, int HeldKeys, DateTimeOffset Now, string StimulusId = "") : SchedulerEvent(StimulusId);
