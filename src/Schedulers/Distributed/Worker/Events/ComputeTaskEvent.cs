using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The center sent a task; its inputs are on the listed workers.</summary>
/// <param name="Key">The task to run.</param>
/// <param name="Node">The serialized node, or its arguments when <paramref name="HeadId"/> names its head.</param>
/// <param name="Priority">Lower runs first.</param>
/// <param name="Dependencies">Where each input is.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
/// <param name="StimulusId">The center's id for the event that sent it.</param>
/// <param name="HeadId">The node's head in the connection's head window, <paramref name="Node"/> holding only the arguments; 0 when the node is whole.</param>
/// <param name="Head">The head's bytes, the first time the connection carries them (empty when the window keeps them).</param>
internal sealed record ComputeTaskEvent(TaskKey Key, ValueList<byte> Node, long Priority, ValueList<DependencyLocation> Dependencies, int Session, string StimulusId,
    long HeadId = 0, ValueList<byte> Head = default)
    : WorkerEvent(StimulusId);
