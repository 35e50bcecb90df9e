using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Close a worker's connection (it missed its heartbeats).</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Reason">The reason.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record RemoveWorkerInstruction(int WorkerId, string Reason, string StimulusId) : SchedulerInstruction(StimulusId);
