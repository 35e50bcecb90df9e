using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Time passed: workers silent for longer than the heartbeat timeout are removed.</summary>
/// <param name="Now">The now.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record TickEvent(DateTimeOffset Now, string StimulusId = "") : SchedulerEvent(StimulusId);
