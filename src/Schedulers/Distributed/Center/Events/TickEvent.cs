namespace LazyDist.Distributed.Center;

/// <summary>Time passed: workers silent for longer than the heartbeat timeout are removed.</summary>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record TickEvent(string StimulusId) : SchedulerEvent(StimulusId);
