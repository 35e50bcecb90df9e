using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Someone here waits for a key's value: fetch it from a holder once the key is in memory.</summary>
/// <param name="Key">The key whose value is awaited.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record ValueWantedEvent(TaskKey Key, string StimulusId) : ClientEvent(StimulusId);
