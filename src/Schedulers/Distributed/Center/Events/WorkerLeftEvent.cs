using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A worker's connection closed.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Reason">The reason.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record WorkerLeftEvent(int WorkerId, string Reason, string StimulusId = "") : SchedulerEvent(StimulusId);
