using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a worker to drop keys from memory now.</summary>
/// <param name="WorkerId">The workerId.</param>
/// <param name="Keys">The keys.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record DeleteKeysInstruction(int WorkerId, IReadOnlyList<TaskKey> Keys, string StimulusId) : SchedulerInstruction(StimulusId);
