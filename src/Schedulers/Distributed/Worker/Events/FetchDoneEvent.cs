using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>A peer sent an input's value (the host keeps it until the machine says to store it).</summary>
/// <param name="Key">The input that arrived.</param>
/// <param name="NBytes">Its size.</param>
/// <param name="StimulusId">Traces the event's effects.</param>
internal sealed record FetchDoneEvent(TaskKey Key, long NBytes, string StimulusId) : WorkerEvent(StimulusId);
