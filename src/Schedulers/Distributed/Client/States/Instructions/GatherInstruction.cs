using LazyDist.Distributed.States;
using LazyDist.Graph;

namespace LazyDist.Distributed.Client;

/// <summary>Fetch values from one worker's data port, in one request.</summary>
/// <param name="Holder">The worker's data address.</param>
/// <param name="Keys">The keys to ask it for.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record GatherInstruction(string Holder, ValueList<TaskKey> Keys, string StimulusId) : ClientInstruction(StimulusId);
