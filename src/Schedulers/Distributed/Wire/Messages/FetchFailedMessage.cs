using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Worker to center: an input of a task could not be had from any peer said to hold it; the worker dropped the task.</summary>
/// <param name="Task">The task that needed the input.</param>
/// <param name="Dependency">The input no holder had.</param>
/// <param name="Holders">The data addresses that did not have it (empty when none was named).</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record FetchFailedMessage(
    [property: Key(0)] WireKey Task,
    [property: Key(1)] WireKey Dependency,
    [property: Key(2)] string[] Holders,
    [property: Key(3)] string StimulusId = "") : WireMessage;
