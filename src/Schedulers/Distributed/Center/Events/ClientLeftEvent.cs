using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A client's connection closed: everything it wanted is released.</summary>
/// <param name="ClientId">The clientId.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record ClientLeftEvent(int ClientId, string StimulusId = "") : SchedulerEvent(StimulusId);
