using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The center sent a task; its inputs are on the listed workers.</summary>
/// <param name="Key">The key.</param>
/// <param name="Node">The node.</param>
/// <param name="Priority">The priority.</param>
/// <param name="Dependencies">The dependencies.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
internal sealed record ComputeTaskEvent(TaskKey Key, byte[] Node, long Priority, IReadOnlyList<DependencyLocation> Dependencies, int Session = 0) : WorkerEvent;
