using LazyDist.Distributed.States;

namespace LazyDist.Distributed.Client;

/// <summary>Handles or computations let go of keys; a key nothing here holds any more is released on the cluster.</summary>
/// <param name="Interests">One entry per interest dropped.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record InterestsReleasedEvent(ValueList<KeyInterest> Interests, string StimulusId) : ClientEvent(StimulusId);
