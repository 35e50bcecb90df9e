using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Tell the center a task was dropped because an input could not be had here.</summary>
/// <param name="Task">The task that was dropped.</param>
/// <param name="Dependency">The input that could not be had.</param>
/// <param name="Holders">The data addresses that did not have it.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ReportFetchFailedInstruction(TaskKey Task, TaskKey Dependency, ValueList<string> Holders, string StimulusId) : WorkerInstruction(StimulusId);
