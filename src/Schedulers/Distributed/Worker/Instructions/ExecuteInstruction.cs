using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Run a task on an executor thread; its inputs are stored here.</summary>
/// <param name="Key">The key.</param>
/// <param name="Node">The node.</param>
/// <param name="Session">The client session whose user code the task may call.</param>
internal sealed record ExecuteInstruction(TaskKey Key, byte[] Node, int Session = 0) : WorkerInstruction;
