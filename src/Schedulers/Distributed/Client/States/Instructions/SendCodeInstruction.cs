namespace LazyDist.Distributed.Client;

/// <summary>Send an assembly's bytes to the center, or say it is not here (<paramref name="Found"/> false).</summary>
/// <param name="Hash">The assembly's hash.</param>
/// <param name="Found">Whether this client offered it.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record SendCodeInstruction(string Hash, bool Found, string StimulusId) : ClientInstruction(StimulusId);
