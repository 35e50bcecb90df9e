using LazyDist.Distributed.Center;

namespace LazyDist.Distributed.Worker;

/// <summary>A task ran and returned a value (the host keeps it until the machine says to store it).</summary>
/// <param name="Run">The task, its result's size, and when and where it ran.</param>
/// <param name="StimulusId">Traces the event's effects (<c>task-finished-NAME-N</c>).</param>
internal sealed record ExecuteDoneEvent(TaskRun Run, string StimulusId) : WorkerEvent(StimulusId);
