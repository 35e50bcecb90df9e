using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A client found that a worker said to hold a key does not.</summary>
/// <param name="ClientId">The client that found the key missing.</param>
/// <param name="Key">The key it wanted.</param>
/// <param name="Holder">The data address that did not have it.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record MissingReportedEvent(int ClientId, TaskKey Key, string Holder, string StimulusId) : SchedulerEvent(StimulusId);
