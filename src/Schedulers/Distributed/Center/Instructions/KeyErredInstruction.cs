using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a client a wanted key cannot be computed.</summary>
/// <param name="ClientId">The clientId.</param>
/// <param name="Key">The key.</param>
/// <param name="FailedKey">The failedKey.</param>
/// <param name="Error">The error.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record KeyErredInstruction(int ClientId, TaskKey Key, TaskKey FailedKey, ErrorInfo Error, string StimulusId) : SchedulerInstruction(StimulusId);
