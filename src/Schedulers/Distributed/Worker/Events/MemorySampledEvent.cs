namespace LazyDist.Distributed.Worker;

/// <summary>The host measured its process's memory (the GC's figures and the RSS, see <c>ProcessMemory</c>).</summary>
/// <param name="ProcessBytes">The bytes the process uses now.</param>
/// <param name="StimulusId">Traces the event's effects (<c>memory-NAME-N</c>).</param>
internal sealed record MemorySampledEvent(long ProcessBytes, string StimulusId) : WorkerEvent(StimulusId);
