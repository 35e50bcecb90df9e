namespace LazyDist.Distributed.Center;

/// <summary>An input of <see cref="SchedulerState"/>: something that happened, with the id that traces its effects.</summary>
/// <param name="StimulusId">Copied onto every instruction the event causes.</param>
internal abstract record SchedulerEvent(string StimulusId);
