using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A task threw on a worker.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Key">The key.</param>
/// <param name="Error">The error.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record TaskErredEvent(int WorkerId, TaskKey Key, ErrorInfo Error, string StimulusId = "") : SchedulerEvent(StimulusId);
