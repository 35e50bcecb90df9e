namespace LazyDist.Distributed.Client;

/// <summary>Fail everyone waiting for a key's value.</summary>
/// <param name="Error">Why.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record FailWaitersInstruction(ClientError Error, string StimulusId) : ClientInstruction(StimulusId);
