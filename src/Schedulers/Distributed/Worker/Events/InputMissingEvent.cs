using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>
/// A task could not start because an input the machine said was here was not in the store:
/// never the task's own failure. The task goes back to the center, which refetches or recomputes.
/// </summary>
/// <param name="Key">The task that could not start.</param>
/// <param name="Dependency">The input that was not there.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record InputMissingEvent(TaskKey Key, TaskKey Dependency, string StimulusId) : WorkerEvent(StimulusId);
