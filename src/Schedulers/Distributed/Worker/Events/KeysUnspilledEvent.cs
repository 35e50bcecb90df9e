using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>The store read spilled values back into memory (a task or a peer needed them) and deleted their files.</summary>
/// <param name="Keys">The keys now in memory again.</param>
/// <param name="StimulusId">Traces the event's effects (<c>unspilled-NAME-N</c>).</param>
internal sealed record KeysUnspilledEvent(ValueList<TaskKey> Keys, string StimulusId) : WorkerEvent(StimulusId);
