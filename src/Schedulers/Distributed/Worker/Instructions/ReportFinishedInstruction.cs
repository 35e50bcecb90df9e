using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Tell the center a result is stored here.</summary>
/// <param name="Key">The key.</param>
/// <param name="NBytes">The nBytes.</param>
/// <param name="FetchedBytes">The fetchedBytes.</param>
/// <param name="HeldKeys">The heldKeys.</param>
internal sealed record ReportFinishedInstruction(TaskKey Key, long NBytes, long FetchedBytes, int HeldKeys) : WorkerInstruction;
