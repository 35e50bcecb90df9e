namespace LazyDist.Distributed.Center;

/// <summary>A task threw on a worker.</summary>
/// <param name="WorkerId">The worker the task ran on.</param>
/// <param name="Run">The task and when and where it ran.</param>
/// <param name="Error">The exception, as text.</param>
/// <param name="StimulusId">The worker's id for the failure.</param>
internal sealed record TaskErredEvent(int WorkerId, TaskRun Run, ErrorInfo Error, string StimulusId) : SchedulerEvent(StimulusId);
