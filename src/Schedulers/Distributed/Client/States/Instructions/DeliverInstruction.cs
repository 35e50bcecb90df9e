using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Hand the value just fetched for a key to everyone waiting for it.</summary>
/// <param name="Key">The key whose value arrived.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record DeliverInstruction(TaskKey Key, string StimulusId) : ClientInstruction(StimulusId);
