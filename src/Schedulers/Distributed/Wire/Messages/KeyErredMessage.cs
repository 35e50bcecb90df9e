using MessagePack;

namespace LazyDist.Distributed.Wire;

/// <summary>Center to client: a wanted key cannot be computed because a task failed.</summary>
/// <param name="Key">The wanted key.</param>
/// <param name="FailedKey">The task that failed.</param>
/// <param name="ExceptionType">The exception's full type name.</param>
/// <param name="Text">The exception's message.</param>
/// <param name="StackTrace">Where it was thrown.</param>
/// <param name="StimulusId">The id of the event that caused this message, for the receiver's story.</param>
[MessagePackObject]
internal sealed record KeyErredMessage(
    [property: Key(0)] WireKey Key,
    [property: Key(1)] WireKey FailedKey,
    [property: Key(2)] string ExceptionType,
    [property: Key(3)] string Text,
    [property: Key(4)] string? StackTrace,
    [property: Key(5)] string StimulusId = "") : WireMessage;
