using LazyDist.Distributed.Center;

namespace LazyDist.Distributed.Worker;

/// <summary>Tell the center a task threw.</summary>
/// <param name="Run">The task, and when and where it ran.</param>
/// <param name="Error">The exception, as text.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ReportErredInstruction(TaskRun Run, ErrorInfo Error, string StimulusId) : WorkerInstruction(StimulusId);
