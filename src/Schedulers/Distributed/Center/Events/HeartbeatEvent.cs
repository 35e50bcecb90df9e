namespace LazyDist.Distributed.Center;

/// <summary>A worker is alive, and holds this much.</summary>
/// <param name="WorkerId">The worker.</param>
/// <param name="HeldBytes">Bytes of values it holds (results and fetched copies).</param>
/// <param name="HeldKeys">Keys it holds (results and fetched copies).</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record HeartbeatEvent(int WorkerId, long HeldBytes, int HeldKeys, string StimulusId) : SchedulerEvent(StimulusId);
