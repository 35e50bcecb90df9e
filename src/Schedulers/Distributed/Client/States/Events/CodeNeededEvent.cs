using LazyDist.Distributed.States;

namespace LazyDist.Distributed.Client;

/// <summary>The center answered the oldest unanswered code offer: these assemblies it lacks.</summary>
/// <param name="Hashes">The hashes to send now.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record CodeNeededEvent(ValueList<string> Hashes, string StimulusId) : ClientEvent(StimulusId);
