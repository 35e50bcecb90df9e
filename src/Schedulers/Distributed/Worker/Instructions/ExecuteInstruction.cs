using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Run a task on an executor thread; its inputs are stored here.</summary>
/// <param name="Key">The task.</param>
/// <param name="Node">The serialized node.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ExecuteInstruction(TaskKey Key, ValueList<byte> Node, int Session, string StimulusId) : WorkerInstruction(StimulusId);
