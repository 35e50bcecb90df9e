using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>
/// A worker could not have an input of a task: no holder it was told of had it, or one input
/// was missing when the task was about to run. It dropped the task; the input is the cluster's
/// problem (fetched from another holder or recomputed), never the user's.
/// </summary>
/// <param name="WorkerId">The worker that dropped the task.</param>
/// <param name="Task">The task it dropped.</param>
/// <param name="Dependency">The input it could not have.</param>
/// <param name="Holders">The data addresses that did not have it (empty when it was told of none).</param>
/// <param name="StimulusId">The worker's id for the failure.</param>
internal sealed record FetchFailedEvent(int WorkerId, TaskKey Task, TaskKey Dependency, States.ValueList<string> Holders, string StimulusId) : SchedulerEvent(StimulusId);
