namespace LazyDist.Distributed.Center;

/// <summary>A worker that just joined replaces an earlier process of the same name, restarted by its nanny.</summary>
/// <param name="WorkerId">The new process's connection.</param>
/// <param name="Reason">Why the nanny restarted it.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record WorkerRestartedEvent(int WorkerId, string Reason, string StimulusId) : SchedulerEvent(StimulusId);
