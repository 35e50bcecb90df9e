using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>A worker could not fetch an input of a task from the peer said to hold it; it dropped the task.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Task">The task.</param>
/// <param name="Dependency">The dependency.</param>
/// <param name="Holder">The holder.</param>
/// <param name="StimulusId">Traces the instructions this event causes back to it.</param>
internal sealed record FetchFailedEvent(int WorkerId, TaskKey Task, TaskKey Dependency, string Holder, string StimulusId = "") : SchedulerEvent(StimulusId);
