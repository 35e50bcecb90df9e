namespace LazyDist.Distributed.Worker;

/// <summary>The worker paused (its memory passed the pause threshold): say so once and tell the center, which sends it no new work.</summary>
/// <param name="ProcessBytes">The memory measured.</param>
/// <param name="Threshold">The pause threshold in bytes.</param>
/// <param name="Limit">The memory limit.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record PauseInstruction(long ProcessBytes, long Threshold, long Limit, string StimulusId) : WorkerInstruction(StimulusId);
