using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a worker to forget a task (an input was lost; it will be sent again).</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Key">The key.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record CancelTaskInstruction(int WorkerId, TaskKey Key, string StimulusId) : SchedulerInstruction(StimulusId);
