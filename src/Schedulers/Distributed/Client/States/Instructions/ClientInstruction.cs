namespace LazyDist.Distributed.Client;

/// <summary>An output of <see cref="ClientState"/>: something the client host must send or do.</summary>
/// <param name="StimulusId">The event that caused it.</param>
internal abstract record ClientInstruction(string StimulusId);
