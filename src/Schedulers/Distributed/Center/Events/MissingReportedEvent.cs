using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A client found that a worker said to hold a key does not.</summary>
/// <param name="ClientId">The clientId.</param>
/// <param name="Key">The key.</param>
/// <param name="Holder">The holder.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record MissingReportedEvent(int ClientId, TaskKey Key, string Holder, string StimulusId = "") : SchedulerEvent(StimulusId);
