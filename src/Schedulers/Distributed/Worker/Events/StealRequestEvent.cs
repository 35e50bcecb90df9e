using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The center asks for a task back, to give it to an idle worker (work stealing).</summary>
/// <param name="Key">The task asked back.</param>
/// <param name="StimulusId">The center's balance pass that asked; the answer carries it.</param>
internal sealed record StealRequestEvent(TaskKey Key, string StimulusId) : WorkerEvent(StimulusId);
