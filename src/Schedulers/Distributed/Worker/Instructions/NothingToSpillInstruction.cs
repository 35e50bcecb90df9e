namespace LazyDist.Distributed.Worker;

/// <summary>
/// The worker is paused and has nothing left to spill: its memory is held by running tasks or
/// outside its results, so it may stay paused. Say so once per pause (rather than wait in silence,
/// dask's pause deadlock).
/// </summary>
/// <param name="ProcessBytes">The memory measured.</param>
/// <param name="Threshold">The pause threshold in bytes.</param>
/// <param name="SpilledBytes">Bytes of results already on disk.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record NothingToSpillInstruction(long ProcessBytes, long Threshold, long SpilledBytes, string StimulusId) : WorkerInstruction(StimulusId);
