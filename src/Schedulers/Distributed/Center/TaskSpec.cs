using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A submitted task as the center sees it: dependencies, priority, and the node as opaque bytes.</summary>
/// <param name="Key">The task's key, as submitted.</param>
/// <param name="Dependencies">The keys it reads.</param>
/// <param name="Node">The serialized node, forwarded to workers untouched.</param>
/// <param name="Priority">Lower runs first.</param>
/// <param name="Retries">How many times the task is run again when its own code throws, before the error is final.</param>
internal sealed record TaskSpec(TaskKey Key, ValueList<TaskKey> Dependencies, NodeBytes Node, long Priority, int Retries = 0);
