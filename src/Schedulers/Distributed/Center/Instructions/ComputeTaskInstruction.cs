using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a worker to run a task; its inputs are on the listed workers.</summary>
/// <param name="WorkerId">The worker that runs it.</param>
/// <param name="Key">The task to run.</param>
/// <param name="Node">The serialized node, as the client sent it.</param>
/// <param name="Priority">Lower runs first.</param>
/// <param name="Dependencies">Where each input is.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ComputeTaskInstruction(int WorkerId, TaskKey Key, NodeBytes Node, long Priority, ValueList<DependencyLocation> Dependencies, int Session, string StimulusId)
    : SchedulerInstruction(StimulusId);
