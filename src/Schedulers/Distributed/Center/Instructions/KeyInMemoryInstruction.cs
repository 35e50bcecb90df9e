using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a client a wanted key can be gathered from these workers.</summary>
/// <param name="ClientId">The clientId.</param>
/// <param name="Key">The key.</param>
/// <param name="Holders">The holders.</param>
/// <param name="NBytes">The nBytes.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record KeyInMemoryInstruction(int ClientId, TaskKey Key, IReadOnlyList<string> Holders, long NBytes, string StimulusId) : SchedulerInstruction(StimulusId);
