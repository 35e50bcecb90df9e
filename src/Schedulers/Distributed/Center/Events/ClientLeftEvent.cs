namespace LazyDist.Distributed.Center;

/// <summary>A client's connection closed: everything it wanted is released.</summary>
/// <param name="ClientId">The client whose connection closed.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record ClientLeftEvent(int ClientId, string StimulusId) : SchedulerEvent(StimulusId);
