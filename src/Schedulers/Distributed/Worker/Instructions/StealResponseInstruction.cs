using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Answer the center's steal request.</summary>
/// <param name="Key">The task the center asked back.</param>
/// <param name="Stolen">True when the task was only queued here and is dropped; false when it runs here, is done, or is not here.</param>
/// <param name="StimulusId">The request's stimulus id.</param>
internal sealed record StealResponseInstruction(TaskKey Key, bool Stolen, string StimulusId) : WorkerInstruction(StimulusId);
