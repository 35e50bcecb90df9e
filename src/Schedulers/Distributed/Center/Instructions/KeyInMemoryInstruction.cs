using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a client a wanted key can be gathered from these workers.</summary>
/// <param name="ClientId">The client that wants the key.</param>
/// <param name="Key">The key now in memory.</param>
/// <param name="Holders">Data addresses of the workers that hold it, by worker id.</param>
/// <param name="NBytes">The value's size.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record KeyInMemoryInstruction(int ClientId, TaskKey Key, ValueList<string> Holders, long NBytes, string StimulusId) : SchedulerInstruction(StimulusId);
