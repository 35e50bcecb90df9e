using LazyDist.Distributed.States;

namespace LazyDist.Distributed.Client;

/// <summary>The user cancelled keys: dropped here at once, whoever here held them, and released on the cluster.</summary>
/// <param name="Keys">The keys, by the records the cancelled handles hold.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record KeysCancelledEvent(ValueList<KeyInterest> Keys, string StimulusId) : ClientEvent(StimulusId);
