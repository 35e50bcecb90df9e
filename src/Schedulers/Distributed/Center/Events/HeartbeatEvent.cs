namespace LazyDist.Distributed.Center;

/// <summary>A worker is alive, and holds this much.</summary>
/// <param name="WorkerId">The worker that sent the heartbeat.</param>
/// <param name="HeldBytes">Bytes of values it holds (results and fetched copies).</param>
/// <param name="HeldKeys">Keys it holds (results and fetched copies).</param>
/// <param name="StimulusId">Traces the event's effects.</param>
/// <param name="SpilledBytes">Bytes it wrote to disk to free memory, in all.</param>
internal sealed record HeartbeatEvent(int WorkerId, long HeldBytes, int HeldKeys, string StimulusId, long SpilledBytes = 0) : SchedulerEvent(StimulusId);
