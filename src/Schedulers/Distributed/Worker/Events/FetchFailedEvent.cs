using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>A peer did not have an input, or could not be reached.</summary>
/// <param name="Key">The input that did not come.</param>
/// <param name="Holder">The peer's data address.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record FetchFailedEvent(TaskKey Key, string Holder, string StimulusId) : WorkerEvent(StimulusId);
