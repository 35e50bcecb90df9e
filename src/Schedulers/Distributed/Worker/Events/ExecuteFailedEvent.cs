using LazyDist.Distributed.Center;

namespace LazyDist.Distributed.Worker;

/// <summary>A task threw: its own failure, reported to the center as the task's error.</summary>
/// <param name="Run">The task, and when and where it ran.</param>
/// <param name="Error">The exception, as text.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record ExecuteFailedEvent(TaskRun Run, ErrorInfo Error, string StimulusId) : WorkerEvent(StimulusId);
