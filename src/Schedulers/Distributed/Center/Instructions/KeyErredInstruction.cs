using LazyDist.Graph;

namespace LazyDist.Distributed.Center;

/// <summary>Tell a client a wanted key cannot be computed.</summary>
/// <param name="ClientId">The client that wants the key.</param>
/// <param name="Key">The key it wanted.</param>
/// <param name="FailedKey">The task that failed: the key itself or one it depends on.</param>
/// <param name="Error">Why.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record KeyErredInstruction(int ClientId, TaskKey Key, TaskKey FailedKey, ErrorInfo Error, string StimulusId) : SchedulerInstruction(StimulusId);
