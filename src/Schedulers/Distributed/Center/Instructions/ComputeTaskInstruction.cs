using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a worker to run a task; its inputs are on the listed workers.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Key">The key.</param>
/// <param name="Node">The node.</param>
/// <param name="Priority">The priority.</param>
/// <param name="Dependencies">The dependencies.</param>
/// <param name="StimulusId">The event that caused it.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
internal sealed record ComputeTaskInstruction(int WorkerId, TaskKey Key, byte[] Node, long Priority, IReadOnlyList<DependencyLocation> Dependencies, string StimulusId, int Session = 0) : SchedulerInstruction(StimulusId);
