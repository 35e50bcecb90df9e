using LazyDist.Graph;

namespace LazyDist.Distributed.States;

/// <summary>One move of one task in a state machine's transition log.</summary>
/// <typeparam name="TStatus">The machine's task statuses.</typeparam>
/// <param name="Key">The task that moved.</param>
/// <param name="From">Its status before.</param>
/// <param name="To">Its status after.</param>
/// <param name="StimulusId">The event that caused the move.</param>
/// <param name="Time">When it was handled.</param>
internal readonly record struct TransitionRecord<TStatus>(TaskKey Key, TStatus From, TStatus To, string StimulusId, DateTimeOffset Time)
    where TStatus : struct, Enum
{
    public override string ToString() => $"{Time:HH:mm:ss.ffffff} {Key}: {From} -> {To} ({StimulusId})";
}
