namespace LazyDist.Distributed.Center;

/// <summary>A worker paused for memory (it runs no new tasks but still serves its data), or resumed.</summary>
/// <param name="WorkerId">The worker that paused or resumed.</param>
/// <param name="Paused">Paused (true) or running again (false).</param>
/// <param name="ProcessBytes">The memory it measured.</param>
/// <param name="Limit">Its memory limit.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record WorkerPausedEvent(int WorkerId, bool Paused, long ProcessBytes, long Limit, string StimulusId) : SchedulerEvent(StimulusId);
