using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>The center: a wanted key is held by these workers.</summary>
/// <param name="Key">The key now in memory.</param>
/// <param name="Holders">The data addresses of its holders.</param>
/// <param name="NBytes">The value's size.</param>
/// <param name="StimulusId">The center's id for the event that put it in memory.</param>
internal sealed record KeyInMemoryEvent(TaskKey Key, ValueList<string> Holders, long NBytes, string StimulusId) : ClientEvent(StimulusId);
