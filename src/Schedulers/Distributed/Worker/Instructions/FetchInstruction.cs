using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Worker;

/// <summary>Fetch inputs from one peer's data port, in one request.</summary>
/// <param name="Holder">The peer's data address.</param>
/// <param name="Keys">The inputs to ask it for.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record FetchInstruction(string Holder, ValueList<TaskKey> Keys, string StimulusId) : WorkerInstruction(StimulusId);
