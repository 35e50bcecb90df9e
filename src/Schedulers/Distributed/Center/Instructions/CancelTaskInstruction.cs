using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a worker to forget a task it was sent (an input was lost, or nobody wants it): not started, it never runs.</summary>
/// <param name="WorkerId">The worker the task was sent to.</param>
/// <param name="Key">The task to forget.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record CancelTaskInstruction(int WorkerId, TaskKey Key, string StimulusId) : SchedulerInstruction(StimulusId);
