namespace LazyDist.Distributed.Worker;

/// <summary>The worker's memory fell below the pause threshold: it runs tasks again; tell the center.</summary>
/// <param name="ProcessBytes">The memory measured.</param>
/// <param name="Threshold">The pause threshold in bytes.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ResumeInstruction(long ProcessBytes, long Threshold, string StimulusId) : WorkerInstruction(StimulusId);
