using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>An input fetched from a peer is now stored here.</summary>
/// <param name="Key">The key.</param>
/// <param name="NBytes">The nBytes.</param>
internal sealed record FetchDoneEvent(TaskKey Key, long NBytes) : WorkerEvent;
