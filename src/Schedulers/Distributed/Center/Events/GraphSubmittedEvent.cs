using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A client submitted tasks and the keys it wants.</summary>
/// <param name="ClientId">The clientId.</param>
/// <param name="Tasks">The tasks.</param>
/// <param name="Wanted">The wanted.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record GraphSubmittedEvent(int ClientId, IReadOnlyList<TaskSpec> Tasks, IReadOnlyList<TaskKey> Wanted, string StimulusId = "") : SchedulerEvent(StimulusId);
