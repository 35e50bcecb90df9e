using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A client no longer wants these keys.</summary>
/// <param name="ClientId">The client letting the keys go.</param>
/// <param name="Keys">Keys it wanted; others are ignored.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record KeysReleasedEvent(int ClientId, ValueList<TaskKey> Keys, string StimulusId) : SchedulerEvent(StimulusId);
