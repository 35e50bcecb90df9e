namespace LazyDist.Distributed.Center;

/// <summary>Every worker is paused for memory while tasks wait: say so once (until one resumes), rather than wait in silence.</summary>
/// <param name="Workers">The paused workers.</param>
/// <param name="WaitingTasks">Tasks ready to run that no worker may take now.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record AllWorkersPausedInstruction(int Workers, int WaitingTasks, string StimulusId) : SchedulerInstruction(StimulusId);
