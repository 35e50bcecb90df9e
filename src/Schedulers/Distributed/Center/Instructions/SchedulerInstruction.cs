namespace LazyDist.Distributed.Center;

/// <summary>An output of <see cref="SchedulerState"/>: something the center host must send or do.</summary>
/// <param name="StimulusId">The event that caused it.</param>
internal abstract record SchedulerInstruction(string StimulusId);
