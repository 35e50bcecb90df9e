namespace LazyDist.Distributed.Center;

/// <summary>A worker ran a task and holds its result.</summary>
/// <param name="WorkerId">The worker that ran it and holds the result.</param>
/// <param name="Run">The task, its result's size and when and where it ran.</param>
/// <param name="FetchedBytes">Bytes the worker fetched from peers since its last report.</param>
/// <param name="HeldKeys">Keys the worker holds now (results and fetched copies).</param>
/// <param name="StimulusId">The worker's id for the finish (<c>task-finished-NAME-N</c>).</param>
internal sealed record TaskFinishedEvent(int WorkerId, TaskRun Run, long FetchedBytes, int HeldKeys, string StimulusId) : SchedulerEvent(StimulusId);
