using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The center takes a task back (an input was lost, or nobody wants it any more).</summary>
/// <param name="Key">The task to forget.</param>
/// <param name="StimulusId">The center's id for the event that took it back.</param>
internal sealed record CancelTaskEvent(TaskKey Key, string StimulusId) : WorkerEvent(StimulusId);
