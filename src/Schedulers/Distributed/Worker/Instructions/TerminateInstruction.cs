namespace LazyDist.Distributed.Worker;

/// <summary>The worker's memory passed the terminate threshold: log the line a nanny acts on (it restarts the worker).</summary>
/// <param name="ProcessBytes">The memory measured.</param>
/// <param name="Threshold">The terminate threshold in bytes.</param>
/// <param name="Limit">The memory limit.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record TerminateInstruction(long ProcessBytes, long Threshold, long Limit, string StimulusId) : WorkerInstruction(StimulusId);
