using LazyDist.Graph;

namespace LazyDist.Distributed.States;

/// <summary>
/// A state machine was asked to move a task between two statuses that its transition table does
/// not connect, or found one of its invariants broken: a bug in the machine, never bad input.
/// The message names the key, the statuses, the stimulus and the task's story.
/// </summary>
internal sealed class ImpossibleTransitionException : InvalidOperationException
{
    public ImpossibleTransitionException(string machine, TaskKey key, string from, string to, string stimulusId, string story)
        : base($"{machine}: impossible transition from {from} to {to} for {key}: stimulus_id={stimulusId}, story: {story}")
    {
        Key = key;
    }

    public ImpossibleTransitionException(string message, TaskKey key) : base(message)
    {
        Key = key;
    }

    /// <summary>The task that could not move.</summary>
    public TaskKey Key { get; }
}
