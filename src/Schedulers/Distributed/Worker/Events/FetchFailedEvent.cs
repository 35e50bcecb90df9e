using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>An input could not be fetched from a peer.</summary>
/// <param name="Key">The key.</param>
/// <param name="Holder">The holder.</param>
internal sealed record FetchFailedEvent(TaskKey Key, string Holder) : WorkerEvent;
