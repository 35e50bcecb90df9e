using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A task's own code threw and it runs again: log it (the caller sees the error only once no retry is left).</summary>
/// <param name="Key">The task that threw and runs again.</param>
/// <param name="Worker">The worker it failed on.</param>
/// <param name="Error">What it threw.</param>
/// <param name="RetriesLeft">How many more times it may run again.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record TaskRetriedInstruction(TaskKey Key, string Worker, ErrorInfo Error, int RetriesLeft, string StimulusId) : SchedulerInstruction(StimulusId);
