namespace LazyDist.Distributed.Client;

/// <summary>The center asks for an assembly this client offered as a dependency (a worker needs it).</summary>
/// <param name="Hash">The assembly's hash.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record CodeRequestedEvent(string Hash, string StimulusId) : ClientEvent(StimulusId);
