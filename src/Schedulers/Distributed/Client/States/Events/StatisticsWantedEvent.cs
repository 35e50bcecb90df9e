namespace LazyDist.Distributed.Client;

/// <summary>The user asks for the cluster's counters (read by the center after everything sent before).</summary>
/// <param name="ResetPeak">Start a new peak measurement after answering.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record StatisticsWantedEvent(bool ResetPeak, string StimulusId) : ClientEvent(StimulusId);
