namespace LazyDist.Distributed.Center;

/// <summary>Time for a work-stealing pass (the host's timer, every <see cref="SchedulerOptions.StealInterval"/>): queued tasks of saturated workers may move to idle ones.</summary>
/// <param name="StimulusId">Traces the event's effects; the steal requests it sends carry it, and so do their answers.</param>
internal sealed record BalanceEvent(string StimulusId) : SchedulerEvent(StimulusId);
