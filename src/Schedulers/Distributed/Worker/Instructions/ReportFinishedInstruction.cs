using LazyDist.Distributed.Center;

namespace LazyDist.Distributed.Worker;

/// <summary>Tell the center a result is stored here.</summary>
/// <param name="Run">The task, its size, and when and where it ran (thread -1 for a result held already).</param>
/// <param name="FetchedBytes">Bytes fetched from peers since the last report.</param>
/// <param name="HeldKeys">Keys stored here now.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ReportFinishedInstruction(TaskRun Run, long FetchedBytes, int HeldKeys, string StimulusId) : WorkerInstruction(StimulusId);
