using LazyDist.Distributed.Center;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>The center: a wanted key cannot be computed.</summary>
/// <param name="Key">The key that failed.</param>
/// <param name="FailedKey">The task that failed.</param>
/// <param name="Error">Its exception, as text.</param>
/// <param name="StimulusId">The center's id for the event that failed it.</param>
internal sealed record KeyErredEvent(TaskKey Key, TaskKey FailedKey, ErrorInfo Error, string StimulusId) : ClientEvent(StimulusId);
