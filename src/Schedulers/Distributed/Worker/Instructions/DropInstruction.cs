using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Remove values from the store.</summary>
/// <param name="Keys">The keys, in the order they were let go.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record DropInstruction(ValueList<TaskKey> Keys, string StimulusId) : WorkerInstruction(StimulusId);
