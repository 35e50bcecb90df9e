namespace LazyDist.Distributed.Client;

/// <summary>Ask the center for its counters.</summary>
/// <param name="ResetPeak">Start a new peak measurement after answering.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record GetStatisticsInstruction(bool ResetPeak, string StimulusId) : ClientInstruction(StimulusId);
