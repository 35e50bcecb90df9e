using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Tell the center a worker it named does not have a key.</summary>
/// <param name="Key">The key the worker did not have.</param>
/// <param name="Holder">The worker's data address.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ReportMissingInstruction(TaskKey Key, string Holder, string StimulusId) : ClientInstruction(StimulusId);
