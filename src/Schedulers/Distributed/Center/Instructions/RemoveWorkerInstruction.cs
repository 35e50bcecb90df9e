namespace LazyDist.Distributed.Center;

/// <summary>Close a worker's connection: it missed its heartbeats, and the center has already given its work to others.</summary>
/// <param name="WorkerId">The worker to disconnect.</param>
/// <param name="Reason">Why, for the log.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record RemoveWorkerInstruction(int WorkerId, string Reason, string StimulusId) : SchedulerInstruction(StimulusId);
