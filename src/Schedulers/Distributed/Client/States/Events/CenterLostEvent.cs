namespace LazyDist.Distributed.Client;

/// <summary>The connection to the center closed or broke: nothing pending can complete.</summary>
/// <param name="Reason">Why, for the errors of what waits.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record CenterLostEvent(string Reason, string StimulusId) : ClientEvent(StimulusId);
