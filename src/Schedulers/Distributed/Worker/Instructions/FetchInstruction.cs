using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Fetch an input from a peer's data port and store it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Holder">The holder.</param>
internal sealed record FetchInstruction(TaskKey Key, string Holder) : WorkerInstruction;
