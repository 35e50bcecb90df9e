using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>A value the machine chose to spill could not be written (its type has no wire form, or the disk refused): it stays in memory and is not chosen again.</summary>
/// <param name="Key">The key that stays in memory.</param>
/// <param name="StimulusId">Traces the event's effects (<c>spill-failed-NAME-N</c>).</param>
internal sealed record SpillFailedEvent(TaskKey Key, string StimulusId) : WorkerEvent(StimulusId);
