using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>A task threw.</summary>
/// <param name="Key">The key.</param>
/// <param name="Error">The error.</param>
internal sealed record ExecuteFailedEvent(TaskKey Key, ErrorInfo Error) : WorkerEvent;
