namespace LazyDist.Distributed.Client;

/// <summary>The submission was not taken (nothing changed): tell the caller why.</summary>
/// <param name="Reason">Why, naming the assembly.</param>
/// <param name="StimulusId">The event that caused it.</param>
internal sealed record RefuseSubmitInstruction(string Reason, string StimulusId) : ClientInstruction(StimulusId);
