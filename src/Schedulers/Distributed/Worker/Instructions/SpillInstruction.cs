using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Write these held values to the worker's local directory and let go of them in memory (read back on demand).</summary>
/// <param name="Keys">The keys, least recently used first.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record SpillInstruction(ValueList<TaskKey> Keys, string StimulusId) : WorkerInstruction(StimulusId);
