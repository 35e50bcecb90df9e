namespace LazyDist.Distributed.Center;

/// <summary>A worker's connection closed: what it ran goes back to waiting, what it held is lost.</summary>
/// <param name="WorkerId">The worker whose connection closed.</param>
/// <param name="Reason">Why, for logs and for the error of a task that keeps killing workers.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record WorkerLeftEvent(int WorkerId, string Reason, string StimulusId) : SchedulerEvent(StimulusId);
