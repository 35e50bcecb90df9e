using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The center says these keys are no longer needed.</summary>
/// <param name="Keys">The keys.</param>
internal sealed record DeleteKeysEvent(IReadOnlyList<TaskKey> Keys) : WorkerEvent;
