using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a worker to drop results from memory now: no pending task and no client needs them.</summary>
/// <param name="WorkerId">The worker that holds them.</param>
/// <param name="Keys">The results, in the order the center let them go.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record DeleteKeysInstruction(int WorkerId, ValueList<TaskKey> Keys, string StimulusId) : SchedulerInstruction(StimulusId);
