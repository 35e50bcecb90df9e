using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A client no longer wants these keys.</summary>
/// <param name="ClientId">The clientId.</param>
/// <param name="Keys">The keys.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record KeysReleasedEvent(int ClientId, IReadOnlyList<TaskKey> Keys, string StimulusId = "") : SchedulerEvent(StimulusId);
