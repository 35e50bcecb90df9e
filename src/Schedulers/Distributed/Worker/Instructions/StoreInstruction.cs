using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Keep the value that just arrived for this key (a result or a fetched input) in the store; a value not named so is thrown away.</summary>
/// <param name="Key">The key whose value arrived.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record StoreInstruction(TaskKey Key, string StimulusId) : WorkerInstruction(StimulusId);
