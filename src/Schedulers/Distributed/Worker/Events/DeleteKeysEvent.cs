using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The center no longer needs these results here.</summary>
/// <param name="Keys">The keys to drop here.</param>
/// <param name="StimulusId">The center's id for the event that let them go.</param>
internal sealed record DeleteKeysEvent(ValueList<TaskKey> Keys, string StimulusId) : WorkerEvent(StimulusId);
