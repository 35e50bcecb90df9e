using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Remove values from the store.</summary>
/// <param name="Keys">The keys.</param>
internal sealed record DropInstruction(IReadOnlyList<TaskKey> Keys) : WorkerInstruction;
