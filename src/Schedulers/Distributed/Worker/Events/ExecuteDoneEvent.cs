using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>A task ran and its result is stored here.</summary>
/// <param name="Key">The key.</param>
/// <param name="NBytes">The nBytes.</param>
internal sealed record ExecuteDoneEvent(TaskKey Key, long NBytes) : WorkerEvent;
