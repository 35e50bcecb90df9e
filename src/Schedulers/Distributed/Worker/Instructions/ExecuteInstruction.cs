using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Run a task on an executor thread; its inputs are stored here.</summary>
/// <param name="Key">The task to run.</param>
/// <param name="Node">The serialized node: the head the connection's window keeps (shared by the tasks of one operation) and the task's arguments.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ExecuteInstruction(TaskKey Key, NodeBytes Node, int Session, string StimulusId) : WorkerInstruction(StimulusId);
