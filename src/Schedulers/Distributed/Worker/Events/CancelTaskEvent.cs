using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The center takes a task back (an input was lost).</summary>
/// <param name="Key">The key.</param>
internal sealed record CancelTaskEvent(TaskKey Key) : WorkerEvent;
