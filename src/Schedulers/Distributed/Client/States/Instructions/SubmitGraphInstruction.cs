using LazyDist.Distributed.Center;
using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Send tasks and the keys wanted to the center (a big submission in parts, inputs first, the wanted keys with the last).</summary>
/// <param name="Tasks">The tasks of this part.</param>
/// <param name="Wanted">The keys wanted, each once (empty but in the last part).</param>
/// <param name="StimulusId">The event that caused it.</param>
/// <param name="More">More parts of this submission follow.</param>
internal sealed record SubmitGraphInstruction(ValueList<TaskSpec> Tasks, ValueList<TaskKey> Wanted, string StimulusId, bool More = false) : ClientInstruction(StimulusId);
