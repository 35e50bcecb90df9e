namespace LazyDist.Distributed.Center;

/// <summary>An input of <see cref="SchedulerState"/>: something that happened, with the id that traces its effects.</summary>
/// <param name="StimulusId">Logged with every move the event causes and copied onto every instruction it causes.</param>
internal abstract record SchedulerEvent(string StimulusId);
