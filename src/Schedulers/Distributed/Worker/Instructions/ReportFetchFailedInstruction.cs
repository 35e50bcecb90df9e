using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Tell the center a task was dropped because an input could not be fetched.</summary>
/// <param name="Task">The task.</param>
/// <param name="Dependency">The dependency.</param>
/// <param name="Holder">The holder.</param>
internal sealed record ReportFetchFailedInstruction(TaskKey Task, TaskKey Dependency, string Holder) : WorkerInstruction;
