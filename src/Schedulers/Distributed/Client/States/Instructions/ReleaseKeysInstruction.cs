using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Tell the center this client no longer wants these keys.</summary>
/// <param name="Keys">The keys to let go.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record ReleaseKeysInstruction(ValueList<TaskKey> Keys, string StimulusId) : ClientInstruction(StimulusId);
