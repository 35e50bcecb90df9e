using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Send tasks and the keys wanted to the center.</summary>
/// <param name="Tasks">The tasks.</param>
/// <param name="Wanted">The keys wanted, each once.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record SubmitGraphInstruction(ValueList<TaskSpec> Tasks, ValueList<TaskKey> Wanted, string StimulusId) : ClientInstruction(StimulusId);
